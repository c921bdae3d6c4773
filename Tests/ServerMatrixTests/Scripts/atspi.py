#!/usr/bin/python3
"""Sees and clicks notification bubbles the way a person would, through AT-SPI.

Run with the system python3 (it has gi and pyatspi). Commands, each for one application
(its AT-SPI name, e.g. "xfce4-notifyd"):

  texts APP                       every showing text on APP's windows, one line each
  wait-text APP TEXT [--gone] [--exact]
                                  wait until a showing text contains (is) TEXT, or none does
  press APP LABEL [--pointer] [--near TEXT]
                                  press the showing button LABEL (in the window that shows
                                  TEXT); --pointer moves the X pointer there and clicks with
                                  xdotool, for servers whose buttons ignore doAction
  choose APP ITEM OK [--near TEXT]
                                  pick ITEM in the combo box and press OK (lxqt's menu of
                                  four or more actions)
  extents APP LABEL [--near TEXT] print the screen rectangle of LABEL: x y width height
  reply APP TEXT SEND [--near T]  type TEXT into the showing editable field (an inline reply
                                  opened with the reply action) and press SEND
  count APP TEXT                  how many showing labels read exactly TEXT
  has-combo APP [--near TEXT]     "yes" when a combo box is showing (in the window with TEXT)

--toplevel looks only near the top of the tree (GNOME Shell: a banner on screen, not the
copy nested deep in the message list).

AT-SPI does emit events, but a tree that appears while we look is simplest to read by looking
again: the waits below poll every 100 ms, bounded by --timeout.
"""
import argparse
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib

BUTTON_ROLES = {pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_BUTTON if hasattr(pyatspi, "ROLE_BUTTON") else pyatspi.ROLE_PUSH_BUTTON,
                pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_LINK}


def app_named(name):
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.name == name:
            return app
    return None


def walk(node, depth=0, limit=40):
    if node is None or depth > limit:
        return
    yield node, depth
    try:
        children = list(node)
    except Exception:
        return
    for child in children:
        yield from walk(child, depth + 1, limit)


def showing(node):
    try:
        return node.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:
        return False


DEPTH = 40
TOPLEVEL_DEPTH = 12  # GNOME Shell 43: a banner's labels sit at depth 10, the message list's copy at 20


def texts_of(node):
    out = []
    for n, _ in walk(node, limit=DEPTH):
        if not showing(n):
            continue
        try:
            name = (n.name or "").strip()
        except Exception:  # the node went away while the tree was read (a bubble closing)
            continue
        if name:
            out.append(name)
        try:
            t = n.queryText()
            s = t.getText(0, t.characterCount).strip()
            if s and s != name:
                out.append(s)
        except Exception:
            pass
    return out


def text_of(node):
    try:
        t = node.queryText()
        return t.getText(0, t.characterCount).strip()
    except Exception:
        return ""


def windows(app):
    """The application's top-level windows that are on screen."""
    return [w for w in app if w is not None and showing(w)] if app else []


def find_button(app, label, near):
    for window in windows(app):
        if near and not any(near in t for t in texts_of(window)):
            continue
        for n, _ in walk(window):
            if n.name == label and showing(n) and n.getRole() in BUTTON_ROLES:
                return n
    return None


def center(node):
    e = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return e.x + e.width // 2, e.y + e.height // 2, e


def pointer_click(x, y):
    subprocess.run(["xdotool", "mousemove", str(x), str(y)], check=True)
    time.sleep(0.15)  # let the server see the pointer enter before the press (hover state)
    subprocess.run(["xdotool", "click", "1"], check=True)


def wait_for(predicate, timeout):
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = predicate()
        except GLib.GError:  # the tree changed under the look (an object vanished): look again
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            return None
        time.sleep(0.1)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("command")
    p.add_argument("app")
    p.add_argument("args", nargs="*")
    p.add_argument("--near")
    p.add_argument("--pointer", action="store_true")
    p.add_argument("--gone", action="store_true")
    p.add_argument("--exact", action="store_true")
    p.add_argument("--timeout", type=float, default=10)
    p.add_argument("--toplevel", action="store_true")
    a = p.parse_args()
    global DEPTH
    if a.toplevel:
        DEPTH = TOPLEVEL_DEPTH

    if a.command == "count":
        # Distinct places on screen: GNOME Shell reaches one banner from two top-level windows.
        text = a.args[0].strip()
        places = set()
        for window in windows(app_named(a.app)):
            for n, _ in walk(window, limit=DEPTH):
                if showing(n) and text in ((n.name or "").strip(), text_of(n)):
                    e = n.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
                    places.add((e.x, e.y, e.width, e.height))
        print(len(places))
        return 0

    if a.command == "reply":
        text, send = a.args

        def field():
            for window in windows(app_named(a.app)):
                if a.near and not any(a.near in t for t in texts_of(window)):
                    continue
                found = [n for n, _ in walk(window) if n.getRole() in (pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY) and showing(n)
                         and n.getState().contains(pyatspi.STATE_EDITABLE)]
                if found:
                    return found[-1]  # the reply field comes after the body
            return None
        entry = wait_for(field, a.timeout)
        if entry is None:
            print(f"{a.app}: no editable field on screen", file=sys.stderr)
            return 1
        # Plasma's field offers no EditableText: type as a person does, into the clicked field.
        pointer_click(*center(entry)[:2])
        subprocess.run(["xdotool", "type", "--delay", "20", text], check=True)
        button = wait_for(lambda: find_button(app_named(a.app), send, a.near), a.timeout)
        if button is None:
            print(f"{a.app}: no {send!r} button next to the field", file=sys.stderr)
            return 1
        button.queryAction().doAction(0)
        return 0

    if a.command == "has-combo":
        app = app_named(a.app)
        for window in windows(app):
            if a.near and not any(a.near in t for t in texts_of(window)):
                continue
            if any(n.getRole() == pyatspi.ROLE_COMBO_BOX and showing(n) for n, _ in walk(window)):
                print("yes")
                return 0
        print("no")
        return 0

    if a.command == "texts":
        app = app_named(a.app)
        for window in windows(app):
            for t in texts_of(window):
                print(t.replace("\n", " "))
            print("--")
        return 0

    if a.command == "wait-text":
        text = a.args[0]

        def seen():
            app = app_named(a.app)
            return any((t == text.strip()) if a.exact else (text.strip() in t) for w in windows(app) for t in texts_of(w))
        ok = wait_for((lambda: not seen()) if a.gone else seen, a.timeout)
        if not ok:
            app = app_named(a.app)
            shown = [t for w in windows(app) for t in texts_of(w)]
            print(f"{a.app}: text {text!r} {'still' if a.gone else 'never'} on screen after {a.timeout}s; showing: {shown}",
                  file=sys.stderr)
            return 1
        return 0

    if a.command in ("press", "extents"):
        label = a.args[0]
        button = wait_for(lambda: find_button(app_named(a.app), label, a.near), a.timeout)
        if button is None:
            app = app_named(a.app)
            print(f"{a.app}: no showing button {label!r}{' near ' + repr(a.near) if a.near else ''}; "
                  f"on screen: {[t for w in windows(app) for t in texts_of(w)]}", file=sys.stderr)
            return 1
        x, y, e = center(button)
        if a.command == "extents":
            print(e.x, e.y, e.width, e.height)
        elif a.pointer:
            pointer_click(x, y)
        else:
            button.queryAction().doAction(0)
        return 0

    if a.command == "choose":
        item, ok_label = a.args
        app = wait_for(lambda: app_named(a.app), a.timeout)
        combo = None
        for window in windows(app):
            if a.near and not any(a.near in t for t in texts_of(window)):
                continue
            for n, _ in walk(window):
                if n.getRole() == pyatspi.ROLE_COMBO_BOX and showing(n):
                    combo = n
        if combo is None:
            print(f"{a.app}: no combo box on screen", file=sys.stderr)
            return 1
        x, y, _ = center(combo)
        pointer_click(x, y)  # opens the list

        def opened_entry():
            # The closed list reports items at 0,0; once open they have their place on screen.
            for n, _ in walk(combo):
                if n.name == item and n.getRole() in (pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_MENU_ITEM):
                    e = n.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
                    list_e = n.parent.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
                    if e.height > 0 and list_e.width > 0 and (list_e.x > 0 or list_e.y > 0):
                        return (list_e.x + list_e.width // 2, e.y + e.height // 2)
            return None
        spot = wait_for(opened_entry, a.timeout)
        if spot is None:
            print(f"{a.app}: no item {item!r} in the opened combo box", file=sys.stderr)
            return 1
        pointer_click(*spot)
        button = wait_for(lambda: find_button(app_named(a.app), ok_label, a.near), a.timeout)
        if button is None:
            print(f"{a.app}: no {ok_label!r} button after choosing", file=sys.stderr)
            return 1
        button.queryAction().doAction(0)
        return 0

    print(f"unknown command {a.command}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
