#!/usr/bin/env python3
"""Benchmarks of the steady daemon and CLI, on the release build. Prints numbers; asserts nothing.

  bench/daemon.py [--only idle,ready,lateness,cli] [--idle-seconds 60] [--prompts 120]

idle      wakeups/min (context switches of all threads) with nothing due and no watchdog,
          PSS and private memory (from /proc/PID/smaps_rollup), on a real session bus with dunst
ready     exec → READY=1 on a NOTIFY_SOCKET this script owns, with a 100 000-row journal
lateness  due time → the Notify call on the bus (dbus-monitor --profile timestamps), p50/p99/max
cli       `steady status`, the first page of `steady history` and `steady stats` (30 days) on a
          1 000 000-row journal, in English and (after `make locale`) in German
Needs: dbus-daemon, Xvfb, dunst, dbus-monitor, sqlite3 (installed by `make test`).
"""
import argparse, os, shutil, signal, socket, sqlite3, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("STEADY_BIN", os.path.join(ROOT, ".build/release/steady"))


def build():
    if "STEADY_BIN" not in os.environ:
        subprocess.run(["make", "release"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)


class Desktop:
    """A private session bus, Xvfb and dunst."""

    def __init__(self, tmp, with_dunst=True):
        self.procs = []
        conf = os.path.join(tmp, "bus.conf")
        with open(conf, "w") as f:
            f.write(f"""<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:path={tmp}/bus</listen>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>""")
        bus = subprocess.Popen(["dbus-daemon", f"--config-file={conf}", "--nofork", "--print-address=1"], stderr=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, text=True)
        self.procs.append(bus)
        self.address = bus.stdout.readline().strip()
        import random
        number = random.randint(200, 900)  # a display of our own, not one a previous run just left
        xvfb = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "800x600x24", "-nolisten", "tcp", "-ac"],
                                stderr=subprocess.DEVNULL)
        self.procs.append(xvfb)
        self.display = f":{number}"
        for _ in range(500):
            if os.path.exists(f"/tmp/.X11-unix/X{number}"):
                break
            time.sleep(0.01)
        self.env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=self.address, DISPLAY=self.display)
        if with_dunst:
            rc = os.path.join(tmp, "dunstrc")
            with open(rc, "w") as f:
                f.write("[global]\n    font = Monospace 8\n    notification_limit = 3\n")
            for attempt in range(3):  # dunst sometimes cannot open a display that has just come up
                log_path = os.path.join(tmp, "dunst.log")
                dunst = subprocess.Popen(["dunst", "-config", rc], env=self.env, stdout=open(log_path, "w"), stderr=subprocess.STDOUT)
                for _ in range(300):
                    if dunst.poll() is not None:
                        break
                    out = subprocess.run(["dbus-send", f"--bus={self.address}", "--print-reply", "--dest=org.freedesktop.DBus",
                                          "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
                                          "string:org.freedesktop.Notifications"], capture_output=True, text=True).stdout
                    if "true" in out:
                        break
                    time.sleep(0.01)
                if dunst.poll() is None:
                    self.procs.append(dunst)
                    break
                time.sleep(0.2)
            else:
                sys.exit("dunst did not start: " + open(log_path).read())

    def stop(self):
        for p in reversed(self.procs):
            p.terminate()
            try:
                p.wait(3)
            except subprocess.TimeoutExpired:
                p.kill()


def home_env(tmp, desktop, config, notify=None):
    for d in ("config/steady", "data/steady", "run"):
        os.makedirs(os.path.join(tmp, d), exist_ok=True)
    os.chmod(os.path.join(tmp, "run"), 0o700)
    with open(os.path.join(tmp, "config/steady/config.toml"), "w") as f:
        f.write(config)
    env = dict(desktop.env if desktop else os.environ, HOME=tmp, XDG_CONFIG_HOME=f"{tmp}/config",
               XDG_DATA_HOME=f"{tmp}/data", XDG_RUNTIME_DIR=f"{tmp}/run", TZ="UTC")
    for k in ("WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM", "NOTIFY_SOCKET"):
        env.pop(k, None)
    if notify:
        env["NOTIFY_SOCKET"] = notify
    return env


def notify_socket(tmp):
    path = os.path.join(tmp, "notify.sock")
    s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    s.bind(path)
    return s, path


def drain(sock):
    """Keeps reading a notify socket in the background, as systemd does."""
    import threading
    def run():
        sock.settimeout(None)
        try:
            while True:
                sock.recv(65536)
        except OSError:
            pass
    threading.Thread(target=run, daemon=True).start()


def wait_for(sock, line, timeout=30):
    sock.settimeout(timeout)
    while True:
        msg = sock.recv(65536).decode()
        if line in msg.split("\n"):
            return msg


def fill_journal(path, rows):
    """A journal with `rows` prompts (two thirds answered), years of history, via the real schema."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    practices = ["morning-mindfulness", "evening-reflection", "sleep-wind-down", "wins", "reach-out"]
    start = time.time() - rows * 3600 / 3
    db.execute("BEGIN")
    for i in range(rows):
        slot = start + i * 1200
        practice = practices[i % len(practices)]
        outcome = "answered" if i % 3 else "expired"
        db.execute("INSERT INTO prompt (practice, slot, kind, title, body, request, created_at, due_at, expires_at,"
                   " delivered_at, outcome, ended_at) VALUES (?, ?, 'scheduled', 'A calm start?', 'Box breathing, if you like.',"
                   " '{\"scale\":{\"_0\":{\"range\":[1,5],\"lowLabel\":\"low\",\"highLabel\":\"high\"}}}', ?, ?, ?, ?, ?, ?)",
                   (practice, slot, slot, slot, slot + 7200, slot, outcome, slot + 60))
        if outcome == "answered":
            db.execute("INSERT INTO answer (prompt_id, kind, number, answered_at, channel) VALUES (?, 'number', ?, ?, 'notification')",
                       (i + 1, 1 + i % 5, slot + 60))
    db.execute("COMMIT")
    db.close()


def create_journal(tmp, desktop, rows):
    """Lets steady create the schema (config check + a short daemon run), then fills it."""
    env = home_env(tmp, None, 'quiet-hours = "off"\n[practices.wins]\nschedule = "yearly"\n')
    s, path = notify_socket(tmp)
    env["NOTIFY_SOCKET"] = path
    env["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent"
    p = subprocess.Popen([BIN, "daemon"], env=env, stderr=subprocess.DEVNULL)
    wait_for(s, "READY=1")
    p.send_signal(signal.SIGTERM)
    p.wait()
    s.close()
    os.unlink(path)
    journal = f"{tmp}/data/steady/journal.sqlite"
    fill_journal(journal, rows)
    return env


def stats(values, unit):
    values = sorted(values)
    p = lambda q: values[min(len(values) - 1, int(q * len(values)))]
    return f"min {values[0]:.2f} {unit}, median {statistics.median(values):.2f} {unit}, p99 {p(0.99):.2f} {unit}, max {values[-1]:.2f} {unit} (n={len(values)})"


def threads_switches(pid):
    """Context switches per thread id (a thread that comes or goes counts from zero)."""
    counts = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/status") as f:
                counts[tid] = sum(int(line.split()[1]) for line in f
                                  if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")))
        except FileNotFoundError:
            pass
    return counts


def wakeups(before, after):
    return sum(n - before.get(tid, 0) for tid, n in after.items())


def memory(pid):
    fields = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3 and parts[2] == "kB":
                fields[parts[0].rstrip(":")] = int(parts[1])
    private = fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)
    anon = 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("RssAnon:"):
                anon = int(line.split()[1])
    return fields.get("Pss", 0) / 1024, anon / 1024, private / 1024, fields.get("Rss", 0) / 1024


def bench_idle(seconds):
    with tempfile.TemporaryDirectory(prefix="steady-bench") as tmp:
        desktop = Desktop(tmp)
        try:
            s, path = notify_socket(tmp)
            env = home_env(tmp, desktop, 'quiet-hours = "off"\n[practices.evening-reflection]\nschedule = "yearly"\n', path)
            p = subprocess.Popen([BIN, "daemon"], env=env, stderr=subprocess.DEVNULL)
            wait_for(s, "READY=1")
            time.sleep(3)  # let start-up settle before sampling
            before = threads_switches(p.pid)
            time.sleep(seconds)
            after = threads_switches(p.pid)
            pss, anon, private, rss = memory(p.pid)
            threads = len(os.listdir(f"/proc/{p.pid}/task"))
            p.send_signal(signal.SIGTERM)
            p.wait()
            print(f"idle: {wakeups(before, after) * 60 / seconds:.1f} wakeups/min over {seconds} s ({threads} threads)")
            print(f"idle: PSS {pss:.1f} MiB, private anonymous (RssAnon) {anon:.1f} MiB, "
                  f"all private pages {private:.1f} MiB (incl. library pages no other process shares), RSS {rss:.1f} MiB")
        finally:
            desktop.stop()


def bench_ready(runs):
    with tempfile.TemporaryDirectory(prefix="steady-bench") as tmp:
        env = create_journal(tmp, None, 100_000)
        s, path = notify_socket(tmp)
        env["NOTIFY_SOCKET"] = path
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            p = subprocess.Popen([BIN, "daemon"], env=env, stderr=subprocess.DEVNULL)
            wait_for(s, "READY=1")
            times.append((time.perf_counter() - t0) * 1000)
            p.send_signal(signal.SIGTERM)
            p.wait()
        print(f"exec → READY=1 with a 100 000-row journal: {stats(times, 'ms')}")


def bench_lateness(prompts):
    with tempfile.TemporaryDirectory(prefix="steady-bench") as tmp:
        desktop = Desktop(tmp)
        try:
            # One prompt a second, as a person's schedule would have them one at a time:
            # two practices, on even and odd seconds, each expiring before it comes round again.
            practices = ["morning-mindfulness", "evening-reflection"]
            config = 'quiet-hours = "off"\ndaily-limit = 100000\nexpire-after = "1s"\nback-off = false\n'
            for name, seconds in zip(practices, ["0/2", "1/2"]):
                config += f'[practices.{name}]\nschedule = "*:*:{seconds}"\n'
            s, path = notify_socket(tmp)
            env = home_env(tmp, desktop, config, path)
            log = os.path.join(tmp, "monitor.tsv")
            monitor = subprocess.Popen(["stdbuf", "-oL", "dbus-monitor", "--address", desktop.address,
                                        "type='method_call',interface='org.freedesktop.Notifications',member='Notify'"],
                                       stdout=open(log, "w"))
            p = subprocess.Popen([BIN, "daemon"], env=env, stderr=subprocess.DEVNULL)
            wait_for(s, "READY=1")
            drain(s)
            time.sleep(prompts + 1.5)  # the run itself: one prompt a second
            p.send_signal(signal.SIGTERM)
            p.wait()
            monitor.terminate()
            monitor.wait()
            # Each Notify on the bus, in order, is the delivery of the next prompt the journal
            # marks delivered (one engine queue delivers them one by one): lateness is the bus
            # timestamp minus that prompt's own due time, never a fraction of a second.
            # A prompt's Notify, not the blank notice that takes an expired bubble down
            # (category x-steady.notice, sent just before its CloseNotification).
            sent = []
            with open(log) as f:
                blocks = f.read().split("method call time=")[1:]
            for block in blocks:
                if "member=Notify" in block and "x-steady.notice" not in block:
                    sent.append(float(block.split(" ", 1)[0]))
            db = sqlite3.connect(f"{tmp}/data/steady/journal.sqlite")
            due = [row[0] for row in db.execute(
                "SELECT due_at FROM prompt WHERE delivered_at IS NOT NULL ORDER BY delivered_at, id")]
            created = db.execute("SELECT count(*) FROM prompt").fetchone()[0]
            db.close()
            if len(sent) != len(due):
                print(f"warning: {len(sent)} Notify calls on the bus but {len(due)} prompts marked delivered")
            lateness = [(ts - at) * 1000 for ts, at in zip(sent, due)]
            print(f"prompts created {created}, delivered {len(due)}; never shown: {created - len(due)}")
            lateness = lateness[:prompts]
            if os.environ.get("BENCH_VERBOSE"):
                print(" ".join(f"{v:.1f}" for v in lateness))
            # The first second may carry start-up; keep it, it is part of the truth.
            print(f"fire lateness (due → Notify on the bus), {len(lateness)} prompts: {stats(lateness, 'ms')}")
        finally:
            desktop.stop()


def bench_cli(runs):
    with tempfile.TemporaryDirectory(prefix="steady-bench") as tmp:
        env = create_journal(tmp, None, 1_000_000)
        env["DBUS_SESSION_BUS_ADDRESS"] = "unix:path=/nonexistent"
        locale_dir = os.path.join(ROOT, ".build", "locale")
        languages = [("", {"LANG": "C.UTF-8"})]
        if os.path.isdir(os.path.join(locale_dir, "de")):  # `make locale`
            languages.append((" (German)", {"LANG": "de_DE.UTF-8", "STEADY_LOCALEDIR": locale_dir}))
        for language, variables in languages:
            for args in (["status"], ["history"], ["stats"]):
                times = []
                for _ in range(runs):
                    t0 = time.perf_counter()
                    out = subprocess.run([BIN] + args, env={**env, **variables}, capture_output=True)
                    times.append((time.perf_counter() - t0) * 1000)
                    assert out.returncode == 0, out.stderr
                print(f"steady {' '.join(args)}{language} on a 1 000 000-row journal: {stats(times, 'ms')}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="idle,ready,lateness,cli")
    ap.add_argument("--idle-seconds", type=int, default=60)
    ap.add_argument("--prompts", type=int, default=120)
    ap.add_argument("--runs", type=int, default=20)
    a = ap.parse_args()
    build()
    only = a.only.split(",")
    if "ready" in only: bench_ready(a.runs)
    if "cli" in only: bench_cli(a.runs)
    if "lateness" in only: bench_lateness(a.prompts)
    if "idle" in only: bench_idle(a.idle_seconds)


if __name__ == "__main__":
    main()
