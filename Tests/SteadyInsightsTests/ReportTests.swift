import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SteadyInsights
import SteadyJournal
import SteadyKit
import Testing

/// Reads a report as XML: fails on anything not well-formed, and collects what tests look at.
final class ReportScan: NSObject, XMLParserDelegate {
    var plots: [String] = []
    var elements: [String: Int] = [:]
    var attributes: [(element: String, name: String, value: String)] = []
    var svgsWithTitle = 0
    private var inSVG = false
    private var sawTitle = false

    static func scan(_ html: String) throws -> ReportScan {
        let scan = ReportScan()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = scan
        guard parser.parse() else {
            throw XMLProblem(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)")
        }
        return scan
    }

    struct XMLProblem: Error, CustomStringConvertible { var description: String }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements[name, default: 0] += 1
        for (key, value) in attributes { self.attributes.append((name, key, value)) }
        if name == "svg" {
            if let plot = attributes["data-plot"] { plots.append(plot) }
            inSVG = true
            sawTitle = false
        } else if name == "title" && inSVG && !sawTitle {
            sawTitle = true
            svgsWithTitle += 1
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "svg" { inSVG = false }
    }
}

@Suite struct ReportTests {
    let fixture: JournalFixture
    init() throws { fixture = try JournalFixture() }

    func html(includeText: Bool, journal: Journal? = nil, window: DateWindow = .all) throws -> String {
        let data = try InsightsLoader(window: window, timeZone: JournalFixture.timeZone)
            .report(from: journal ?? fixture.journal, includeText: includeText)
        return ReportHTML(data: data, names: ["evening-reflection": "Evening reflection"], timeZone: JournalFixture.timeZone,
                          generatedAt: JournalFixture.at(1, 23, 30)).render()
    }

    @Test func report_isWellFormed_withAnSVGPerPlot() throws {
        let html = try html(includeText: false)
        let scan = try ReportScan.scan(html)
        #expect(scan.plots == ReportHTML.plots.prefix(2) + ["rating-evening-reflection"] + ReportHTML.plots.dropFirst(2))
        #expect(scan.svgsWithTitle == scan.plots.count)
        #expect(scan.elements["svg"] == scan.plots.count)
        #expect(scan.elements["section"] == 9)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"))
    }

    @Test func report_isSelfContained_noScriptsNoExternalAssets() throws {
        let html = try html(includeText: true)
        let scan = try ReportScan.scan(html)
        #expect(scan.elements["script"] == nil)
        #expect(scan.elements["link"] == nil)
        #expect(scan.elements["img"] == nil)
        #expect(scan.elements["iframe"] == nil)
        let references = scan.attributes.filter { ["src", "href", "xlink:href", "action"].contains($0.name) || $0.name.hasPrefix("on") }
        #expect(references.isEmpty, "\(references)")
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").count - 1 == scan.elements["svg"]! + 1,
                "only the XHTML and SVG namespace names may mention http")
        #expect(!html.contains("https://"))
    }

    @Test func withoutIncludeText_nothingPersonWrittenAppears_andItSaysSo() throws {
        let html = try html(includeText: false)
        for text in JournalFixture.Private.allButWins + [JournalFixture.Private.winAnswer, JournalFixture.Private.winEntry] {
            let marker = String(text.prefix(while: { $0 != " " }))
            #expect(!html.contains(marker), "\(marker) leaked")
        }
        #expect(html.contains("Nothing you wrote in your own words is in this file"))
        #expect(html.contains("<code>--include-text</code>"))
    }

    @Test func withIncludeText_theWinsAppear_escaped_andNothingElse() throws {
        let html = try html(includeText: true)
        _ = try ReportScan.scan(html)
        #expect(html.contains("PRIVATE-WIN-ANSWER and, &quot;quoted&quot;\nwith a line break 🌱"))
        #expect(html.contains(JournalFixture.Private.winEntry))
        for text in JournalFixture.Private.allButWins {
            #expect(!html.contains(String(text.prefix(while: { $0 != " " }))))
        }
        #expect(html.contains("This report includes words you wrote yourself"))
    }

    @Test func figures_appearInTheReport_whatHelpsFirst_countsLast() throws {
        let html = try html(includeText: false)
        #expect(html.contains("<p class=\"summary\">What has eased things most for you: box breathing, by 1.8 on average · 2 wins noted</p>"))
        #expect(html.contains("Box breathing: eased by 1.8 on average (eased 3, same 1, higher 1)."))
        #expect(html.contains("Time after a trigger: rated 2 times so far; an average says more after 5."))
        #expect(html.contains("<title>Mon 08:00–09:00: 1 entry</title>"))
        #expect(html.contains("Emotional responses: shows up less than last time."))
        #expect(html.contains("<title>07:00: 1</title>"), "answers by hour, as counts")
        #expect(html.contains("<tr class=\"total\"><th scope=\"row\">all</th><td>10</td><td>4</td><td>1</td><td>1</td><td>1</td><td>1</td><td>1</td></tr>"))
        let order = ["id=\"before-after\"", "id=\"intensity\"", "id=\"wins\"", "id=\"feelings\"", "id=\"suits\"", "id=\"triggers\"",
                     "id=\"requests\"", "id=\"assessment\"", "id=\"counts\""]
        let positions = try order.map { try #require(html.range(of: $0)).lowerBound }
        #expect(positions == positions.sorted(), "what helps comes first and the counts last")
        // Nothing that reads like a streak calendar or a grade.
        #expect(!html.contains("data-plot=\"calendar\""))
        #expect(html.range(of: #"\d+ of \d+"#, options: .regularExpression) == nil)
        for word in ["offered", "expired", "missed"] { #expect(!html.contains(word), "\(word)") }
        #expect(ToneCheck.problems(in: html.replacingOccurrences(of: "<!DOCTYPE", with: "")).isEmpty)
    }

    @Test func emptyJournal_andOneDay_giveSensibleReports() throws {
        let empty = try JournalFixture(empty: ())
        let emptyHTML = try html(includeText: false, journal: empty.journal)
        let emptyScan = try ReportScan.scan(emptyHTML)
        #expect(emptyScan.plots == ReportHTML.plots)
        #expect(emptyHTML.contains("Nothing is recorded in this stretch yet."))
        #expect(emptyHTML.contains("No trigger entries with an intensity in this stretch."))
        #expect(emptyHTML.contains("Not enough before-and-after ratings yet to show an average."))

        let oneDay = try html(includeText: false, window: DateWindow(since: JournalFixture.monday, until: JournalFixture.tuesday))
        let scan = try ReportScan.scan(oneDay)
        #expect(scan.plots.count == ReportHTML.plots.count + 1)
        #expect(oneDay.contains("6 Jan 2025 – 6 Jan 2025"))
        #expect(oneDay.contains("<title>Mondays: 3</title>"))
        #expect(!oneDay.contains("<title>Tuesdays:"))
    }
}
