/// The numbers behind one of the report's plots, as a table: the text equivalent of the
/// picture for a screen reader (WCAG 1.1.1). It is in the page for assistive technology
/// and hidden from view and from print, where the picture and its labels say the same.
struct DataTable {
    /// The plot it belongs to (`data-table` names it, as `data-plot` names the picture).
    let plot: String
    let caption: String
    /// Column headings; the first column heads the rows.
    let columns: [String]
    let rows: [[String]]

    func render() -> String {
        var html = "<table class=\"data-equivalent\" data-table=\"\(HTML.escape(plot))\" id=\"\(SVGCanvas.id(plot))-data\">"
        html += "<caption>\(HTML.escape(caption))</caption>\n<thead><tr>"
        html += columns.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>" + row.enumerated().map { index, cell in
                index == 0 ? "<th scope=\"row\">\(HTML.escape(cell))</th>" : "<td>\(HTML.escape(cell))</td>"
            }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
