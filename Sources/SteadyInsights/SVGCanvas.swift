import SteadyKit

/// Builds one inline SVG element as text: well-formed XML, every text escaped.
///
/// Coordinates are rounded to one decimal to keep large plots small.
struct SVGCanvas {
    let width: Double
    let height: Double
    private var body = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// The finished `<svg>`: `plot` names it (`data-plot`), `title` is its accessible name
    /// (`<title>`, referenced by `aria-labelledby`), `description` its accessible description
    /// (`<desc>`, by `aria-describedby`): one sentence saying what it shows, or why it is empty.
    /// A screen reader reads the picture as one image with that name and description (its
    /// shapes, labels and tooltips are hidden from it: browsers would otherwise list each
    /// one); the numbers themselves follow it in a `DataTable`.
    func render(plot: String, title: String, description: String) -> String {
        let id = Self.id(plot)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" data-plot=\"\(HTML.escape(plot))\" role=\"img\" "
            + "aria-labelledby=\"\(id)-title\" aria-describedby=\"\(id)-desc\" "
            + "width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\">"
            + "<title id=\"\(id)-title\">\(HTML.escape(title))</title><desc id=\"\(id)-desc\">\(HTML.escape(description))</desc>"
            + "<g aria-hidden=\"true\">" + body + "</g></svg>"
    }

    /// The id prefix of a plot's elements: `plot-` and the plot name, reduced to letters,
    /// digits and hyphens (a practice id may hold other characters).
    static func id(_ plot: String) -> String {
        "plot-" + String(plot.unicodeScalars.map { scalar -> Character in
            (scalar.properties.isAlphabetic && scalar.isASCII) || ("0"..."9").contains(scalar) || scalar == "-" ? Character(scalar) : "_"
        })
    }

    static func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, rx: Double = 0,
                       className: String? = nil, tooltip: String? = nil) {
        body += "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(0, width)))\" height=\"\(Self.n(max(0, height)))\""
        if rx > 0 { body += " rx=\"\(Self.n(rx))\"" }
        body += " fill=\"\(fill)\""
        if let className { body += " class=\"\(className)\"" }
        if let tooltip { body += "><title>\(HTML.escape(tooltip))</title></rect>" } else { body += "/>" }
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        body += "<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\""
        if let dash { body += " stroke-dasharray=\"\(dash)\"" }
        body += "/>"
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2) {
        guard points.count > 1 else { return }
        let list = points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ")
        body += "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>"
    }

    mutating func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String? = nil, strokeWidth: Double = 1.5,
                         tooltip: String? = nil) {
        body += "<circle cx=\"\(Self.n(cx))\" cy=\"\(Self.n(cy))\" r=\"\(Self.n(r))\" fill=\"\(fill)\""
        if let stroke { body += " stroke=\"\(stroke)\" stroke-width=\"\(Self.n(strokeWidth))\"" }
        if let tooltip { body += "><title>\(HTML.escape(tooltip))</title></circle>" } else { body += "/>" }
    }

    /// Text; `anchor` is start, middle or end.
    mutating func text(_ string: String, x: Double, y: Double, anchor: String = "start", size: Double = 11,
                       fill: String = Palette.ink, weight: String? = nil) {
        body += "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" font-size=\"\(Self.n(size))\" fill=\"\(fill)\""
        if anchor != "start" { body += " text-anchor=\"\(anchor)\"" }
        if let weight { body += " font-weight=\"\(weight)\"" }
        body += ">\(HTML.escape(string))</text>"
    }

    /// A short message in the middle, for plots with nothing to show yet.
    mutating func emptyMessage(_ message: String) {
        rect(x: 0.5, y: 0.5, width: width - 1, height: height - 1, fill: "none", rx: 6, className: "empty")
        text(message, x: width / 2, y: height / 2 + 4, anchor: "middle", size: 13, fill: Palette.muted)
    }
}

/// The report's colours: calm, and readable in grey when printed without colour.
///
/// Every colour used for text (`ink`, `muted`, `accent`, `warm`) has a contrast of at least
/// 4.5:1 on white (WCAG AA), and `ink` on every heat level, where the grid's counts sit;
/// lines and marks that carry data (`accent`, `warm`) at least 3:1. Contrast is a ratio of
/// luminances, so it holds in black and white too. `grid`, `empty` and `accentLight` are
/// decoration only: nothing is told by them alone.
enum Palette {
    static let ink = "#1f2a30"
    static let muted = "#5d6b73"
    static let grid = "#dde3e6"
    static let empty = "#eef1f3"
    static let accent = "#2a7f78"
    static let accentLight = "#9fd1ca"
    static let warm = "#9a5a1e"
    /// Heat levels, lightest (a little) to darkest (a lot); light enough for `ink` counts on each.
    static let heat = ["#e0f1ee", "#bde2dc", "#98d1c8", "#74bfb4", "#53aba0"]
}

/// Escaping for text and attribute values in the report (valid HTML and XML alike).
public enum HTML {
    /// ``XMLText/escape(_:)``, the one rule steady uses for XML.
    public static func escape(_ text: String) -> String { XMLText.escape(text) }
}
