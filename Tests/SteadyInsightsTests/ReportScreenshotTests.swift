import Foundation
import SteadyInsights
import Testing

/// Renders a report with headless Chromium, as a person's browser would.
@Suite struct ReportScreenshotTests {
    static let chromium: String? = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap { name in
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }.first

    @Test func report_rendersToAPictureInChromium() throws {
        let chromium = try #require(Self.chromium, "needs Chromium on PATH; `scripts/install-deps test` installs it")
        let fixture = try JournalFixture()
        let data = try InsightsLoader(window: .all, timeZone: JournalFixture.timeZone).report(from: fixture.journal, includeText: false)
        let html = ReportHTML(data: data, timeZone: JournalFixture.timeZone, generatedAt: JournalFixture.at(1, 23)).render()
        let page = fixture.directory.file("report.html"), picture = fixture.directory.file("report.png")
        try html.write(toFile: page, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                             "--user-data-dir=\(fixture.directory.file("chromium"))", "--window-size=800,2400",
                             "--screenshot=\(picture)", "file://\(page)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // A stuck browser must not hang the suite.
        let watchdog = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        process.waitUntilExit()
        watchdog.cancel()
        #expect(process.terminationStatus == 0)

        let png = try Data(contentsOf: URL(fileURLWithPath: picture))
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect((width, height) == (800, 2400))
        // A blank page compresses to a few kilobytes; plots and text take far more.
        #expect(png.count > 60_000, "\(png.count) bytes: the page looks empty")
    }
}
