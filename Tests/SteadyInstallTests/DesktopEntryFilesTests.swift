import Foundation
import SteadyTestSupport
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import SteadyInstall

/// The desktop entry and icon: the copies compiled into steady are the repository's files,
/// `desktop-file-validate` accepts the entry as installed, and the icon is well-formed SVG.
@Suite struct DesktopEntryFilesTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func validate(_ entry: String) throws -> CommandResult {
        let validator = "/usr/bin/desktop-file-validate"
        try #require(FileManager.default.isExecutableFile(atPath: validator),
                     "desktop-file-validate is not installed (scripts/install-deps test)")
        let directory = TemporaryDirectory(prefix: "steady-desktop")
        let file = try directory.write("steady.desktop", entry)
        return try withExtendedLifetime(directory) {
            try ChildProcess.run(validator, [file], environment: ProcessInfo.processInfo.environment)
        }
    }

    // MARK: - The embedded copies

    @Test func embeddedEntry_isTheRepositorysFile() throws {
        let file = try Data(contentsOf: Self.repository.appendingPathComponent("data/steady.desktop"))
        #expect(Data(DesktopEntryFiles.desktopEntry.utf8) == file,
                "data/steady.desktop differs from DesktopEntryFiles.desktopEntry; copy the file into the literal")
    }

    /// data/steady.desktop is current: what msgfmt makes of the template and the translations
    /// of po/LINGUAS, so a changed translation or template cannot be forgotten.
    @Test func repositorysEntry_isTheTemplateWithEveryTranslation() throws {
        let directory = TemporaryDirectory(prefix: "steady-desktop")
        let made = directory.file("steady.desktop")
        let root = Self.repository.path
        let result = try ChildProcess.run("/usr/bin/env", [
            "msgfmt", "--desktop", "--template=\(root)/data/steady.desktop.in", "-d", "\(root)/po", "--output-file=\(made)",
        ], environment: ["PATH": "/usr/bin:/bin", "LC_ALL": "C"])
        try #require(result.status == 0, "msgfmt --desktop (gettext, scripts/install-deps): \(result.stderr)")
        let expected = try String(contentsOfFile: made, encoding: .utf8)
        let committed = try String(contentsOfFile: root + "/data/steady.desktop", encoding: .utf8)
        #expect(committed == expected, "data/steady.desktop is out of date: run scripts/update-po")
    }

    /// A launcher in German shows steady's description and finds it by German words.
    @Test func entry_describesSteadyInGerman() {
        let lines = Set(DesktopEntryFiles.desktopEntry.split(separator: "\n").map(String.init))
        #expect(lines.contains("Comment[de]=Behutsame Check-ins in deinem Tempo, aufbewahrt in einem privaten Journal"), "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Keywords[de]=") && $0.contains("Achtsamkeit;") }, "\(lines)")
    }

    @Test func embeddedIcon_isTheRepositorysFile() throws {
        let file = try Data(contentsOf: Self.repository.appendingPathComponent("data/steady.svg"))
        #expect(Data(DesktopEntryFiles.icon.utf8) == file,
                "data/steady.svg differs from DesktopEntryFiles.icon; copy the file into the literal")
    }

    // MARK: - The desktop entry

    @Test func entry_passesDesktopFileValidate_withoutAWord() throws {
        let result = try Self.validate(DesktopEntryFiles.desktopEntry)
        #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty, "\(result.stdout)\(result.stderr)")
    }

    @Test func entry_namesTheIconAndTheHintTheDaemonSends() {
        let lines = Set(DesktopEntryFiles.desktopEntry.split(separator: "\n").map(String.init))
        #expect(lines.isSuperset(of: [
            "[Desktop Entry]", "Type=Application", "Name=steady", "Icon=steady", "Exec=steady answer",
            "Terminal=true", "X-GNOME-UsesNotifications=true",
        ]))
        #expect(!DesktopEntryFiles.desktopEntry.contains("!"))
    }

    @Test func entryForAnExecutable_runsThatExecutable_andChangesNothingElse() {
        let entry = DesktopEntryFiles.desktopEntry(executable: "/home/ana/.local/bin/steady")
        #expect(entry == DesktopEntryFiles.desktopEntry.replacingOccurrences(
            of: "\nExec=steady answer\n", with: "\nExec=/home/ana/.local/bin/steady answer\n"))
    }

    @Test(arguments: [
        ("/home/ana/.local/bin/steady", #"/home/ana/.local/bin/steady"#),
        ("/home/ana/my apps/steady", #""/home/ana/my apps/steady""#),
        ("/opt/100%/steady", #"/opt/100%%/steady"#),
        ("/opt/$HOME \"x\"/steady", #""/opt/\\$HOME \\"x\\"/steady""#),
        ("/opt/st\\eady", #""/opt/st\\\\eady""#),
    ])
    func entryForAnExecutable_quotesItsPath_asTheSpecificationAsks(path: String, exec: String) throws {
        let entry = DesktopEntryFiles.desktopEntry(executable: path)
        #expect(entry.contains("\nExec=\(exec) answer\n"), "\(entry)")
        let result = try Self.validate(entry)
        #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty, "\(result.stdout)\(result.stderr)")
    }

    // MARK: - The icon

    @Test func icon_isWellFormedScalableSVG() throws {
        let icon = DesktopEntryFiles.icon
        final class Root: NSObject, XMLParserDelegate {
            var element: String?
            var attributes: [String: String] = [:]
            func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                        qualifiedName: String?, attributes: [String: String]) {
                if element == nil { (element, self.attributes) = (elementName, attributes) }
            }
        }
        let parser = XMLParser(data: Data(icon.utf8))
        let root = Root()
        parser.delegate = root
        #expect(parser.parse(), "data/steady.svg is not well-formed XML: \(String(describing: parser.parserError))")
        #expect(root.element == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["viewBox"] == "0 0 64 64")
        #expect(icon.utf8.count < 2048, "the icon is meant to stay small (\(icon.utf8.count) bytes)")
    }

    // MARK: - Where they go

    /// (`ServiceUnitTests` checks that `XDG_DATA_HOME` moves them.)
    @Test func paths_areWhereDesktopsLookForEntriesAndIcons() {
        let paths = ServicePaths(environment: ["HOME": "/home/ana"], dataDirectory: "/d", configDirectory: "/c")
        #expect(paths.desktopEntry == "/home/ana/.local/share/applications/steady.desktop")
        #expect(paths.icon == "/home/ana/.local/share/icons/hicolor/scalable/apps/steady.svg")
    }
}
