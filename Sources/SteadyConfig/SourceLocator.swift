/// Finds where a key or value sits in TOML source text, so errors found after parsing
/// (unknown keys, bad times) can name a line and column.
///
/// TOMLKit parses the document; it does not expose node positions. This scans lines for
/// table headers and `key =` assignments — enough to point at the place, not a parser.
struct SourceLocator {
    let lines: [String]

    init(text: String) {
        // By scalars: as Characters, "\r\n" is one and never equals "\n", so a file with
        // Windows line endings would be a single line.
        lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = String(String.UnicodeScalarView(line))
            if line.unicodeScalars.last == "\r" { line.unicodeScalars.removeLast() }
            return line
        }
    }

    /// Line and column (1-based) of the key at `path`, or of the nearest enclosing table or key found.
    func position(of path: [String]) -> (line: Int, column: Int)? {
        var table: [String] = []
        var best: (line: Int, column: Int, depth: Int)?
        for (index, raw) in lines.enumerated() {
            let line = Self.stripComment(raw)
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            let indent = line.count - trimmed.count
            if trimmed.hasPrefix("[") {
                let inner = trimmed.drop(while: { $0 == "[" }).prefix(while: { $0 != "]" })
                table = Self.splitKey(String(inner))
                let depth = Self.commonPrefix(table, path)
                if depth == table.count, depth > (best?.depth ?? 0) {
                    let column = indent + 1 + trimmed.prefix(while: { $0 == "[" || $0 == " " }).count
                    best = (index + 1, column, depth)
                }
                continue
            }
            guard let equals = trimmed.firstIndex(of: "=") else { continue }
            let keyPart = String(trimmed[..<equals])
            let full = table + Self.splitKey(keyPart)
            let depth = Self.commonPrefix(full, path)
            guard depth == full.count, depth > (best?.depth ?? 0) else { continue }
            best = (index + 1, indent + 1, depth)
            if depth < path.count {
                // Inline table on the same line: look for the next key after the '='.
                let rest = String(trimmed[trimmed.index(after: equals)...])
                for key in path[depth...] {
                    guard let range = rest.range(of: key) else { break }
                    let column = indent + 1 + keyPart.count + 1 + rest.distance(from: rest.startIndex, to: range.lowerBound)
                    best = (index + 1, column, best!.depth + 1)
                }
            }
        }
        return best.map { ($0.line, $0.column) }
    }

    /// Line and column of the quoted string `value` at or after `start`.
    func position(ofString value: String, from start: (line: Int, column: Int)) -> (line: Int, column: Int)? {
        for index in (start.line - 1)..<lines.count {
            let line = lines[index]
            for quote in ["\"", "'"] {
                if let range = line.range(of: quote + value + quote) {
                    return (index + 1, line.distance(from: line.startIndex, to: range.lowerBound) + 2)
                }
            }
        }
        return nil
    }

    func text(ofLine line: Int) -> String? {
        lines.indices.contains(line - 1) ? lines[line - 1] : nil
    }

    static func splitKey(_ key: String) -> [String] {
        key.split(separator: ".").map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }
    }

    static func stripComment(_ line: String) -> String {
        var inString: Character?
        for (offset, char) in line.enumerated() {
            if let quote = inString {
                if char == quote { inString = nil }
            } else if char == "\"" || char == "'" {
                inString = char
            } else if char == "#" {
                return String(line.prefix(offset))
            }
        }
        return line
    }

    static func commonPrefix(_ a: [String], _ b: [String]) -> Int {
        zip(a, b).prefix(while: { $0 == $1 }).count
    }
}

import Foundation
