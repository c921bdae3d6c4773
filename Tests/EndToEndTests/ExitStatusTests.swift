import Foundation
import SteadyTestSupport
import Testing

/// steady's exit statuses are defined once (Sources/steady/ExitStatus.swift); the man page
/// lists exactly that definition.
@Suite struct ExitStatusTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func manPage_listsTheExitStatuses_asDefined() throws {
        let printed = try ChildProcess.run(SteadyBinary.path, ["--exit-statuses"], environment: ProcessInfo.processInfo.environment)
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout.hasPrefix(".Sh EXIT STATUS\n"))
        let page = try String(contentsOf: Self.repository.appendingPathComponent("docs/steady.1"), encoding: .utf8)
        #expect(page.contains(printed.stdout), "docs/steady.1's EXIT STATUS is out of date; run scripts/generate-manual")
    }
}
