import Foundation

/// Which trailing words are time zones, and how tzdata abbreviates a zone's offsets.
enum CalendarTimeZones {
    /// systemd accepts a trailing word as a time zone when it is a plain tz name (letters, digits,
    /// `-_+/`, no leading, trailing or doubled `/`) naming a TZif file in /usr/share/zoneinfo.
    /// SteadyKit does no I/O, so the list of names is compiled in (`CalendarTimeZoneData`), joined
    /// with the names Foundation knows, and Foundation must be able to load the zone.
    static func isValidName(_ name: String) -> Bool {
        if name == "UTC" { return true }
        guard isPlainName(name) else { return false }
        guard CalendarTimeZoneData.names.contains(name) || knownIdentifiers.contains(name) else { return false }
        return zone(named: name) != nil
    }

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

    static let knownIdentifiers: Set<String> = Set(TimeZone.knownTimeZoneIdentifiers)

    static func zone(named name: String) -> TimeZone? {
        if name == "UTC" { return TimeZone(identifier: "UTC") }
        return TimeZone(identifier: name)
    }

    /// A likely intended zone name for a misspelled one ("europe/berlin", "Europe/Berlinn").
    static func suggestion(for word: String) -> String? {
        let lower = word.lowercased()
        let all = CalendarTimeZoneData.names.union(knownIdentifiers)
        if let exact = all.first(where: { $0.lowercased() == lower }) { return exact }
        // Compare against names with the same region prefix to keep this cheap.
        let region = lower.split(separator: "/").first.map(String.init) ?? lower
        let pool = all.filter { $0.lowercased().hasPrefix(region) }.sorted()
        return CalendarSuggestion.closest(to: word, among: pool.isEmpty ? [] : pool)
    }

    /// The abbreviation tzdata (and so glibc's `%Z`) uses for a zone at a given offset:
    /// an alphabetic one from the compiled table (CET, EDT, …), else the numeric form (+0545, -03).
    static func abbreviation(zoneName: String, offset: Int, isDaylightSaving: Bool) -> String {
        if let entries = abbreviationTable[zoneName] {
            var offsetOnly: String?
            for e in entries where e.offset == offset {
                if e.isDST == isDaylightSaving { return e.abbreviation }
                if offsetOnly == nil { offsetOnly = e.abbreviation }
            }
            if let offsetOnly { return offsetOnly }
        }
        return numericAbbreviation(offset)
    }

    static func numericAbbreviation(_ offset: Int) -> String {
        let sign = offset < 0 ? "-" : "+"
        let a = abs(offset)
        let h = a / 3600, m = a / 60 % 60
        let hh = h < 10 ? "0\(h)" : "\(h)"
        if m == 0 { return sign + hh }
        return sign + hh + (m < 10 ? "0\(m)" : "\(m)")
    }

    private static let abbreviationTable: [String: [(offset: Int, isDST: Bool, abbreviation: String)]] = {
        var table: [String: [(offset: Int, isDST: Bool, abbreviation: String)]] = [:]
        for (zone, text) in CalendarTimeZoneData.abbreviations {
            table[zone] = text.split(separator: ";").compactMap { entry in
                let parts = entry.split(separator: ",")
                guard parts.count == 3, let off = Int(parts[0]) else { return nil }
                return (off, parts[1] == "1", String(parts[2]))
            }
        }
        return table
    }()
}
