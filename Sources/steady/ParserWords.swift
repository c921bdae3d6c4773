import Foundation
import SteadyLocalization

/// swift-argument-parser's own words — the help's headings ("OVERVIEW:", "USAGE:", "OPTIONS:"…),
/// its built-in options ("Show help information."), "(default: …)" and its parse errors
/// ("Missing expected argument …") — in the person's language.
///
/// The library offers no localisation, so steady translates the text the library rendered,
/// just before printing it (`Steady.main`): each known shape of the library's words is
/// recognised and rebuilt from a whole translatable sentence, and lines whose words grew are
/// wrapped again the way the library wraps them, so the help's columns stay aligned.
/// Anything not recognised (a message shape a newer library version adds, the rare internal
/// errors) stays exactly as the library wrote it, in English. With no translation (English,
/// the C locale) every piece is unchanged, so English output is byte for byte the library's.
/// The shapes are those of swift-argument-parser 1.x (HelpGenerator, ErrorMessageGenerator,
/// MessageInfo); docs/translating.md lists what stays English.
enum ParserWords {
    /// The column width the library wraps the help to: `COLUMNS`, else the terminal's width
    /// on standard output, else 80 (as the library's `Platform.terminalWidth`).
    static var screenWidth: Int {
        if let value = ProcessInfo.processInfo.environment["COLUMNS"], let columns = Int(value) { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// The library's text (`fullMessage(for:)`) in the person's language.
    static func translate(_ text: String, width: Int) -> String {
        if text.hasPrefix(englishErrorPrefix) { return translateError(text) }
        if text.hasPrefix("OVERVIEW: ") || text.hasPrefix("USAGE: ") { return translateHelp(text, width: width) }
        return text  // the version, a completion script, the JSON help dump: no words to translate
    }

    // MARK: - Help

    /// The column where the help's element descriptions start (the library's `labelColumnWidth`).
    static let descriptionColumn = 26

    /// A help screen (`steady help stats`, `steady stats --help`, `-h`).
    static func translateHelp(_ text: String, width: Int) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        // "OVERVIEW: <abstract>", wrapped to the width; the discussion after a blank line is steady's own.
        if lines[0].hasPrefix("OVERVIEW: ") {
            let end = lines.firstIndex(of: "") ?? lines.count
            var abstract = String(lines[0..<end].joined(separator: " ").dropFirst("OVERVIEW: ".count))
            abstract = libraryDescription(abstract) ?? abstract  // `steady help help`
            // TRANSLATORS: the heading before a command's one-line description in `--help` (upper case in English).
            let label = tr("OVERVIEW:")
            if label != "OVERVIEW:" || abstract != lines[0..<end].joined(separator: " ").dropFirst("OVERVIEW: ".count) {
                let rewrapped = wrap(label + " " + abstract, columns: width).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                lines.replaceSubrange(0..<end, with: rewrapped)
                index = rewrapped.count
            } else {
                index = end
            }
        }
        // "USAGE: steady stats [--since <when>] …", further lines indented to line up after the label.
        if let usage = lines[index...].firstIndex(where: { $0.hasPrefix("USAGE: ") }) {
            // TRANSLATORS: the heading before a command's synopsis in `--help` (upper case in English).
            let label = tr("USAGE:")
            lines[usage] = label + " " + lines[usage].dropFirst("USAGE: ".count)
            var next = usage + 1
            while next < lines.count, lines[next].hasPrefix(String(repeating: " ", count: 7)) {
                lines[next] = String(repeating: " ", count: label.count + 1) + lines[next].dropFirst(7)
                next += 1
            }
            index = next
        }
        var result = Array(lines[..<index])
        var rest = lines[index...]
        while let line = rest.first {
            if let heading = sectionHeading(line) {
                result.append(heading)
                rest.removeFirst()
            } else if let seeHelp = seeHelpLine(line) {
                result.append(seeHelp)
                rest.removeFirst()
            } else if let block = elementBlock(rest) {
                result += translateElement(Array(rest.prefix(block)), width: width)
                rest.removeFirst(block)
            } else {
                result.append(line)
                rest.removeFirst()
            }
        }
        return result.joined(separator: "\n")
    }

    /// "ARGUMENTS:", "OPTIONS:", "SUBCOMMANDS:".
    static func sectionHeading(_ line: String) -> String? {
        switch line {
        // TRANSLATORS: a heading in `--help` (upper case in English): the command's arguments.
        case "ARGUMENTS:": tr("ARGUMENTS:")
        // TRANSLATORS: a heading in `--help` (upper case in English): the command's options.
        case "OPTIONS:": tr("OPTIONS:")
        // TRANSLATORS: a heading in `--help` (upper case in English): the commands under this one.
        case "SUBCOMMANDS:": tr("SUBCOMMANDS:")
        default: nil
        }
    }

    /// "  See 'steady help <subcommand>' for detailed help." at the end of a help with subcommands.
    static func seeHelpLine(_ line: String) -> String? {
        guard let match = line.wholeMatch(of: #/  See '(.+)' for detailed help\./#) else { return nil }
        // TRANSLATORS: the last line of a `--help` that lists subcommands; the placeholder is a command ("steady help <subcommand>").
        return "  " + tr("See '%1$@' for detailed help.", String(match.1))
    }

    /// How many lines from the start of `lines` make one option, argument or subcommand whose
    /// description starts in the description column: the label line ("  -h, --help" padded, the
    /// description beside it), or a line of spaces up to that column (after a label too long
    /// to share its line), and the description's further lines, indented as far.
    static func elementBlock(_ lines: ArraySlice<String>) -> Int? {
        guard let first = lines.first, descriptionStart(first) != nil else { return nil }
        var count = 1
        for line in lines.dropFirst() {
            guard descriptionStart(line) == .continued else { break }
            count += 1
        }
        return count
    }

    enum DescriptionStart { case besideLabel, continued }

    /// Whether the line holds description text from the description column on.
    static func descriptionStart(_ line: String) -> DescriptionStart? {
        let characters = Array(line)
        let column = descriptionColumn
        guard characters.count > column, characters[column] != " ", characters[column - 1] == " " else { return nil }
        if characters[..<column].allSatisfy({ $0 == " " }) { return .continued }
        // "  " and a label (no longer than fits before the column), padded with spaces.
        guard characters[0] == " ", characters[1] == " ", characters[2] != " " else { return nil }
        return .besideLabel
    }

    /// One option, argument or subcommand: the library's own descriptions and value notes
    /// translated, the label's "(default)" too, wrapped again when anything changed.
    static func translateElement(_ lines: [String], width: Int) -> [String] {
        let column = descriptionColumn
        let prefix = String(lines[0].prefix(column))
        let description = lines.map { String($0.dropFirst(column)) }.joined(separator: " ")
        let translated = translateDescription(description)
        var label = prefix.trimmingCharacters(in: .whitespaces)
        let labelChanged: Bool
        if label.hasSuffix(" (default)") {
            // TRANSLATORS: after the name of the subcommand that runs when none is named, in `--help`.
            let marker = tr("(default)")
            labelChanged = marker != "(default)"
            label = label.dropLast("(default)".count) + marker
        } else {
            labelChanged = false
        }
        guard translated != description || labelChanged else { return lines }
        var wrapped = wrap(translated, columns: width, indent: column).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard descriptionStart(lines[0]) == .besideLabel else { return wrapped }
        let paddedLabel = "  " + label
        if paddedLabel.count < column {
            wrapped[0] = paddedLabel + wrapped[0].dropFirst(paddedLabel.count)
            return wrapped
        }
        return [paddedLabel] + wrapped
    }

    /// An element's description: the library's own help texts, and the "(default: …)" /
    /// "(values: …)" it appends to steady's descriptions.
    static func translateDescription(_ text: String) -> String {
        if let own = libraryDescription(text) { return own }
        if let match = text.wholeMatch(of: /(?s)(?:(.*) )?\(values: (.*); default: (.*)\)/) {
            // TRANSLATORS: appended to an option's description in `--help`: the values it takes, and the one used when it is not given.
            return joined(match.1, tr("(values: %1$@; default: %2$@)", String(match.2), String(match.3)))
        }
        if let match = text.wholeMatch(of: /(?s)(?:(.*) )?\(values: (.*); default as flag: (.*)\)/) {
            // TRANSLATORS: appended to an option's description in `--help`: the values it takes, and the one used when it is given without a value.
            return joined(match.1, tr("(values: %1$@; default as flag: %2$@)", String(match.2), String(match.3)))
        }
        if let match = text.wholeMatch(of: /(?s)(?:(.*) )?\(values: (.*)\)/) {
            // TRANSLATORS: appended to an option's description in `--help`: the values it takes.
            return joined(match.1, tr("(values: %1$@)", String(match.2)))
        }
        if let match = text.wholeMatch(of: /(?s)(?:(.*) )?\(default as flag: (.*)\)/) {
            // TRANSLATORS: appended to an option's description in `--help`: the value used when it is given without a value.
            return joined(match.1, tr("(default as flag: %1$@)", String(match.2)))
        }
        if let match = text.wholeMatch(of: /(?s)(?:(.*) )?\(default: (.*)\)/) {
            // TRANSLATORS: appended to an option's description in `--help`: the value used when it is not given.
            return joined(match.1, tr("(default: %1$@)", String(match.2)))
        }
        return text
    }

    /// The library's own descriptions: of -h/--help, --version and `steady help`.
    static func libraryDescription(_ text: String) -> String? {
        switch text {
        // English: the library's English, matched so it can be translated
        // TRANSLATORS: the description of -h/--help in every `--help`.
        case "Show help information.": tr("Show help information.")
        // English: the library's English, matched so it can be translated
        // TRANSLATORS: the description of --version in `--help`.
        case "Show the version.": tr("Show the version.")
        // English: the library's English, matched so it can be translated
        // TRANSLATORS: the description of `steady help` in the list of subcommands.
        case "Show subcommand help information.": tr("Show subcommand help information.")
        default: nil
        }
    }

    private static func joined(_ description: Substring?, _ note: String) -> String {
        guard let description else { return note }
        return description + " " + note
    }

    // MARK: - Errors

    static let englishErrorPrefix = "Error: "

    /// "Error: <message>", maybe "Help:  <option>  <description>", then "Usage: …" and
    /// "  See 'steady stats --help' for more information." (a parse error or a ValidationError).
    static func translateError(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var messageEnd = lines.count
        if let see = lines.lastIndex(where: { $0.wholeMatch(of: #/  See '(.+)' for more information\./#) != nil }),
           let usage = lines[..<see].lastIndex(where: { $0.hasPrefix("Usage: ") }) {
            let match = lines[see].wholeMatch(of: #/  See '(.+)' for more information\./#)!
            // TRANSLATORS: the last line of a message about a mistyped command; the placeholder is a command ("steady stats --help").
            lines[see] = "  " + tr("See '%1$@' for more information.", String(match.1))
            // TRANSLATORS: before a command's synopsis in a message about a mistyped command.
            let label = tr("Usage:")
            lines[usage] = label + " " + lines[usage].dropFirst("Usage: ".count)
            for index in (usage + 1)..<see where lines[index].hasPrefix(String(repeating: " ", count: 7)) {
                lines[index] = String(repeating: " ", count: label.count + 1) + lines[index].dropFirst(7)
            }
            messageEnd = usage
            if usage > 0, lines[usage - 1].hasPrefix("Help:  ") {
                // TRANSLATORS: before an option and its description, in a message about a mistyped command.
                lines[usage - 1] = tr("Help:") + "  " + lines[usage - 1].dropFirst("Help:  ".count)
                messageEnd = usage - 1
            }
        }
        let message = String(lines[..<messageEnd].joined(separator: "\n").dropFirst(englishErrorPrefix.count))
        // TRANSLATORS: before a message about a mistyped command ("Error: Unknown option '--sine'"); gently worded.
        let head = tr("Error: %1$@", translateMessage(message))
        let tail = lines[messageEnd...].joined(separator: "\n")
        return messageEnd < lines.count ? head + "\n" + tail : head
    }

    /// The library's parse-error sentences; a message steady wrote itself (already translated)
    /// or a shape not known here stays as it is.
    static func translateMessage(_ message: String) -> String {
        if let m = message.wholeMatch(of: /(.+)\n   or: Missing value for '(.+)' in '([^']+)'/) {
            // A bundle of short options ("-lx"): an unknown option, or one missing its value.
            // TRANSLATORS: the second line of "Unknown option '-lx'": or an option in the bundle lacks its value ("-l <limit>", "-lx").
            return translateMessage(String(m.1)) + "\n   " + tr("or: Missing value for '%1$@' in '%2$@'", String(m.2), String(m.3))
        }
        if let m = message.wholeMatch(of: /Missing expected argument '(.+)'/) {
            // TRANSLATORS: a required argument was not given; the placeholder is its name ("<prompt-id>").
            return tr("Missing expected argument '%1$@'", String(m.1))
        }
        if let m = message.wholeMatch(of: /Missing one of: '(.+)'/) {
            // TRANSLATORS: one of several options is needed; the placeholder lists them ("--a', '--b").
            return tr("Missing one of: '%1$@'", String(m.1))
        }
        if let m = message.wholeMatch(of: /Unknown option '([^']+)'\. Did you mean '([^']+)'\?/) {
            // TRANSLATORS: an option steady does not know, and the one probably meant.
            return tr("Unknown option '%1$@'. Did you mean '%2$@'?", String(m.1), String(m.2))
        }
        if let m = message.wholeMatch(of: /Unknown option '([^']+)'/) {
            // TRANSLATORS: an option steady does not know ("--sine").
            return tr("Unknown option '%1$@'", String(m.1))
        }
        if let m = message.wholeMatch(of: /Missing value for '(.+)'/) {
            // TRANSLATORS: an option was given without its value ("--since <when>").
            return tr("Missing value for '%1$@'", String(m.1))
        }
        if let m = message.wholeMatch(of: /(?s)Unexpected argument '(.*)'/) {
            // TRANSLATORS: a word on the command line that no argument takes.
            return tr("Unexpected argument '%1$@'", String(m.1))
        }
        if let m = message.wholeMatch(of: /(?s)([0-9]+) unexpected arguments: '(.*)'/), let count = Int(m.1) {
            // TRANSLATORS: words on the command line that no argument takes; the second placeholder lists them ("a', 'b").
            return trn("%1$d unexpected argument: '%2$@'", "%1$d unexpected arguments: '%2$@'", count, String(m.2))
        }
        if let m = message.wholeMatch(of: /(?s)The option '([^']+)' does not take any value, but '(.*)' was specified\./) {
            // TRANSLATORS: a flag was given a value ("--json=yes").
            return tr("The option '%1$@' does not take any value, but '%2$@' was specified.", String(m.1), String(m.2))
        }
        if let m = message.wholeMatch(of: /Invalid option: (.+)/) {
            // TRANSLATORS: something that looks like an option but cannot be one ("-").
            return tr("Invalid option: %1$@", String(m.1))
        }
        // English: the library's English, matched so it can be translated
        if message == "Missing required subcommand." {
            return tr("Missing required subcommand.")
        }
        if let m = message.wholeMatch(of: /(?s)The value '(.*)' is invalid for '([^']+)'(.*)/) {
            let invalid = tr("The value '%1$@' is invalid for '%2$@'", String(m.1), String(m.2))
            return invalid + translateValueHint(String(m.3))
        }
        return message
    }

    /// What follows "The value 'x' is invalid for '--y <y>'": nothing, ": <why>" (steady's own
    /// words), or the values that would fit.
    static func translateValueHint(_ hint: String) -> String {
        if hint.isEmpty || hint.hasPrefix(": ") { return hint }
        if let m = hint.wholeMatch(of: /(?s)\. Please provide one of the following:\n(.*)/) {
            // TRANSLATORS: after "The value 'x' is invalid for '--y'", before a list of the values that fit, one per line.
            return ". " + tr("Please provide one of the following:") + "\n" + m.1
        }
        if let m = hint.wholeMatch(of: /\. Please provide one of ('.*') or ('[^']*')\./) {
            // TRANSLATORS: the values that fit: the first placeholder lists several ("'a', 'b'"), the second is the last one ("'c'").
            return ". " + tr("Please provide one of %1$@ or %2$@.", String(m.1), String(m.2))
        }
        if let m = hint.wholeMatch(of: /\. Please provide one of ('[^']*') and ('[^']*')\./) {
            // TRANSLATORS: the two values that fit ("'a'", "'b'").
            return ". " + tr("Please provide one of %1$@ and %2$@.", String(m.1), String(m.2))
        }
        if let m = hint.wholeMatch(of: /\. Please provide one of ('[^']*')\./) {
            // TRANSLATORS: the one value that fits ("'a'").
            return ". " + tr("Please provide one of %1$@.", String(m.1))
        }
        return hint
    }

    // MARK: - Wrapping

    /// Wraps `text` as swift-argument-parser does (`String.wrapped(to:wrappingIndent:)`): lines
    /// break at the last space that fits in `columns - indent` characters (a word longer than
    /// that stands alone), existing line breaks stay, and every non-empty line is indented.
    static func wrap(_ text: String, columns: Int, indent: Int = 0) -> String {
        let columns = columns - indent
        guard columns > 0 else { return text }
        var result: [Substring] = []
        var current = text.startIndex
        while true {
            let chunk = text[current...].prefix(columns)
            if let lastBreak = chunk.lastIndex(of: "\n") {
                result += text[current..<lastBreak].split(separator: "\n", omittingEmptySubsequences: false)
                current = text.index(after: lastBreak)
            } else if chunk.endIndex == text.endIndex {
                result.append(text[current...])
                break
            } else if let lastSpace = chunk.lastIndex(of: " ") {
                result.append(text[current..<lastSpace])
                current = text.index(after: lastSpace)
            } else if let nextSpace = text[current...].firstIndex(of: " ") {
                result.append(text[current..<nextSpace])
                current = text.index(after: nextSpace)
            } else {
                result.append(text[current...])
                break
            }
        }
        return result.map { $0.isEmpty ? String($0) : String(repeating: " ", count: indent) + $0 }.joined(separator: "\n")
    }
}
