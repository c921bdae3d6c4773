import Foundation

/// Opens a terminal window running a `steady` command: a guided practice ("Guide me"), or
/// `steady answer ID` where no dialog program exists.
///
/// The terminal is `$TERMINAL` when set (a path, or a name on `PATH`), else Debian's
/// `x-terminal-emulator`, else `xterm`; each is given `-e program arguments…`.
enum TerminalLauncher {
    /// The terminal program to use, or nil when there is none.
    static func terminal(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        exists: (String) -> Bool = { FileManager.default.isExecutableFile(atPath: $0) }
    ) -> String? {
        if let named = environment["TERMINAL"], !named.isEmpty {
            if named.hasPrefix("/") { if exists(named) { return named } } else {
                let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
                for directory in path.split(separator: ":") where exists("\(directory)/\(named)") { return "\(directory)/\(named)" }
            }
        }
        return ["/usr/bin/x-terminal-emulator", "/usr/bin/xterm"].first(where: exists)
    }

    /// The full command line: the terminal running `steady` with `arguments`.
    static func command(_ arguments: [String], steadyPath: String, terminal: String) -> [String] {
        [terminal, "-e", steadyPath] + arguments
    }

    /// Starts it (through the user manager when steady runs as a service, see
    /// `WindowLauncher`) and lets it run on its own; `started` gets, off the caller's queue,
    /// whether it did.
    static func open(_ argv: [String], started: @escaping @Sendable (WindowLauncher.Outcome) -> Void) {
        WindowLauncher.launch(argv, output: false, finished: started)
    }
}
