import Foundation
import SteadyTestSupport
import Testing

/// A string literal in the sources, with the calls it sits inside.
struct SourceLiteral: Equatable {
    /// 1-based line of the opening quote.
    var line: Int
    /// The literal's text as written (escapes and interpolations unresolved).
    var text: String
    /// The callee of each open parenthesis around the literal, outermost first, as written
    /// before the parenthesis: `tr`, `logger.warning`, `ConfigError`, or "" for a bare `(`.
    var calls: [String]
}

/// Finds the string literals of a Swift file, skipping comments. A small scanner, not a parser:
/// it knows comments, `"…"`, `"""…"""`, `#"…"#` and `\(…)` inside literals, which is all the
/// sources use.
enum SwiftLiterals {
    static func scan(_ source: String) -> [SourceLiteral] {
        let bytes = Array(source.utf8)
        var found: [SourceLiteral] = []
        var calls: [String] = []
        var callee = ""  // the dotted name just before the current position
        var line = 1
        var i = 0
        func at(_ offset: Int, _ text: String) -> Bool {
            let needle = Array(text.utf8)
            return offset + needle.count <= bytes.count && Array(bytes[offset..<offset + needle.count]) == needle
        }
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\n") { line += 1; i += 1; callee = ""; continue }
            if at(i, "//") {
                while i < bytes.count && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            }
            if at(i, "/*") {
                i += 2
                while i < bytes.count && !at(i, "*/") { if bytes[i] == UInt8(ascii: "\n") { line += 1 }; i += 1 }
                i += 2
                continue
            }
            var hashes = 0
            while at(i + hashes, "#") { hashes += 1 }
            if at(i + hashes, "\"") {
                let multiline = at(i + hashes, "\"\"\"")
                let quote = multiline ? "\"\"\"" : "\""
                let close = quote + String(repeating: "#", count: hashes)
                let start = i + hashes + quote.count
                var j = start
                var depth = 0  // parentheses of `\(…)` interpolations
                while j < bytes.count {
                    if depth == 0 && at(j, close) { break }
                    if bytes[j] == UInt8(ascii: "\\") && hashes == 0 {
                        if at(j + 1, "(") { depth += 1; j += 2; continue }
                        j += 2
                        continue
                    }
                    if depth > 0 && bytes[j] == UInt8(ascii: "(") { depth += 1 }
                    if depth > 0 && bytes[j] == UInt8(ascii: ")") { depth -= 1 }
                    j += 1
                }
                let text = String(decoding: bytes[start..<min(j, bytes.count)], as: UTF8.self)
                found.append(SourceLiteral(line: line, text: text, calls: calls))
                line += text.utf8.filter { $0 == UInt8(ascii: "\n") }.count
                i = j + close.utf8.count
                callee = ""
                continue
            }
            if byte == UInt8(ascii: "_") || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) {
                var j = i
                while j < bytes.count, bytes[j] == UInt8(ascii: "_") || bytes[j] == UInt8(ascii: ".")
                        || (bytes[j] | 0x20 >= UInt8(ascii: "a") && bytes[j] | 0x20 <= UInt8(ascii: "z"))
                        || (bytes[j] >= UInt8(ascii: "0") && bytes[j] <= UInt8(ascii: "9")) {
                    j += 1
                }
                let word = String(decoding: bytes[i..<j], as: UTF8.self)
                callee = callee.hasSuffix(".") ? callee + word : word
                i = j
                continue
            }
            switch byte {
            case UInt8(ascii: "("): calls.append(callee)
            case UInt8(ascii: ")"): if !calls.isEmpty { calls.removeLast() }
            case UInt8(ascii: "."): callee += "."; i += 1; continue
            case UInt8(ascii: " "), UInt8(ascii: "\t"): i += 1; continue
            default: break
            }
            callee = ""
            i += 1
        }
        return found
    }
}

/// The check that fails when a sentence a person reads skips translation: every literal in
/// Sources/ and Plugins/ that reads like words (three or more in a row) goes through `tr`,
/// `trn` or `trc`, or is a log line, an assertion, SQL, or carries a reason for staying
/// English: `// English: <why>` on its line or in the comments right above it, or `// English file: <why>`
/// near the top of its file.
@Suite struct UnmarkedTextTests {
    /// Folders whose texts are English by design, and why.
    static let englishFolders = [
        "Sources/steady-bench/": "a developer's benchmark, not installed for people",
    ]
    static let translated: Set<String> = ["tr", "trn", "trc"]
    static let programmerErrors: Set<String> = ["fatalError", "precondition", "preconditionFailure", "assert", "assertionFailure"]
    static let logLevels: Set<String> = ["trace", "debug", "info", "notice", "warning", "error", "critical", "log"]

    /// Three words in a row, outside `\(…)` (code, not words).
    static func readsLikeWords(_ text: String) -> Bool {
        var words = ""
        var depth = 0
        var previous: Character = " "
        for character in text {
            if depth == 0 && previous == "\\" && character == "(" { words.removeLast(); depth = 1 }
            else if depth > 0 && character == "(" { depth += 1 }
            else if depth > 0 && character == ")" { depth -= 1; if depth == 0 { words.append(" ") } }
            else if depth == 0 { words.append(character) }
            previous = character
        }
        return words.range(of: #"[A-Za-z]{2,}[ ,;:]+[a-z]{2,}[ ,;:]+[a-z]{2,}"#, options: .regularExpression) != nil
    }

    static func isExempt(_ literal: SourceLiteral, lines: [Substring]) -> Bool {
        for call in literal.calls {
            let parts = call.split(separator: ".")
            guard let last = parts.last else { continue }
            if translated.contains(String(last)) && parts.count == 1 { return true }
            if programmerErrors.contains(String(last)) && parts.count == 1 { return true }
            if logLevels.contains(String(last)) && parts.dropLast().contains(where: { $0.lowercased().hasSuffix("logger") }) { return true }
        }
        if literal.text.range(of: #"^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|PRAGMA|WITH)\b"#, options: .regularExpression) != nil {
            return true
        }
        // Its own line, then the comment lines right above it.
        var index = literal.line - 1
        if index < lines.count && lines[index].contains("// English:") { return true }
        index -= 1
        while index >= 0, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("//") {
            if lines[index].contains("// English:") { return true }
            index -= 1
        }
        return false
    }

    static func unmarked() throws -> [String] {
        var problems: [String] = []
        for file in try Sources.swiftFiles() {
            let relative = String(file.dropFirst(Sources.root.count + 1))
            if englishFolders.keys.contains(where: { relative.hasPrefix($0) }) { continue }
            let source = try String(contentsOfFile: file, encoding: .utf8)
            let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.prefix(30).contains(where: { $0.hasPrefix("// English file:") }) { continue }
            for literal in SwiftLiterals.scan(source) where readsLikeWords(literal.text) && !isExempt(literal, lines: lines) {
                let text = literal.text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                problems.append("\(relative):\(literal.line): \"\(text.prefix(100))\"")
            }
        }
        return problems
    }

    @Test func everySentenceInTheSources_isTranslatedOrSaysWhyNot() throws {
        let problems = try Self.unmarked()
        #expect(problems.isEmpty, """
            \(problems.count) texts read like words but skip the catalogue. Mark each with tr/trn/trc, \
            or say why it stays English (`// English: <why>` on its line or in the comments right above it):
            \(problems.joined(separator: "\n"))
            """)
    }

    @Test func theScanner_findsLiteralsOutsideMarksAndComments() {
        let source = #"""
            // print("a comment, not a literal at all")
            print("this one is not marked") /* "nor this comment" */
            print(tr("this one is marked, %1$@", "\(name) and \("more words here")"))
            logger.warning("a log line stays English", metadata: ["error": "\(error)"])
            let css = """
                body { margin: 0 } but this reads like words
                """
            let raw = #"a raw literal with "quotes" in it"#
            """#
        let literals = SwiftLiterals.scan(source)
        #expect(literals.map(\.text) == [
            "this one is not marked", "this one is marked, %1$@", #"\(name) and \("more words here")"#,
            "a log line stays English", "error", #"\(error)"#,
            "\n    body { margin: 0 } but this reads like words\n    ", #"a raw literal with "quotes" in it"#,
        ])
        #expect(literals.map(\.line) == [2, 3, 3, 4, 4, 4, 5, 8])
        #expect(literals[1].calls == ["print", "tr"])
        #expect(literals[3].calls == ["logger.warning"])
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!Self.readsLikeWords(#"<li>\(labels.choice($0.key, of: item.practice)) \($0.count)</li>"#))
        #expect(Self.readsLikeWords(#"the \(field) range goes backwards"#))
        let flagged = literals.filter { Self.readsLikeWords($0.text) && !Self.isExempt($0, lines: lines) }.map(\.text)
        #expect(flagged == ["this one is not marked", "\n    body { margin: 0 } but this reads like words\n    ", #"a raw literal with "quotes" in it"#])
    }
}
