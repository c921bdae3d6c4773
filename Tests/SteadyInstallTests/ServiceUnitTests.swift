import Foundation
import SteadyTestSupport
import Testing

@testable import SteadyInstall

/// The unit's text, its paths, and what systemd's own tools say about it.
@Suite struct ServiceUnitTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func standardUnit_isTheRepositorysFile() throws {
        let file = try String(contentsOf: Self.repository.appendingPathComponent("systemd/steady.service"), encoding: .utf8)
        #expect(ServiceUnit.standard.text == file,
                "systemd/steady.service differs from ServiceUnit.standard; write the rendering into the file")
    }

    @Test func pathsUnderHome_areWrittenWithPercentH() {
        let paths = ServicePaths(environment: ["HOME": "/home/ana"], dataDirectory: "/home/ana/.local/share/steady",
                                 configDirectory: "/home/ana/.config/steady")
        #expect(paths.unit == ServiceUnit.standard)
        #expect(ServiceUnit.unitPath("/opt/steady/bin/steady", home: "/home/ana") == "/opt/steady/bin/steady")
        #expect(ServiceUnit.unitPath("/home/anabel/steady", home: "/home/ana") == "/home/anabel/steady")
        #expect(ServiceUnit.unitPath("/home/ana/100%/steady", home: "/home/ana") == "%h/100%%/steady")
        #expect(ServiceUnit.unitPath("/home/ana/x", home: "/") == "/home/ana/x")
    }

    @Test func xdgDirectories_moveTheUnitAndTheFilesNextToIt() {
        let paths = ServicePaths(
            environment: ["HOME": "/home/ana", "XDG_CONFIG_HOME": "/cfg", "XDG_DATA_HOME": "/data", "PATH": "/usr/bin"],
            executable: "/usr/bin/steady", dataDirectory: "/data/steady", configDirectory: "/cfg/steady")
        #expect(paths.unitFile == "/cfg/systemd/user/steady.service")
        #expect(paths.manPage == "/data/man/man1/steady.1")
        #expect(paths.bashCompletion == "/data/bash-completion/completions/steady")
        #expect(paths.fishCompletion == "/cfg/fish/completions/steady.fish")
        #expect(paths.desktopEntry == "/data/applications/steady.desktop")
        #expect(paths.icon == "/data/icons/hicolor/scalable/apps/steady.svg")
        #expect(paths.unit.text.contains("\nExecStart=/usr/bin/steady daemon\n"))
        #expect(paths.unit.text.contains("\nReadWritePaths=-%h/.local/share/steady\n"), "the unit keeps the default; the drop-in moves it")
        #expect(paths.dropInFile == "/cfg/systemd/user/steady.service.d/xdg-paths.conf")
        #expect(paths.dropIn?.text == """
            # Written by `steady service install` for your own XDG directories; removed by
            # `steady service uninstall`. The service uses the journal and config you use.
            [Service]
            Environment=XDG_DATA_HOME=/data XDG_CONFIG_HOME=/cfg
            ExecStartPre=
            ExecStartPre=+/bin/mkdir -p -m 0700 /data/steady
            ReadWritePaths=
            ReadWritePaths=-/data/steady

            """)
        let relative = ServicePaths(environment: ["HOME": "/home/ana", "XDG_CONFIG_HOME": "cfg"],
                                    dataDirectory: "/d", configDirectory: "/c")
        #expect(relative.unitFile == "/home/ana/.config/systemd/user/steady.service", "a relative XDG path is ignored")
    }

    @Test func defaultDirectories_needNoDropIn_andEachCustomOneIsSetAlone() {
        let standard = ServicePaths(environment: ["HOME": "/home/ana", "XDG_DATA_HOME": "/home/ana/.local/share"],
                                    dataDirectory: "/home/ana/.local/share/steady", configDirectory: "/home/ana/.config/steady")
        #expect(standard.dropIn == nil)
        let data = ServicePaths(environment: ["HOME": "/home/ana"], dataDirectory: "/home/ana/my data/steady",
                                configDirectory: "/home/ana/.config/steady")
        #expect(data.dropIn?.text.contains("\nEnvironment=\"XDG_DATA_HOME=%h/my data\"\n") == true, "\(data.dropIn?.text ?? "nil")")
        #expect(data.dropIn?.text.contains("\nReadWritePaths=\"-%h/my data/steady\"\n") == true)
        let config = ServicePaths(environment: ["HOME": "/home/ana"], dataDirectory: "/home/ana/.local/share/steady",
                                  configDirectory: "/etc/ana/steady")
        #expect(config.dropIn?.text.contains("\nEnvironment=XDG_CONFIG_HOME=/etc/ana\n") == true, "\(config.dropIn?.text ?? "nil")")
        #expect(config.dropIn?.text.contains("\nReadWritePaths=-%h/.local/share/steady\n") == true)
    }

    /// systemd reads the drop-in as meant: the variables, and the journal directory replacing
    /// the unit's (`systemd-analyze verify` with the drop-in beside the unit).
    @Test func dropIn_isAcceptedBySystemd_andReplacesTheWritableDirectory() throws {
        let directory = TemporaryDirectory(prefix: "steady-dropin")
        let home = directory.file("home")
        let binary = try directory.write("home/.local/bin/steady", "#!/bin/sh\nexit 0\n")
        chmod(binary, 0o755)
        let paths = ServicePaths(environment: ["HOME": home, "XDG_DATA_HOME": directory.file("data home")],
                                 dataDirectory: directory.file("data home/steady"), configDirectory: home + "/.config/steady")
        let dropIn = try #require(paths.dropIn)
        let unitDirectory = directory.file("units")
        try directory.write("units/steady.service", paths.unit.text)
        try directory.write("units/steady.service.d/xdg-paths.conf", dropIn.text)
        try FileManager.default.createDirectory(atPath: directory.file("run"), withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_RUNTIME_DIR"] = directory.file("run")
        environment["HOME"] = home
        environment["SYSTEMD_UNIT_PATH"] = unitDirectory + ":"
        try directory.write("man/man1/steady.1", try String(contentsOf: Self.repository.appendingPathComponent("docs/steady.1"), encoding: .utf8))
        environment["MANPATH"] = directory.file("man")
        environment["SYSTEMD_COLORS"] = "0"
        let verify = try ChildProcess.run("/usr/bin/systemd-analyze", ["--user", "verify", unitDirectory + "/steady.service"],
                                          environment: environment)
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        #expect(!verify.stderr.contains("steady.service.d"), "\(verify.stderr)")
    }

    @Test(arguments: [
        "/home/ana/.local/bin/steady", "/home/ana/my apps/steady", "/opt/100% steady/steady", "/opt/$HOME/steady",
        "/opt/\"quoted\"/st\\eady",
    ])
    func executable_roundTripsThroughTheUnitText(path: String) {
        let unit = ServiceUnit(executablePath: path, dataDirectoryPath: "/home/ana/.local/share/steady", home: "/home/ana")
        #expect(ServiceUnit.executable(inUnitText: unit.text, home: "/home/ana") == path, "\(unit.text)")
    }

    @Test func unitWithBlanks_isAcceptedBySystemd() throws {
        let directory = TemporaryDirectory(prefix: "steady-unit")
        let binary = try directory.write("my apps/steady", "#!/bin/sh\nexit 0\n")
        chmod(binary, 0o755)
        let unit = ServiceUnit(executablePath: binary, dataDirectoryPath: directory.file("data dir"), home: "/nonexistent")
        let result = try Self.verify(unit, in: directory)
        #expect(result.status == 0, "systemd-analyze verify: \(result.stdout)\(result.stderr)\n\(unit.text)")
    }

    @Test func standardUnit_verifiesClean() throws {
        let directory = TemporaryDirectory(prefix: "steady-unit")
        let binary = try directory.write("home/.local/bin/steady", "#!/bin/sh\nexit 0\n")
        chmod(binary, 0o755)
        let result = try Self.verify(ServiceUnit.standard, in: directory, home: directory.file("home"))
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.isEmpty && SystemdVerify.complaints(result.stderr).isEmpty, "verify printed: \(result.stdout)\(result.stderr)")
    }

    /// The score in docs/service.md is the one systemd-analyze computes for the unit.
    @Test func securityExposure_isLow_andAsDocumented() throws {
        let directory = TemporaryDirectory(prefix: "steady-unit")
        let unitFile = try directory.write("steady.service", ServiceUnit.standard.text)
        try FileManager.default.createDirectory(atPath: directory.file("run"), withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_RUNTIME_DIR"] = directory.file("run")
        environment["SYSTEMD_COLORS"] = "0"
        let result = try ChildProcess.run("/usr/bin/systemd-analyze", ["security", "--offline=true", "--user", unitFile],
                                          environment: environment)
        let summary = try #require(result.stdout.split(separator: "\n").first { $0.contains("Overall exposure level") },
                                   "\(result.stdout)\(result.stderr)")
        let score = try #require(summary.split(separator: ":").last?.split(separator: " ").first.flatMap { Double($0) })
        #expect(score <= 1.0, "\(summary)")
        let docs = try String(contentsOf: Self.repository.appendingPathComponent("docs/service.md"), encoding: .utf8)
        #expect(docs.contains("exposure level **\(String(format: "%.1f", score))**"),
                "docs/service.md should record the exposure level \(score) (\(summary))")
    }

    /// `systemd-analyze --user verify` with the unit installed under a temporary home, and
    /// the man page it names (`Documentation=man:steady(1)`) on the man path.
    static func verify(_ unit: ServiceUnit, in directory: TemporaryDirectory, home: String? = nil) throws -> CommandResult {
        let unitFile = try directory.write("config/systemd/user/steady.service", unit.text)
        let page = try String(contentsOf: repository.appendingPathComponent("docs/steady.1"), encoding: .utf8)
        try directory.write("man/man1/steady.1", page)
        try FileManager.default.createDirectory(atPath: directory.file("run"), withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home ?? directory.path
        environment["XDG_RUNTIME_DIR"] = directory.file("run")
        environment["XDG_CONFIG_HOME"] = directory.file("config")
        environment["MANPATH"] = directory.file("man")
        return try ChildProcess.run("/usr/bin/systemd-analyze", ["--user", "verify", unitFile], environment: environment)
    }
}
