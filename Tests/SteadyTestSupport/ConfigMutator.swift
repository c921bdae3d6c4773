import Foundation

/// Makes broken config files out of good ones, reproducibly from a seed: random byte edits,
/// truncation at every position, deep nesting, huge numbers, invalid UTF-8, and every key
/// given every wrong type. Used in-process by the loader's fuzz tests and through the real
/// binary by the end-to-end ones, so both try the same kinds of damage.
public struct ConfigMutator {
    /// One mutated file.
    public struct Mutant: Sendable, CustomStringConvertible {
        /// What was done, e.g. `wrong-type daily-limit = [1, 2] (line 10)`.
        public var name: String
        /// The file's bytes (not always UTF-8).
        public var bytes: [UInt8]
        /// The line the only change is on, when a rejection must point there.
        public var changedLine: Int?

        public var description: String { name }
        /// The bytes as text, with invalid UTF-8 shown as U+FFFD (for failure messages).
        public var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// The seed: `$STEADY_FUZZ_SEED` when set (a number replays a failure, `random` explores
    /// afresh), else a fixed one. `make test` uses the fixed seed, so a change cannot fail
    /// for a crash it did not cause (toml++ asserts abort the whole test process); new seeds
    /// are explored on purpose, and what they find becomes a regression test.
    public static let fixedSeed: UInt64 = 20_261_202

    public static func seed(environment: [String: String] = ProcessInfo.processInfo.environment) -> UInt64 {
        switch environment["STEADY_FUZZ_SEED"] {
        case "random"?: UInt64.random(in: 1...UInt64.max)
        case let value?: UInt64(value) ?? fixedSeed
        case nil: fixedSeed
        }
    }

    private var random: SplitMix64

    public init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    // MARK: - Kinds of damage

    /// The text cut short after each of its characters (and before the first): the file as
    /// an editor that crashed mid-save, or a full disk, left it.
    public static func truncations(of text: String) -> [Mutant] {
        let characters = Array(text)
        return (0..<characters.count).map { end in
            Mutant(name: "truncated after \(end) characters", bytes: Array(String(characters[..<end]).utf8))
        }
    }

    /// `count` copies with a few random byte edits each: a byte replaced by any value, an
    /// inserted byte, a deleted byte, a duplicated or swapped line.
    public mutating func byteEdits(of text: String, count: Int) -> [Mutant] {
        let original = Array(text.utf8)
        return (0..<count).map { index in
            var bytes = original
            var done: [String] = []
            for _ in 0..<Int(random.next(upTo: 4) + 1) {
                guard !bytes.isEmpty else { break }
                let at = Int(random.next(upTo: UInt64(bytes.count)))
                let value = Self.interestingBytes.randomElement(using: &random)!
                switch random.next(upTo: 5) {
                case 0:
                    bytes[at] = value
                    done.append("byte \(at) := 0x\(String(value, radix: 16))")
                case 1:
                    bytes.insert(value, at: at)
                    done.append("insert 0x\(String(value, radix: 16)) at \(at)")
                case 2:
                    bytes.remove(at: at)
                    done.append("delete byte \(at)")
                case 3:
                    let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                    let line = Int(random.next(upTo: UInt64(lines.count)))
                    var copy = Array(lines)
                    copy.insert(lines[line], at: line)
                    bytes = Array(copy.joined(separator: [UInt8(ascii: "\n")]))
                    done.append("duplicate line \(line + 1)")
                default:
                    let other = Int(random.next(upTo: UInt64(bytes.count)))
                    bytes.swapAt(at, other)
                    done.append("swap bytes \(at) and \(other)")
                }
            }
            return Mutant(name: "edit #\(index): " + done.joined(separator: ", "), bytes: bytes)
        }
    }

    /// Bytes worth trying: TOML's own punctuation, controls, NUL, and UTF-8 lead and
    /// continuation bytes that cannot stand alone.
    static let interestingBytes: [UInt8] =
        Array("[]{}=\"'#.,\n\r\t \\0123456789abcxyz+-_:".utf8) + [0x00, 0x01, 0x08, 0x1b, 0x7f, 0x80, 0xbf, 0xc0, 0xc3, 0xe2, 0xed, 0xf0, 0xf8, 0xff]

    /// Invalid UTF-8 at random places: stray continuation bytes, overlong forms, surrogates,
    /// sequences cut short, bytes that never occur.
    public mutating func invalidUTF8(in text: String, count: Int) -> [Mutant] {
        let sequences: [[UInt8]] = [[0xff], [0xfe], [0x80], [0xbf], [0xc0, 0x80], [0xc1, 0xbf], [0xe0, 0x80, 0x80],
                                    [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc3],
                                    [0xe2, 0x82], [0xf0, 0x9f, 0x98]]
        let original = Array(text.utf8)
        return (0..<count).map { index in
            let at = Int(random.next(upTo: UInt64(original.count + 1)))
            let sequence = sequences.randomElement(using: &random)!
            var bytes = original
            bytes.insert(contentsOf: sequence, at: at)
            let line = original[..<at].filter { $0 == UInt8(ascii: "\n") }.count + 1
            return Mutant(name: "invalid UTF-8 #\(index) \(sequence.map { String($0, radix: 16) }) at byte \(at)",
                          bytes: bytes, changedLine: line)
        }
    }

    /// Arrays and inline tables nested `depths` deep, at the top level and inside a
    /// practice's table, plus long dotted keys and table headers.
    public static func deepNesting(depths: [Int] = [8, 64, 255, 256, 1_000, 10_000, 30_000, 100_000]) -> [Mutant] {
        depths.flatMap { depth -> [Mutant] in
            let array = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
            let table = String(repeating: "{ a = ", count: depth) + "1" + String(repeating: " }", count: depth)
            let dotted = Array(repeating: "a", count: depth).joined(separator: ".")
            let unclosed = String(repeating: "[", count: depth)
            return [
                Mutant(name: "array nested \(depth) deep", bytes: Array("a = \(array)\n".utf8), changedLine: 1),
                Mutant(name: "inline table nested \(depth) deep", bytes: Array("a = \(table)\n".utf8), changedLine: 1),
                Mutant(name: "array nested \(depth) deep in a practice",
                       bytes: Array("[practices.wins]\nextra = \(array)\n".utf8), changedLine: 2),
                Mutant(name: "inline table nested \(depth) deep in a practice",
                       bytes: Array("[practices.wins]\nextra = \(table)\n".utf8), changedLine: 2),
                Mutant(name: "dotted key \(depth) deep", bytes: Array("\(dotted) = 1\n".utf8), changedLine: 1),
                Mutant(name: "table header \(depth) deep", bytes: Array("[\(dotted)]\n".utf8), changedLine: 1),
                Mutant(name: "\(depth) unclosed brackets", bytes: Array("a = \(unclosed)\n".utf8), changedLine: 1),
            ]
        }
    }

    /// Values of every TOML type, several extreme: each one is given to every key.
    public static let values: [String] = [
        "\"\"", "\"text\"", "\"off\"", "'literal'", "\"\"\"multi\nline\"\"\"", "\"bad\\nnewline\"",
        "0", "1", "-1", "42", "9223372036854775807", "-9223372036854775808", "99999999999999999999",
        "0x7fffffffffffffff", "1e400", "-1e400", "inf", "-inf", "nan", "3.5", "-0.0",
        "true", "false", "1979-05-27T07:32:00Z", "1979-05-27", "07:32:00",
        "[]", "[1, 2]", "[\"a\", 1]", "[\"Mon 07:00\"]", "[[1]]", "{}", "{ a = 1 }", "{ between = 1 }",
        "\"99999999999999999999h\"", "\"9223372036854775807m\"", "\"-5m\"", "\"0s\"",
        "\"*-*-* 99999999999:00\"", "\"*-*-99999999999 07:00\"", "\"99999:99..00:00\"", "\"\u{0}\"", "\"\\u0000\"",
        "\"\(String(repeating: "x", count: 100_000))\"",
    ]

    /// Every `key = value` line of `text` (and each commented-out one, made live) with its
    /// value replaced by each of ``values``; the change's line is recorded.
    public static func wrongTypes(in text: String) -> [Mutant] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var mutants: [Mutant] = []
        for (index, line) in lines.enumerated() {
            var live = line
            if live.hasPrefix("# "), live.dropFirst(2).first?.isLetter == true { live.removeFirst(2) }
            guard let equals = live.firstIndex(of: "="), !live.hasPrefix("#"), !live.hasPrefix("[") else { continue }
            let key = live[..<equals].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else { continue }
            for value in values {
                var copy = lines
                copy[index] = "\(key) = \(value)"
                // A multi-line value still starts on this line.
                mutants.append(Mutant(name: "wrong type \(key) = \(value.prefix(40)) (line \(index + 1))",
                                      bytes: Array(copy.joined(separator: "\n").utf8), changedLine: index + 1))
            }
        }
        return mutants
    }

    /// Every whole number in `text` replaced, one at a time, by huge and negative ones, in
    /// values and inside strings ("90m", "07:30").
    public static func hugeNumbers(in text: String) -> [Mutant] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var mutants: [Mutant] = []
        for (index, line) in lines.enumerated() where !line.hasPrefix("#") {
            let codeEnd = line.firstIndex(of: "#") ?? line.endIndex
            var searchStart = line.startIndex
            while let digit = line[searchStart..<codeEnd].firstIndex(where: \.isNumber) {
                let end = line[digit..<codeEnd].firstIndex(where: { !$0.isNumber }) ?? codeEnd
                for huge in ["99999999999999999999", "9223372036854775807", "4294967296", "-1", "0", "00000000000000000001"] {
                    var copy = lines
                    copy[index] = String(line[..<digit]) + huge + String(line[end...])
                    mutants.append(Mutant(name: "number \(line[digit..<end]) → \(huge) (line \(index + 1))",
                                          bytes: Array(copy.joined(separator: "\n").utf8), changedLine: index + 1))
                }
                searchStart = end
            }
        }
        return mutants
    }
}

/// A small, fast, seedable generator (SplitMix64), so a failing run can be replayed.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(upTo bound: UInt64) -> UInt64 { next() % max(bound, 1) }
}
