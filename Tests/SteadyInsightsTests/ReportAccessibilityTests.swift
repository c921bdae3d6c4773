import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SteadyInsights
import SteadyKit
import Testing

/// The report as an element tree (it is well-formed XML), for checks that need structure.
final class ReportTree: NSObject, XMLParserDelegate {
    final class Node {
        let name: String
        let attributes: [String: String]
        var children: [Node] = []
        var text = ""
        weak var parent: Node?

        init(name: String, attributes: [String: String], parent: Node?) {
            self.name = name
            self.attributes = attributes
            self.parent = parent
        }

        /// Every node below this one, depth first, in document order.
        var descendants: [Node] { children.flatMap { [$0] + $0.descendants } }
        /// The plot (`<svg>`) this node is part of, if any.
        var plot: Node? { parent.flatMap { $0.name == "svg" ? $0 : $0.plot } }
                /// All the text inside, as one string.
        var allText: String { text + children.map(\.allText).joined() }
    }

    let root = Node(name: "#document", attributes: [:], parent: nil)
    private var current: Node

    override init() {
        current = root
    }

    static func parse(_ html: String) throws -> Node {
        let tree = ReportTree()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = tree
        guard parser.parse() else {
            throw ReportScan.XMLProblem(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)")
        }
        return tree.root
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let node = Node(name: name, attributes: attributes, parent: current)
        current.children.append(node)
        current = node
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        current = current.parent ?? root
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { current.text += string }
}

/// WCAG 2.x contrast of two `#rrggbb` colours: (L1 + 0.05) / (L2 + 0.05) of their relative luminances.
func contrast(_ a: String, _ b: String) -> Double {
    func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        precondition(hex.hasPrefix("#") && digits.count == 6, "not #rrggbb: \(hex)")
        let channels = stride(from: 0, to: 6, by: 2).map { Double(Int(String(digits[$0...$0 + 1]), radix: 16)!) / 255 }
        let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }
    let (x, y) = (luminance(a), luminance(b))
    return (max(x, y) + 0.05) / (min(x, y) + 0.05)
}

@Suite struct ReportAccessibilityTests {
    let fixture: JournalFixture
    init() throws { fixture = try JournalFixture() }

    func html(journal: JournalFixture? = nil) throws -> String {
        let data = try InsightsLoader(window: .all, timeZone: JournalFixture.timeZone)
            .report(from: (journal ?? fixture).journal, includeText: false)
        return ReportHTML(data: data, names: ["evening-reflection": "Evening reflection"], timeZone: JournalFixture.timeZone,
                          generatedAt: JournalFixture.at(1, 23, 30)).render()
    }

    @Test func thePage_hasALanguage_andHeadingsInOrder_h1ThenH2ThenH3_noneSkipped() throws {
        for (journal, hasRatings) in [(fixture, true), (try JournalFixture(empty: ()), false)] {
            let document = try ReportTree.parse(try html(journal: journal))
            let page = try #require(document.children.first { $0.name == "html" })
            #expect(page.attributes["lang"] == "en")
            let levels = page.descendants.compactMap { node -> Int? in
                guard node.name.count == 2, node.name.hasPrefix("h"), let level = Int(node.name.dropFirst()) else { return nil }
                #expect(!node.allText.trimmingCharacters(in: .whitespaces).isEmpty, "an empty \(node.name)")
                return level
            }
            #expect(levels.first == 1 && levels.filter { $0 == 1 }.count == 1, "one h1, first: \(levels)")
            for (previous, next) in zip(levels, levels.dropFirst()) {
                #expect(next <= previous + 1, "h\(previous) is followed by h\(next): \(levels)")
            }
            // A practice answered on a scale gets its own h3 inside "How intensity changed".
            #expect(levels.contains(3) == hasRatings, "\(levels)")
        }
    }

    @Test func everyPlot_isAnImageNamedByItsTitle_describedByItsDesc_andFollowedByItsNumbers() throws {
        for journal in [fixture, try JournalFixture(empty: ())] {
            let document = try ReportTree.parse(try html(journal: journal))
            let nodes = document.descendants
            let ids = Dictionary(nodes.compactMap { node in node.attributes["id"].map { ($0, node) } }) { first, _ in first }
            #expect(ids.count == nodes.filter { $0.attributes["id"] != nil }.count, "ids are unique")
            let plots = nodes.filter { $0.name == "svg" }
            #expect(plots.count >= ReportHTML.plots.count)
            for svg in plots {
                let plot = try #require(svg.attributes["data-plot"])
                #expect(svg.attributes["role"] == "img", "\(plot)")
                let title = try #require(svg.attributes["aria-labelledby"].flatMap { ids[$0] }, "\(plot) is not labelled")
                #expect(title.name == "title" && title.parent === svg && svg.children.first === title, "\(plot): its own first child")
                #expect(!title.allText.isEmpty)
                let desc = try #require(svg.attributes["aria-describedby"].flatMap { ids[$0] }, "\(plot) is not described")
                #expect(desc.name == "desc" && desc.parent === svg && !desc.allText.isEmpty, "\(plot)")

                // The text equivalent: the table right after the picture, or (nothing to show) the description says so.
                let siblings = try #require(svg.parent).children
                let next = siblings.firstIndex { $0 === svg }.flatMap { $0 + 1 < siblings.count ? siblings[$0 + 1] : nil }
                // What carries data: dots, lines and bars (not the empty frame, not an empty cell of the grid).
                let marks = svg.descendants.filter {
                    ["circle", "polyline"].contains($0.name) || ($0.name == "rect" && !["none", "#eef1f3"].contains($0.attributes["fill"] ?? "none"))
                }
                if let table = next, table.name == "table", table.attributes["data-table"] == plot {
                    #expect(table.children.first?.name == "caption" && !(table.children.first?.allText.isEmpty ?? true))
                    let rows = table.descendants.filter { $0.name == "tr" }
                    #expect(rows.count >= 2, "\(plot): a heading row and data")
                    #expect(rows.dropFirst().allSatisfy { $0.children.first?.name == "th" && $0.children.first?.attributes["scope"] == "row" })
                } else {
                    #expect(marks.isEmpty, "\(plot) shows data but has no table of it")
                    #expect(svg.descendants.contains { $0.name == "text" && $0.allText == desc.allText }, "\(plot): the empty message is its description")
                }
            }
        }
        // The fixture's timing grid: one row per hour with entries, and the same counts written in the cells.
        let document = try ReportTree.parse(try html())
        let grid = try #require(document.descendants.first { $0.attributes["data-plot"] == "trigger-timing" })
        let table = try #require(document.descendants.first { $0.attributes["data-table"] == "trigger-timing" })
        let counts = table.descendants.filter { $0.name == "tr" }.dropFirst().map { $0.children.last!.allText }
        #expect(!counts.isEmpty)
        let written = grid.descendants.filter { $0.name == "text" && Int($0.allText) != nil }.map(\.allText)
        #expect(written == counts, "each hour with entries shows its count in the grid, not its shade alone")
    }

    @Test func textColours_meetWCAG_AA_onWhite_andMarksThatCarryData_3To1() throws {
        let html = try html()
        let document = try ReportTree.parse(html)
        let nodes = document.descendants
        // Text in the plots.
        let textFills = Set(nodes.filter { $0.name == "text" }.compactMap { $0.attributes["fill"] })
        #expect(textFills.count >= 3)
        for fill in textFills { #expect(contrast(fill, "#ffffff") >= 4.5, "text in \(fill): \(contrast(fill, "#ffffff")):1") }
        // Text styled by the stylesheet, on the page (white) and its tinted boxes.
        let style = try #require(nodes.first { $0.name == "style" }).allText
        let colours = Set(style.matches(of: /(?:^|[ ;{])color: (#[0-9a-f]{6})/.anchorsMatchLineEndings()).map { String($0.1) })
        let backgrounds = Set(style.matches(of: /background: (#[0-9a-f]{6})/).map { String($0.1) })
        #expect(colours.count >= 3 && backgrounds.contains("#eef6f5"))
        for colour in colours {
            for background in backgrounds.union(["#ffffff"]) {
                #expect(contrast(colour, background) >= 4.5, "\(colour) on \(background): \(contrast(colour, background)):1")
            }
        }
        // The counts in the timing grid sit on its cells.
        let grid = try #require(nodes.first { $0.attributes["data-plot"] == "trigger-timing" })
        let cellFills = Set(grid.descendants.filter { $0.name == "rect" }.compactMap { $0.attributes["fill"] })
        let cellTexts = Set(grid.descendants.filter { $0.name == "text" && Int($0.allText) != nil }.compactMap { $0.attributes["fill"] })
        for text in cellTexts {
            for cell in cellFills { #expect(contrast(text, cell) >= 4.5, "\(text) on \(cell)") }
        }
        // Lines, bars and dots that carry data: 3:1 against white (WCAG 1.4.11).
        let marks = nodes.filter { ["polyline", "circle"].contains($0.name) }.compactMap { $0.attributes["stroke"] }
            + nodes.filter { ["circle", "rect"].contains($0.name) && $0.plot?.attributes["data-plot"] != "trigger-timing" }
                .compactMap { $0.attributes["fill"] }.filter { $0 != "#ffffff" && $0 != "none" }
        #expect(!marks.isEmpty)
        for mark in Set(marks) { #expect(contrast(mark, "#ffffff") >= 3, "a mark in \(mark): \(contrast(mark, "#ffffff")):1") }
    }

    @Test func printedInBlackAndWhite_textTurnsBlack_andNothingIsToldByColourAlone() throws {
        let html = try html()
        let document = try ReportTree.parse(html)
        let style = try #require(document.descendants.first { $0.name == "style" }).allText
        let print = try #require(style.range(of: "@media print {")).upperBound
        let printRules = String(style[print...])
        #expect(printRules.contains("svg.plot text { fill: #000000; }"))
        #expect(printRules.contains("body { background: #ffffff; color: #000000;"))
        // Before and after differ in shape as well as colour: a ring (white inside) and a filled dot.
        let beforeAfter = try #require(document.descendants.first { $0.attributes["data-plot"] == "before-after" })
        let dots = beforeAfter.descendants.filter { $0.name == "circle" }
        #expect(dots.contains { $0.attributes["fill"] == "#ffffff" && $0.attributes["stroke"] != nil })
        #expect(dots.contains { $0.attributes["fill"] != "#ffffff" && $0.attributes["stroke"] == nil })
        // …and both averages are written beside them, as in the table.
        let table = try #require(document.descendants.first { $0.attributes["data-table"] == "before-after" })
        let written = Set(beforeAfter.descendants.filter { $0.name == "text" }.map(\.allText))
        for row in table.descendants.filter({ $0.name == "tr" }).dropFirst() {
            let cells = row.children.map(\.allText)
            #expect(written.contains(cells[3]) && written.contains(cells[4]), "\(cells) not written in the plot")
        }
        // The tables for screen readers stay out of the printed page, as they stay out of sight.
        #expect(style.contains("table.data-equivalent { position: absolute; width: 1px; height: 1px;"))
    }

    /// What a screen reader gets: the page's accessibility tree as headless Chromium builds it,
    /// read over the DevTools protocol by `Scripts/accessibility-tree.py`.
    @Test func inChromium_theAccessibilityTree_namesAndDescribesEveryPlot_withHeadingsInOrder_andTablesOfTheNumbers() throws {
        let chromium = try #require(ReportScreenshotTests.chromium,
                                    "needs Chromium on PATH to read the report's accessibility tree; `scripts/install-deps test` installs it")
        let html = try html()
        let page = fixture.directory.file("report.html")
        try html.write(toFile: page, atomically: true, encoding: .utf8)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts/accessibility-tree.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script, chromium, page, fixture.directory.file("chromium-profile")]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes to their ends before waiting, so neither fills up.
        nonisolated(unsafe) var errorText = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errorText = errors.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let json = output.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "the accessibility tree could not be read: \(String(decoding: errorText, as: UTF8.self))")

        struct Tree: Decodable {
            struct Node: Decodable { let role: String?; let name: String; let description: String; let level: Int? }
            let lang: String?
            let nodes: [Node]
        }
        let tree = try JSONDecoder().decode(Tree.self, from: json)
        #expect(tree.lang == "en")

        // Every plot is one image, named by its title and described by its desc, in page order.
        let document = try ReportTree.parse(html)
        let plots = document.descendants.filter { $0.name == "svg" }
        let images = tree.nodes.filter { $0.role == "image" }
        #expect(images.map(\.name) == plots.map { $0.children.first { $0.name == "title" }!.allText })
        #expect(images.map(\.description) == plots.map { $0.children.first { $0.name == "desc" }!.allText })
        // The shapes inside a plot are not read out one by one.
        #expect(!tree.nodes.contains { $0.role == "graphics-symbol" || $0.role == "SVGRoot" }, "\(tree.nodes.compactMap(\.role))")

        // Headings: one h1 first, then no level skipped on the way down.
        let levels = tree.nodes.filter { $0.role == "heading" }.compactMap(\.level)
        #expect(levels.count == document.descendants.filter { ["h1", "h2", "h3"].contains($0.name) }.count)
        #expect(levels.first == 1 && levels.filter { $0 == 1 }.count == 1)
        for (previous, next) in zip(levels, levels.dropFirst()) { #expect(next <= previous + 1, "\(levels)") }

        // The numbers behind each plot are there as tables, named by their captions (hidden from sight, not from a screen reader).
        let captions = document.descendants.filter { $0.attributes["data-table"] != nil }.map { $0.children.first!.allText }
        #expect(captions.count >= 6)
        let tables = tree.nodes.filter { $0.role == "table" }.map(\.name)
        for caption in captions { #expect(tables.contains(caption), "no table named \(caption) in \(tables)") }
    }
}
