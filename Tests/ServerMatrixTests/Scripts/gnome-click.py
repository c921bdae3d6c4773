#!/usr/bin/python3
"""Clicks a button on a GNOME Shell 43 banner as a person does, or takes a screenshot.

  gnome-click.py LABEL --near SUMMARY   hover the banner titled SUMMARY (its buttons show only
                                        while hovered), then click its button LABEL
  gnome-click.py --screenshot FILE      a PNG of the screen (org.gnome.Shell.Screenshot)

The pointer is a virtual one from Mutter's RemoteDesktop (relative motion needs no
screencast); positions come from the shell's AT-SPI tree. Run as the desktop's user with the
system python3. The banner and its buttons appear while we look, so the waits poll every
100 ms, bounded by --timeout.
"""
import argparse
import sys
import time

import pyatspi
from gi.repository import Gio, GLib

BANNER_DEPTH = 14  # a banner's labels and buttons; the message list's copy is nested deeper
BTN_LEFT = 0x110


def shell():
    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == "gnome-shell":
            return app
    return None


def find(name, roles=None):
    def walk(node, depth):
        if node is None or depth > BANNER_DEPTH:
            return None
        try:
            if node.name == name and node.getState().contains(pyatspi.STATE_SHOWING) \
                    and (roles is None or node.getRole() in roles):
                return node
            for child in node:
                found = walk(child, depth + 1)
                if found:
                    return found
        except Exception:
            return None
        return None
    return walk(shell(), 0)


def wait_for(predicate, timeout):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def center(node):
    e = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return e.x + e.width / 2, e.y + e.height / 2


class Pointer:
    def __init__(self, bus):
        self.bus = bus
        reply = bus.call_sync("org.gnome.Mutter.RemoteDesktop", "/org/gnome/Mutter/RemoteDesktop",
                              "org.gnome.Mutter.RemoteDesktop", "CreateSession", None, GLib.VariantType("(o)"),
                              Gio.DBusCallFlags.NONE, 5000, None)
        self.path = reply.unpack()[0]
        self.session("Start")
        # Parked bottom-right (the top-left corner is the Activities hot corner): a known place.
        self.move(10000, 10000)
        self.x, self.y = None, None

    def session(self, method, args=None):
        self.bus.call_sync("org.gnome.Mutter.RemoteDesktop", self.path, "org.gnome.Mutter.RemoteDesktop.Session",
                           method, args, None, Gio.DBusCallFlags.NONE, 5000, None)

    def move(self, dx, dy):
        self.session("NotifyPointerMotionRelative", GLib.Variant("(dd)", (float(dx), float(dy))))
        time.sleep(0.05)

    def move_to(self, x, y, corner):
        if self.x is None:
            self.x, self.y = corner
        # In small steps, as a hand moves, so the shell sees the pointer enter the banner.
        steps = 10
        dx, dy = (x - self.x) / steps, (y - self.y) / steps
        for _ in range(steps):
            self.move(dx, dy)
        self.x, self.y = x, y

    def click(self):
        self.session("NotifyPointerButton", GLib.Variant("(ib)", (BTN_LEFT, True)))
        time.sleep(0.05)
        self.session("NotifyPointerButton", GLib.Variant("(ib)", (BTN_LEFT, False)))

    def stop(self):
        try:
            self.session("Stop")
        except GLib.Error:
            pass


def screen_size():
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.name == "gnome-shell":
            for window in app:
                e = window.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
                if e.width > 0:
                    return e.width, e.height
    return 1280, 800


def main():
    p = argparse.ArgumentParser()
    p.add_argument("label", nargs="?")
    p.add_argument("--near")
    p.add_argument("--screenshot")
    p.add_argument("--timeout", type=float, default=10)
    a = p.parse_args()
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)

    if a.screenshot:
        # The shell answers only allow-listed callers; org.gnome.Screenshot is one.
        bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "RequestName",
                      GLib.Variant("(su)", ("org.gnome.Screenshot", 4)), None, Gio.DBusCallFlags.NONE, 5000, None)
        reply = bus.call_sync("org.gnome.Shell.Screenshot", "/org/gnome/Shell/Screenshot", "org.gnome.Shell.Screenshot",
                              "Screenshot", GLib.Variant("(bbs)", (False, False, a.screenshot)), None,
                              Gio.DBusCallFlags.NONE, 10000, None)
        ok, _ = reply.unpack()
        return 0 if ok else 1

    banner = wait_for(lambda: find(a.near, {pyatspi.ROLE_LABEL}), a.timeout)
    if banner is None:
        print(f"gnome-shell: no banner {a.near!r} on screen", file=sys.stderr)
        return 1
    width, height = screen_size()
    pointer = Pointer(bus)
    try:
        pointer.move_to(*center(banner), corner=(width - 1, height - 1))
        button = wait_for(lambda: find(a.label, {pyatspi.ROLE_PUSH_BUTTON}), a.timeout)
        if button is None:
            print(f"gnome-shell: the banner {a.near!r} shows no button {a.label!r} while hovered", file=sys.stderr)
            return 1
        pointer.move_to(*center(button), corner=None)
        time.sleep(0.2)
        pointer.click()
        time.sleep(0.2)
        pointer.move_to(width - 1, height - 1, corner=None)  # away, so the next banner is not held open
    finally:
        pointer.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
