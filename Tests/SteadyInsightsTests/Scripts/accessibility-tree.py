#!/usr/bin/env python3
"""Prints the accessibility tree headless Chromium builds for a page, as JSON.

Usage: accessibility-tree.py CHROMIUM PAGE.html PROFILE-DIR

Starts Chromium with its DevTools protocol on a free port (--remote-debugging-port=0; the
port is read from the "DevTools listening on ws://..." line Chromium prints), connects to
its blank page's WebSocket with nothing but the standard library, navigates it to the page,
waits for the load event, and asks for Accessibility.getFullAXTree. Prints {"lang": ..., "nodes": [...]},
where each node not ignored is {"role", "name", "description", "level"}, in tree order
(depth first, as a screen reader walks the page).
Exits non-zero, saying why on stderr, when any step fails.
"""
import base64
import json
import os
import re
import socket
import struct
import subprocess
import sys
import threading
import urllib.request

TIMEOUT = 60


def fail(message):
    sys.stderr.write("accessibility-tree: " + message + "\n")
    sys.exit(1)


class WebSocket:
    """A minimal client (RFC 6455): text frames out, masked; text frames in, reassembled."""

    def __init__(self, url):
        match = re.match(r"ws://([^/:]+):(\d+)(/.*)", url)
        if not match:
            fail("not a ws:// URL: " + url)
        host, port, path = match.group(1), int(match.group(2)), match.group(3)
        self.sock = socket.create_connection((host, port), timeout=TIMEOUT)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(request.encode())
        response = b""
        while b"\r\n\r\n" not in response:
            chunk = self.sock.recv(4096)
            if not chunk:
                fail("the DevTools socket closed during the handshake")
            response += chunk
        head, self.buffer = response.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n")[0]:
            fail("the DevTools socket refused the upgrade: " + head.decode(errors="replace"))

    def _read(self, count):
        while len(self.buffer) < count:
            chunk = self.sock.recv(65536)
            if not chunk:
                fail("the DevTools socket closed")
            self.buffer += chunk
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def send(self, text):
        payload = text.encode()
        header = bytes([0x81])
        length = len(payload)
        if length < 126:
            header += bytes([0x80 | length])
        elif length < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", length)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", length)
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def receive(self):
        message = b""
        while True:
            first, second = self._read(2)
            opcode, final = first & 0x0F, first & 0x80
            length = second & 0x7F
            if length == 126:
                length = struct.unpack(">H", self._read(2))[0]
            elif length == 127:
                length = struct.unpack(">Q", self._read(8))[0]
            if second & 0x80:
                mask = self._read(4)
                data = bytes(b ^ mask[i % 4] for i, b in enumerate(self._read(length)))
            else:
                data = self._read(length)
            if opcode == 0x8:
                fail("the DevTools socket was closed by Chromium")
            if opcode in (0x9, 0xA):
                continue
            message += data
            if final:
                return message.decode()


class DevTools:
    def __init__(self, url):
        self.socket = WebSocket(url)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            reply = json.loads(self.socket.receive())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    fail(f"{method} failed: {reply['error']}")
                return reply["result"]
            if "method" in reply:
                self.events.append(reply)

    def wait_for(self, event):
        while True:
            for index, message in enumerate(self.events):
                if message["method"] == event:
                    return self.events.pop(index)
            message = json.loads(self.socket.receive())
            if "method" in message:
                self.events.append(message)


def main():
    if len(sys.argv) != 4:
        fail("usage: accessibility-tree.py CHROMIUM PAGE.html PROFILE-DIR")
    chromium, page, profile = sys.argv[1:]
    url = "file://" + os.path.abspath(page)
    browser = subprocess.Popen(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
         "--remote-debugging-port=0", "--remote-allow-origins=*", f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    # A stuck browser must not hang the test.
    watchdog = threading.Timer(TIMEOUT * 2, browser.kill)
    watchdog.start()
    try:
        endpoint = None
        for line in browser.stderr:
            match = re.search(r"DevTools listening on (ws://[^\s]+)", line)
            if match:
                endpoint = match.group(1)
                break
        if endpoint is None:
            fail(f"Chromium ended without opening its DevTools port (exit {browser.wait()})")
        # Keep draining stderr so Chromium never blocks on a full pipe.
        threading.Thread(target=lambda: [None for _ in browser.stderr], daemon=True).start()
        port = re.match(r"ws://[^/:]+:(\d+)/", endpoint).group(1)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=TIMEOUT) as response:
            targets = json.load(response)
        pages = [t for t in targets if t.get("type") == "page"]
        if not pages:
            fail(f"no page among {targets}")
        tools = DevTools(pages[0]["webSocketDebuggerUrl"])
        tools.call("Page.enable")
        navigation = tools.call("Page.navigate", url=url)
        if navigation.get("errorText"):
            fail(f"Chromium could not open {url}: {navigation['errorText']}")
        tools.wait_for("Page.loadEventFired")
        lang = tools.call("Runtime.evaluate", returnByValue=True,
                          expression="document.documentElement.lang")["result"].get("value")
        tools.call("Accessibility.enable")
        tree = tools.call("Accessibility.getFullAXTree")["nodes"]
        # In tree (document) order: depth first from the root, through ignored nodes too.
        by_id = {node["nodeId"]: node for node in tree}
        roots = [node for node in tree if node.get("parentId") not in by_id]
        ordered, stack = [], list(reversed(roots))
        while stack:
            node = stack.pop()
            ordered.append(node)
            stack.extend(reversed([by_id[child] for child in node.get("childIds", []) if child in by_id]))
        nodes = []
        for node in ordered:
            if node.get("ignored"):
                continue
            level = next((p["value"].get("value") for p in node.get("properties", []) if p.get("name") == "level"), None)
            nodes.append({
                "role": node.get("role", {}).get("value"),
                "name": node.get("name", {}).get("value", ""),
                "description": node.get("description", {}).get("value", ""),
                "level": level,
            })
        try:
            tools.call("Browser.close")
        except SystemExit:
            pass
        json.dump({"lang": lang, "nodes": nodes}, sys.stdout)
    finally:
        watchdog.cancel()
        if browser.poll() is None:
            browser.kill()
        browser.wait()


if __name__ == "__main__":
    main()
