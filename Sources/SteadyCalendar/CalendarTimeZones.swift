import Foundation

/// Which trailing words are time zones, and how tzdata abbreviates a zone's offsets — both read
/// from the system's zone files (`ZoneInfo`), as systemd and glibc read them.
enum CalendarTimeZones {
    /// systemd accepts a trailing word as a time zone when it is a plain tz name (letters, digits,
    /// `-_+/`, no leading, trailing or doubled `/`) naming a TZif file in /usr/share/zoneinfo.
    /// The search itself runs on Foundation's zone data, so Foundation must load the zone too.
    static func isValidName(_ name: String) -> Bool {
        if name == "UTC" { return true }
        guard ZoneInfo.isZoneFile(name) else { return false }
        return zone(named: name) != nil
    }

    static func zone(named name: String) -> TimeZone? {
        if name == "UTC" { return TimeZone(identifier: "UTC") }
        return TimeZone(identifier: name)
    }

    /// A likely intended zone name for a misspelled one ("europe/berlin", "Europe/Berlinn").
    static func suggestion(for word: String) -> String? {
        let lower = word.lowercased()
        // Compare against names with the same region prefix to keep this cheap.
        let region = lower.split(separator: "/").first.map(String.init) ?? lower
        let pool = ZoneInfo.names(regionPrefix: region).filter { zone(named: $0) != nil }
        if let exact = pool.first(where: { $0.lowercased() == lower }) { return exact }
        return CalendarSuggestion.closest(to: word, among: pool)
    }

    /// The abbreviation glibc's `%Z` prints for a zone at `time` (seconds since the epoch), where
    /// Foundation found the UTC offset `offset`: the zone file's name for that moment (CET, EDT,
    /// +0545), else tzdata's numeric form (+0545, -03).
    static func abbreviation(zoneName: String, at time: Int, offset: Int) -> String {
        ZoneInfo.file(named: zoneName)?.abbreviation(at: time, offset: offset) ?? numericAbbreviation(offset)
    }

    static func numericAbbreviation(_ offset: Int) -> String {
        let sign = offset < 0 ? "-" : "+"
        let a = abs(offset)
        let h = a / 3600, m = a / 60 % 60
        let hh = h < 10 ? "0\(h)" : "\(h)"
        if m == 0 { return sign + hh }
        return sign + hh + (m < 10 ? "0\(m)" : "\(m)")
    }
}
