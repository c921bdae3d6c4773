extension CommandResult {
    /// What `systemd-analyze verify` said about steady: its output lines that name steady.
    /// verify also loads every other user unit installed on the machine and reports their
    /// problems (two notification servers' units claiming one bus name, once several servers
    /// are installed); those are not steady's to fix, and would fail a test that has no say.
    public var linesAboutSteady: [String] {
        (stdout + stderr).split(separator: "\n").map(String.init).filter { $0.contains("steady") }
    }
}
