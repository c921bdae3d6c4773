#!/usr/bin/env python3
"""The kill -9 loop, long: the release daemon killed -9 at random moments, 1 000 times by default,
while answers arrive on dunst's bubbles (clicked through its menu) and from the terminal
(`steady answer` with a value, "skip" or "later", and `steady wins add`). The same loop as
Tests/EndToEndTests/KillLoopTests.swift (200 cycles in `make test`); this prints figures.

  bench/kill-loop.py [--cycles 1000] [--seed N]

Prints: cycles, acknowledged items (on the bubble / steady answer / entries), lost (must be 0),
PRAGMA integrity_check, prompts shown twice (must be 0: shown after it ended, or a second live
bubble for one prompt), bubbles the server created as the daemon died (before it could record
them; the only second bubble tolerated), what is wrong after the last restart, and the time.
Exits 1 when anything acknowledged was lost, the journal is damaged or a prompt was shown twice.
Needs: dbus-daemon, Xvfb, dunst, dunstctl, dbus-monitor, sqlite3 (installed by `make test`).
"""
import argparse, os, random, re, shutil, signal, socket, sqlite3, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("STEADY_BIN", os.path.join(ROOT, ".build/release/steady"))

CONFIG = """quiet-hours = "off"
daily-limit = 100000
back-off = false
expire-after = "20s"
snooze = "2s"
snooze-limit = 2
[practices.morning-mindfulness]
schedule = "*:*:0/3"
[practices.sleep-wind-down]
schedule = "*:*:1/3"
"""

DMENU = """#!/bin/sh
input=$(cat)
pattern=$(cat '{pattern}' 2>/dev/null)
printf '%s\\n' "$input" | grep -F -m 1 -e "$pattern"
exit 0
"""

DUNSTRC = """[global]
    font = Monospace 8
    notification_limit = 0
    stack_duplicates = false
    idle_threshold = 0
    dmenu = {dmenu}
[urgency_low]
    timeout = 0
[urgency_normal]
    timeout = 0
[urgency_critical]
    timeout = 0
"""


class Desktop:
    """A private session bus, Xvfb, dunst with a scripted menu, and dbus-monitor writing to a file."""

    def __init__(self, tmp):
        self.tmp, self.procs = tmp, []
        conf = os.path.join(tmp, "bus.conf")
        with open(conf, "w") as f:
            f.write(f"""<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:path={tmp}/bus</listen>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>""")
        bus = self.spawn(["dbus-daemon", f"--config-file={conf}", "--nofork", "--print-address=1"], stdout=subprocess.PIPE, text=True)
        self.address = bus.stdout.readline().strip()
        xvfb = self.spawn(["Xvfb", "-displayfd", "1", "-screen", "0", "800x600x24", "-nolisten", "tcp"], stdout=subprocess.PIPE, text=True)
        self.display = ":" + xvfb.stdout.readline().strip()
        self.env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=self.address, DISPLAY=self.display)
        self.pattern = os.path.join(tmp, "pattern")
        dmenu = os.path.join(tmp, "dmenu.sh")
        with open(dmenu, "w") as f:
            f.write(DMENU.format(pattern=self.pattern))
        os.chmod(dmenu, 0o755)
        rc = os.path.join(tmp, "dunstrc")
        with open(rc, "w") as f:
            f.write(DUNSTRC.format(dmenu=dmenu))
        self.bus_log = os.path.join(tmp, "bus.log")
        self.spawn(["dbus-monitor", "--address", self.address, "--monitor", "interface='org.freedesktop.Notifications'",
                    "type='method_return'", "type='signal',sender='org.freedesktop.DBus',member='NameOwnerChanged'"],
                   stdout=open(self.bus_log, "w"))
        self.spawn(["dunst", "-config", rc], env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(1000):  # bounded: nothing announces dunst taking its name
            out = subprocess.run(["dbus-send", f"--bus={self.address}", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
                                  "org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.Notifications"], capture_output=True, text=True).stdout
            if "true" in out:
                break
            time.sleep(0.01)
        else:
            sys.exit("dunst did not take org.freedesktop.Notifications")

    def spawn(self, argv, **kw):
        kw.setdefault("env", dict(os.environ))
        kw.setdefault("stderr", subprocess.DEVNULL)
        p = subprocess.Popen(argv, **kw)
        self.procs.append(p)
        return p

    def click(self, bubble, key):
        with open(self.pattern, "w") as f:
            f.write(f"[{bubble},{key}]")
        subprocess.run(["dunstctl", "context"], env=self.env, capture_output=True)

    def stop(self):
        for p in reversed(self.procs):
            p.kill()
            p.wait()


def bus_events(text):
    """Answered Notify calls, closes and clicks, in bus order (as Tests/EndToEndTests/BusLog.swift)."""
    messages = []
    for line in text.split("\n"):
        m = re.match(r"^(method call|method return|signal|error) (.*)", line)
        if m:
            messages.append((m.group(1), dict((k, v.rstrip(";")) for k, v in re.findall(r"(\w+)=(\S+)", m.group(2))), []))
        elif messages:
            messages[-1][2].append(line)
    events, pending = [], {}
    for kind, h, body in messages:
        if kind == "method call" and h.get("member") == "Notify" and h.get("destination") == "org.freedesktop.Notifications":
            top = [b for b in body if b.startswith("   ") and not b.startswith("    ")]
            n = {"time": float(h.get("time", 0)), "sender": h.get("sender"), "replaces": int(top[1].split()[-1]), "prompt": None,
                 "category": None, "text": "\n".join(body), "actions": []}
            for i, b in enumerate(body[:-1]):
                if '"x-steady-prompt-id"' in b:
                    n["prompt"] = int(body[i + 1].split()[-1])
                if '"category"' in b:
                    n["category"] = body[i + 1].split('"')[1]
            if "   array [" in body:
                strings = []
                for b in body[body.index("   array [") + 1:]:
                    if b.startswith("   ]"):
                        break
                    if b.startswith("      string "):
                        strings.append(b.split('"', 1)[1].rsplit('"', 1)[0])
                n["actions"] = strings[0::2]
            pending[(h.get("sender"), h.get("serial"))] = n
        elif kind == "method return" and (h.get("destination"), h.get("reply_serial")) in pending and body and body[0].startswith("   uint32 "):
            n = pending.pop((h.get("destination"), h.get("reply_serial")))
            n["id"] = int(body[0].split()[-1])
            events.append(("shown", n))
        elif kind == "signal" and h.get("member") == "NotificationClosed" and body:
            events.append(("closed", int(body[0].split()[-1])))
        elif kind == "signal" and h.get("member") == "ActionInvoked" and len(body) >= 2:
            events.append(("action", int(body[0].split()[-1]), body[1].split('"', 1)[1].rsplit('"', 1)[0], h.get("destination")))
    return events


def unanswered_notifies(text, senders):
    """How many Notify calls from `senders` have no reply in `text` yet."""
    calls = set(re.findall(r"method call time=\S+ sender=(\S+) -> destination=org.freedesktop.Notifications serial=(\d+)", text))
    replies = set((d, r) for d, r in re.findall(r"method return time=\S+ sender=\S+ -> destination=(\S+) serial=\d+ reply_serial=(\d+)", text))
    return sum(1 for c in calls if c[0] in senders and c not in replies)


def live(events):
    shown = {}
    for e in events:
        if e[0] == "shown":
            shown[e[1]["id"]] = e[1]
        elif e[0] == "closed":
            shown.pop(e[1], None)
    return shown


class Loop:
    def __init__(self, seed, tmp, desktop):
        self.rng, self.seed, self.tmp, self.desktop = random.Random(seed), seed, tmp, desktop
        for d in ("config/steady", "data/steady", "run"):
            os.makedirs(os.path.join(tmp, d), exist_ok=True)
        os.chmod(os.path.join(tmp, "run"), 0o700)
        with open(os.path.join(tmp, "config/steady/config.toml"), "w") as f:
            f.write(CONFIG)
        self.env = dict(desktop.env, HOME=tmp, XDG_CONFIG_HOME=f"{tmp}/config", XDG_DATA_HOME=f"{tmp}/data",
                        XDG_RUNTIME_DIR=f"{tmp}/run", TZ="UTC")
        for k in ("WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM", "NOTIFY_SOCKET"):
            self.env.pop(k, None)
        self.journal = f"{tmp}/data/steady/journal.sqlite"
        self.notify_path = os.path.join(tmp, "notify.sock")
        self.notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.notify.bind(self.notify_path)
        self.daemon = None
        self.expectations, self.unrecorded = [], set()
        self.acks = {"bubble": 0, "answer": 0, "entry": 0}

    def sql(self, query):
        return subprocess.run(["sqlite3", self.journal, query], capture_output=True, text=True).stdout.strip()

    def bus(self):
        with open(self.desktop.bus_log) as f:
            return bus_events(f.read())

    def start(self):
        self.events_before_start = len(self.bus())
        self.log_size_at_start = len(open(self.desktop.bus_log).read())
        self.daemon = subprocess.Popen([BIN, "daemon"], env=dict(self.env, NOTIFY_SOCKET=self.notify_path),
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.notify.settimeout(20)
        while "READY=1" not in self.notify.recv(65536).decode().split("\n"):
            pass

    def kill(self):
        self.daemon.kill()
        self.daemon.wait()
        # What the daemon wrote before it died is still handled by the bus after its death; its
        # name leaving the bus (NameOwnerChanged, after those messages) says the bus is done with it.
        with open(self.desktop.bus_log) as f:
            senders = set(re.findall(r"^method call time=\S+ sender=(\S+) -> destination=org.freedesktop.Notifications [^\n]*member=Notify$",
                                     f.read()[self.log_size_at_start:], re.M))
        deadline = time.time() + 10
        while senders and time.time() < deadline:  # bounded polling of the monitor's file
            with open(self.desktop.bus_log) as f:
                text = f.read()
            gone = all(f'member=NameOwnerChanged\n   string "{s}"\n   string "{s}"\n   string ""' in text for s in senders)
            # ...and the server has answered every Notify it sent (the reply may come after it died).
            if gone and unanswered_notifies(text, senders) == 0:
                break
            time.sleep(0.005)
        recorded = set(self.sql("SELECT prompt_id || '/' || handle FROM bubble").split("\n"))
        events = self.bus()
        # Only the bubbles this daemon showed were its to record; earlier ones it took over in place.
        its_own = {e[1]["id"] for e in events[self.events_before_start:] if e[0] == "shown"}
        for bubble, n in live(events).items():
            if n["category"] == "x-steady.prompt" and bubble in its_own and f"{n['prompt']}/{bubble}" not in recorded:
                self.unrecorded.add(f"{n['prompt']}/{bubble}")

    def cycle(self, number):
        self.start()
        time.sleep(self.rng.uniform(0, 0.15))
        children, clicks = [], []
        for _ in range(self.rng.randint(1, 3)):
            kind = self.rng.randrange(3)
            if kind == 0 and not clicks:
                prompts = sorted((b, n) for b, n in live(self.bus()).items() if n["category"] == "x-steady.prompt")
                if prompts:
                    bubble, n = self.rng.choice(prompts)
                    keys = [k for k in n["actions"] if k not in ("steady:guide", "steady:answer", "default")]
                    if keys:
                        t = threading.Thread(target=self.desktop.click, args=(bubble, self.rng.choice(keys)))
                        t.start()
                        clicks.append(t)
            elif kind == 1:
                due = [int(x) for x in self.sql("SELECT id FROM prompt WHERE outcome = 'pending' AND due_at <= strftime('%s','now')").split()]
                if due:
                    pid = self.rng.choice(due)
                    value, expect = self.rng.choice([("skip", "skipped"), ("later", "snoozed"), ("1", "answered"), ("1", "answered")])
                    children.append((subprocess.Popen([BIN, "answer", str(pid), value], env=self.env, stdout=subprocess.PIPE,
                                                      stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True), (expect, pid), "answer"))
            else:
                text = f"kill loop {self.seed} cycle {number} {self.rng.getrandbits(32)}"
                children.append((subprocess.Popen([BIN, "wins", "add", text], env=self.env, stdout=subprocess.PIPE,
                                                  stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, text=True), ("entry", text), "entry"))
        time.sleep(self.rng.uniform(0, 0.3))
        self.kill()
        for child, expectation, kind in children:
            out, _ = child.communicate(timeout=30)
            if child.returncode == 0:
                self.expectations.append((expectation, f"{child.args[1:]} -> {out.strip()}"))
                self.acks[kind] += 1
        for t in clicks:
            t.join()

    def final_problems(self, at):
        """What is wrong with the bubbles on screen, judged as of `at` (the daemon stopped then)."""
        waiting = {int(x) for x in self.sql(f"SELECT id FROM prompt WHERE outcome = 'pending' AND due_at <= {at} "
                                            f"AND expires_at > {at} + 1").split()}
        ended = {int(x) for x in self.sql("SELECT id FROM prompt WHERE outcome != 'pending'").split()}
        bubbles = {}
        for b, n in live(self.bus()).items():
            if n["category"] == "x-steady.prompt" and f"{n['prompt']}/{b}" not in self.unrecorded:
                bubbles.setdefault(n["prompt"], []).append(b)
        problems = [f"prompt #{p} waits with {len(bubbles.get(p, []))} live bubbles" for p in waiting if len(bubbles.get(p, [])) != 1]
        problems += [f"prompt #{p} ended but bubbles {ids} show it" for p, ids in bubbles.items() if p in ended]
        return problems

    def settled_problems(self):
        """Stops the daemon (SIGSTOP), waits until the server has answered every Notify it sent,
        judges journal and screen at that one moment, and lets the daemon go on. Judged while the
        daemon runs, the two are never of the same moment: prompts come and expire every few
        seconds, and a server that lags (dunst on a loaded machine) answers seconds later, so the
        newest prompts look bubble-less and the ones just ended look still shown. None when the
        server did not catch up within 10 s."""
        os.kill(self.daemon.pid, signal.SIGSTOP)
        at = time.time()
        try:
            deadline = at + 10
            while True:  # bounded polling: the monitor's file is the only sign of the server's replies
                with open(self.desktop.bus_log) as f:
                    text = f.read()
                senders = set(re.findall(r"^method call time=\S+ sender=(\S+) -> destination=org.freedesktop.Notifications [^\n]*member=Notify$",
                                         text[self.log_size_at_start:], re.M))
                if unanswered_notifies(text, senders) == 0:
                    return self.final_problems(at)
                if time.time() > deadline:
                    return None
                time.sleep(0.01)
        finally:
            os.kill(self.daemon.pid, signal.SIGCONT)

    def verify(self):
        self.start()
        deadline = time.time() + 20
        problems = ["the server never caught up with the daemon's Notify calls"]
        while time.time() < deadline:  # bounded polling: the bus monitor's file is the only sign the bubbles are up
            time.sleep(0.2)
            settled = self.settled_problems()
            if settled is not None:
                problems = settled
                if not problems:
                    break
        self.kill()
        ended_at = {}
        for line in self.sql("SELECT id, ended_at FROM prompt WHERE ended_at IS NOT NULL").split("\n"):
            if "|" in line:
                i, at = line.split("|")
                ended_at[int(i)] = float(at)
        clicked, shown, duplicates, prompts_shown = {}, {}, [], 0
        for e in self.bus():
            if e[0] == "action":
                _, bubble, key, dest = e
                n = shown.get(bubble)
                if n and n["category"] == "x-steady.prompt" and n["sender"] == dest:
                    clicked[bubble] = (key, dest, n["prompt"])
            elif e[0] == "closed":
                shown.pop(e[1], None)
            else:
                n = e[1]
                b = n["id"]
                c = clicked.get(b)
                if c and n["sender"] == c[1] and n["replaces"] == b and "nothing was saved" not in n["text"] \
                        and not (n["category"] == "x-steady.prompt" and n["prompt"] == c[2]):
                    del clicked[b]
                    self.acks["bubble"] += 1
                    expect = {"steady:later": "snoozed", "steady:skip": "skipped"}.get(c[0], "answered")
                    self.expectations.append(((expect, c[2]), f"click {c[0]} on bubble {b} (prompt #{c[2]})"))
                if n["category"] == "x-steady.prompt" and n["prompt"] is not None:
                    p = n["prompt"]
                    prompts_shown += 1
                    if p in ended_at and n["time"] > ended_at[p] + 0.001 and f"{p}/{b}" not in self.unrecorded:
                        duplicates.append(f"prompt #{p} shown in bubble {b} after it ended")
                    for other, o in shown.items():
                        if other != b and o["category"] == "x-steady.prompt" and o["prompt"] == p \
                                and f"{p}/{other}" not in self.unrecorded and f"{p}/{b}" not in self.unrecorded:
                            duplicates.append(f"prompt #{p} in bubble {b} while bubble {other} showed it")
                shown[b] = n
        lost = []
        for (kind, what), description in self.expectations:
            if kind == "entry":
                ok = self.sql(f"SELECT count(*) FROM entry WHERE instr(payload, '{what}') > 0") == "1"
            elif kind == "skipped":
                ok = self.sql(f"SELECT outcome FROM prompt WHERE id = {what}") == "skipped"
            else:
                snoozed = int(self.sql(f"SELECT count(*) FROM event WHERE prompt_id = {what} AND kind = 'snoozed'") or 0) >= 1
                answered = self.sql(f"SELECT count(*) FROM answer WHERE prompt_id = {what}") == "1" \
                    and self.sql(f"SELECT outcome FROM prompt WHERE id = {what}") != "pending"
                ok = snoozed if kind == "snoozed" else (answered or snoozed)
            if not ok:
                lost.append(description)
        return lost, self.sql("PRAGMA integrity_check"), duplicates, prompts_shown, problems


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cycles", type=int, default=1000)
    p.add_argument("--seed", type=int, default=random.randrange(1, 2**62))
    a = p.parse_args()
    if "STEADY_BIN" not in os.environ:
        subprocess.run(["make", "release"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    tmp = tempfile.mkdtemp(prefix="steady-kill-")
    desktop = Desktop(tmp)
    loop = Loop(a.seed, tmp, desktop)
    started = time.time()
    try:
        for number in range(a.cycles):
            loop.cycle(number)
        lost, integrity, duplicates, prompts_shown, problems = loop.verify()
    finally:
        if loop.daemon and loop.daemon.poll() is None:
            loop.daemon.kill()
        desktop.stop()
    seconds = time.time() - started
    acked = sum(loop.acks.values())
    print(f"seed                      {a.seed}")
    print(f"cycles (kill -9)          {a.cycles}")
    print(f"time                      {seconds:.0f} s ({seconds / a.cycles * 1000:.0f} ms per cycle)")
    print(f"acknowledged items        {acked} (on the bubble {loop.acks['bubble']}, steady answer {loop.acks['answer']}, "
          f"entries {loop.acks['entry']})")
    print(f"lost                      {len(lost)}" + (f": {lost[:10]}" if lost else ""))
    print(f"integrity_check           {integrity}")
    print(f"prompt bubbles shown      {prompts_shown}")
    print(f"shown twice               {len(duplicates)}" + (f": {duplicates[:10]}" if duplicates else ""))
    print(f"created as daemon died    {len(loop.unrecorded)} (the server's id arrived after the kill; not recorded)")
    print(f"wrong after last restart  {len(problems)}" + (f": {problems[:10]}" if problems else ""))
    shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(1 if lost or integrity != "ok" or duplicates or problems else 0)


if __name__ == "__main__":
    main()
