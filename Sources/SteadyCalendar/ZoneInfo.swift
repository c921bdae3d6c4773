import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system's time zone files (tzdata's TZif files under /usr/share/zoneinfo), looked up the
/// way systemd and glibc do, lazily: a name is checked when an expression names it, and a file
/// is read only when a report prints that zone's abbreviations.
enum ZoneInfo {
    static let directory = "/usr/share/zoneinfo"

    /// systemd's `verify_timezone`: "UTC", or a plain name (letters, digits, `-_+/`, no leading,
    /// trailing or doubled `/`, so never `..`) naming a regular file that starts with "TZif".
    static func isZoneFile(_ name: String) -> Bool {
        if name == "UTC" { return true }
        guard isPlainName(name), name.utf8.count < Int(PATH_MAX) else { return false }
        let fd = open(directory + "/" + name, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
        var magic: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        let count = withUnsafeMutableBytes(of: &magic) { read(fd, $0.baseAddress, 4) }
        return count == 4 && magic == (0x54, 0x5A, 0x69, 0x66)  // "TZif"
    }

    /// Letters, digits and `-_+/`, not starting or ending with `/`, no `//`. Dots are not
    /// allowed, so a plain name cannot leave the zoneinfo directory.
    static func isPlainName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, first != UInt8(ascii: "/"), bytes.last != UInt8(ascii: "/") else { return false }
        var slash = false
        for b in bytes {
            let ok = (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
                || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b == UInt8(ascii: "+") || b == UInt8(ascii: "/")
            guard ok else { return false }
            if b == UInt8(ascii: "/") {
                if slash { return false }
                slash = true
            } else {
                slash = false
            }
        }
        return true
    }

    /// Every zone name under the directory whose region (the part before the first `/`)
    /// starts like `prefix` (case-insensitive), for suggestions after a misspelling. Reads
    /// directory listings only, never runs on a valid expression.
    static func names(regionPrefix prefix: String) -> [String] {
        let fm = FileManager.default
        let lower = prefix.lowercased()
        var result: [String] = []
        guard let top = try? fm.contentsOfDirectory(atPath: directory) else { return [] }
        for entry in top where isPlainName(entry) && entry.lowercased().hasPrefix(lower) {
            if entry == "posix" || entry == "right" || entry == "posixrules" || entry == "localtime" { continue }
            let path = directory + "/" + entry
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                for sub in (try? fm.subpathsOfDirectory(atPath: path)) ?? [] {
                    let name = entry + "/" + sub
                    if isPlainName(name) { result.append(name) }
                }
            } else {
                result.append(entry)
            }
        }
        return result.sorted().filter(isZoneFile)
    }

    /// The parsed file of a zone, read once per process (nil when there is none).
    static func file(named name: String) -> TZif? {
        cache.file(named: name)
    }

    private static let cache = Cache()

    private final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var files: [String: TZif?] = [:]

        func file(named name: String) -> TZif? {
            lock.lock()
            defer { lock.unlock() }
            if let known = files[name] { return known }
            let parsed = ZoneInfo.isZoneFile(name)
                ? FileManager.default.contents(atPath: ZoneInfo.directory + "/" + name).flatMap { TZif(Array($0)) }
                : nil
            files[name] = parsed
            return parsed
        }
    }
}

/// A TZif file (RFC 8536): its local time types, its transitions and its footer's TZ rule.
struct TZif: Sendable {
    struct LocalTimeType: Sendable, Equatable {
        var offset: Int
        var isDST: Bool
        var abbreviation: String
    }

    var types: [LocalTimeType]
    /// Transition times (seconds since the epoch), ascending, and the type that starts at each.
    var transitions: [(time: Int, type: Int)]
    /// The POSIX TZ string after the data ("CET-1CEST,M3.5.0,M10.5.0/3"), nil in version 1 files.
    var footer: String?

    init?(_ bytes: [UInt8]) {
        var reader = Reader(bytes: bytes)
        guard let first = reader.header() else { return nil }
        var header = first
        var timeSize = 4
        if first.version >= UInt8(ascii: "2") {
            // Skip the version 1 block; the 64-bit block follows with its own header.
            guard reader.skip(first.dataSize(timeSize: 4)), let second = reader.header() else { return nil }
            header = second
            timeSize = 8
        }
        guard let times = reader.integers(count: header.timeCount, size: timeSize),
              let indexBytes = reader.bytes(count: header.timeCount),
              let typeBytes = reader.bytes(count: header.typeCount * 6),
              let charBytes = reader.bytes(count: header.charCount),
              reader.skip(header.leapCount * (timeSize + 4) + header.isStdCount + header.isUTCCount)
        else { return nil }
        let rawTypes = Array(typeBytes), chars = Array(charBytes), indices = Array(indexBytes)
        let parsed = (0..<header.typeCount).map { i in
            let raw = rawTypes[i * 6..<i * 6 + 6].map(UInt32.init)
            let offset = Int(Int32(bitPattern: raw[0] << 24 | raw[1] << 16 | raw[2] << 8 | raw[3]))
            let start = min(Int(raw[5]), chars.count)
            let end = chars[start...].firstIndex(of: 0) ?? chars.count
            return LocalTimeType(offset: offset, isDST: raw[4] != 0, abbreviation: String(decoding: chars[start..<end], as: UTF8.self))
        }
        guard !parsed.isEmpty, indices.allSatisfy({ Int($0) < parsed.count }) else { return nil }
        types = parsed
        transitions = zip(times, indices).map { ($0, Int($1)) }
        footer = nil
        if timeSize == 8, let rest = reader.rest(), rest.first == UInt8(ascii: "\n") {
            let body = rest.dropFirst().prefix { $0 != UInt8(ascii: "\n") }
            if !body.isEmpty { footer = String(decoding: body, as: UTF8.self) }
        }
    }

    /// glibc's `tzname[0]` and `tzname[1]` right after `tzset()` reads this file: the names of
    /// the last standard and the last daylight-saving type transitioned to (the standard one
    /// twice when there is no daylight saving).
    var tzname: (standard: String, daylight: String) {
        var names: [String?] = [nil, nil]
        for transition in transitions.reversed() {
            let type = types[transition.type]
            let slot = type.isDST ? 1 : 0
            if names[slot] == nil {
                names[slot] = type.abbreviation
                if names[1 - slot] != nil { break }
            }
        }
        let standard = names[0] ?? types[0].abbreviation
        return (standard, names[1] ?? standard)
    }

    /// The abbreviation glibc's `localtime` gives `time` (`%Z`): the type of the last transition
    /// at or before it; after the last transition, the footer's name for `offset` (which
    /// Foundation computed from the same rule).
    func abbreviation(at time: Int, offset: Int) -> String? {
        if let last = transitions.last, time >= last.time, let footer, let rule = FooterNames(footer) {
            if offset == rule.standardOffset { return rule.standard }
            if let daylight = rule.daylight, offset == rule.daylightOffset { return daylight }
            return nil
        }
        // Before the first transition (or with none), glibc uses the first standard-time type.
        var low = 0, high = transitions.count
        while low < high {
            let mid = (low + high) / 2
            if transitions[mid].time <= time { low = mid + 1 } else { high = mid }
        }
        let type: LocalTimeType
        if low == 0 {
            type = types.first(where: { !$0.isDST }) ?? types[0]
        } else {
            type = types[transitions[low - 1].type]
        }
        return type.offset == offset ? type.abbreviation : nil
    }

    private struct Header {
        var version: UInt8
        var isUTCCount, isStdCount, leapCount, timeCount, typeCount, charCount: Int

        func dataSize(timeSize: Int) -> Int {
            timeCount * timeSize + timeCount + typeCount * 6 + charCount + leapCount * (timeSize + 4) + isStdCount + isUTCCount
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        mutating func header() -> Header? {
            guard position + 44 <= bytes.count, bytes[position..<position + 4].elementsEqual("TZif".utf8) else { return nil }
            let version = bytes[position + 4]
            position += 20
            guard let counts = integers(count: 6, size: 4), counts.allSatisfy({ $0 >= 0 }) else { return nil }
            return Header(version: version, isUTCCount: counts[0], isStdCount: counts[1], leapCount: counts[2],
                          timeCount: counts[3], typeCount: counts[4], charCount: counts[5])
        }

        mutating func integers(count: Int, size: Int) -> [Int]? {
            guard count >= 0, position + count * size <= bytes.count else { return nil }
            var result: [Int] = []
            result.reserveCapacity(count)
            for _ in 0..<count {
                var value: UInt64 = 0
                for k in 0..<size { value = value << 8 | UInt64(bytes[position + k]) }
                position += size
                result.append(size == 4 ? Int(Int32(truncatingIfNeeded: value)) : Int(Int64(bitPattern: value)))
            }
            return result
        }

        mutating func bytes(count: Int) -> ArraySlice<UInt8>? {
            guard count >= 0, position + count <= bytes.count else { return nil }
            defer { position += count }
            return bytes[position..<position + count]
        }

        mutating func skip(_ count: Int) -> Bool {
            guard count >= 0, position + count <= bytes.count else { return false }
            position += count
            return true
        }

        func rest() -> ArraySlice<UInt8>? {
            position < bytes.count ? bytes[position...] : nil
        }
    }
}

/// The zone names and offsets in a POSIX TZ rule such as `CET-1CEST,M3.5.0,M10.5.0/3`,
/// `<+0545>-5:45` or `IST-1GMT0,M10.5.0,M3.5.0/1` (offsets as seconds east of UTC).
struct FooterNames {
    var standard: String
    var standardOffset: Int
    var daylight: String?
    var daylightOffset: Int?

    init?(_ rule: String) {
        var s = Substring(rule)
        guard let std = Self.name(&s), let stdOffset = Self.offset(&s) else { return nil }
        standard = std
        standardOffset = -stdOffset
        guard !s.isEmpty, s.first != "," else { return }
        guard let dst = Self.name(&s) else { return nil }
        daylight = dst
        if s.isEmpty || s.first == "," {
            daylightOffset = standardOffset + 3600
        } else if let dstOffset = Self.offset(&s) {
            daylightOffset = -dstOffset
        } else {
            return nil
        }
    }

    private static func name(_ s: inout Substring) -> String? {
        if s.first == "<" {
            guard let close = s.firstIndex(of: ">") else { return nil }
            let name = String(s[s.index(after: s.startIndex)..<close])
            s = s[s.index(after: close)...]
            return name
        }
        let name = s.prefix { $0.isLetter }
        guard name.count >= 3 else { return nil }
        s = s.dropFirst(name.count)
        return String(name)
    }

    /// `[+-]hh[:mm[:ss]]`, in seconds as written (west positive).
    private static func offset(_ s: inout Substring) -> Int? {
        var sign = 1
        if s.first == "+" || s.first == "-" {
            if s.first == "-" { sign = -1 }
            s = s.dropFirst()
        }
        var parts: [Int] = []
        while parts.count < 3 {
            let digits = s.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let value = Int(digits) else { return parts.isEmpty ? nil : combine(parts, sign) }
            parts.append(value)
            s = s.dropFirst(digits.count)
            guard s.first == ":" else { break }
            s = s.dropFirst()
        }
        return combine(parts, sign)
    }

    private static func combine(_ parts: [Int], _ sign: Int) -> Int {
        let h = parts.count > 0 ? parts[0] : 0, m = parts.count > 1 ? parts[1] : 0, sec = parts.count > 2 ? parts[2] : 0
        return sign * (h * 3600 + m * 60 + sec)
    }
}
