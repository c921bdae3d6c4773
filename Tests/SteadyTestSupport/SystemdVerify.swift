/// Reading what `systemd-analyze verify` says.
public enum SystemdVerify {
    /// The lines of `stderr` that are about the unit verified. Left out: the complaint that
    /// other packages' user units (dunst's and mako's, installed for the server matrix) claim
    /// the same bus name, org.freedesktop.Notifications — true of any machine with both.
    public static func complaints(_ stderr: String) -> [String] {
        let othersClash = ["Failed to put bus name to hashmap: File exists", "Two services allocated for the same bus name"]
        return stderr.split(separator: "\n").map(String.init).filter { line in
            !line.trimmingCharacters(in: .whitespaces).isEmpty && !othersClash.contains { line.contains($0) }
        }
    }
}
