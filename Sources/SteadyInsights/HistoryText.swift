import Foundation
import SteadyJournal
import SteadyKit

/// One line of `steady history` per prompt or entry, for the terminal.
///
/// This is the person's own view of their journal, so what they wrote is shown, kept to one
/// line (line breaks as `⏎`, long text shortened).
public struct HistoryText {
    public var timeZone: TimeZone
    /// Width of the practice column.
    public var practiceWidth = 20
    /// Longest piece of written text shown before it is shortened with `…`.
    public var textLimit = 80

    public init(timeZone: TimeZone = .current) {
        self.timeZone = timeZone
    }

    /// `2025-03-01 07:30  #123  morning-mindfulness   answered: Did box breathing — a note`.
    public func line(_ record: HistoryRecord, clock: inout LocalClock) -> String {
        switch record {
        case .prompt(let item):
            let prompt = item.prompt
            var line = "\(time(prompt.slot, clock: &clock))  #\(prompt.id)  \(prompt.practice.rawValue.padded(practiceWidth))  \(prompt.outcome.rawValue)"
            if let answer = item.answer {
                line += ": " + oneLine(Self.describe(answer.value, in: prompt.content.request))
                if let note = answer.note, !note.isEmpty { line += " — " + oneLine(note) }
            }
            if prompt.snoozes > 0 { line += prompt.snoozes == 1 ? " (snoozed once)" : " (snoozed \(prompt.snoozes) times)" }
            return line
        case .entry(let entry):
            var line = "\(time(entry.createdAt, clock: &clock))  e\(entry.id)  \(entry.kind.padded(practiceWidth))  logged"
            let fields = entry.response.values.keys.sorted().map { key in "\(key) \(oneLine(entry.response.values[key]!.description))" }
            if !fields.isEmpty { line += ": " + fields.joined(separator: " · ") }
            if let parent = entry.parentID { line += " (follows e\(parent))" }
            return line
        }
    }

    /// A choice shown by its label, a number with its scale, text as written.
    public static func describe(_ value: AnswerValue, in request: AnswerRequest) -> String {
        switch (value, request) {
        case (.choice(let key), .choices(let choices)):
            return choices.first { $0.key == key }?.label ?? key
        case (.number(let n), .scale(let scale)):
            return "\(n) of \(scale.range.upperBound)"
        default:
            return value.description
        }
    }

    private func time(_ date: Date, clock: inout LocalClock) -> String {
        let local = clock.localSeconds(date.timeIntervalSince1970)
        let day = CivilDay(dayNumber: floorDiv(local, 86_400))
        let seconds = floorMod(local, 86_400)
        return "\(day.iso) \(CivilDay.pad(seconds / 3600, 2)):\(CivilDay.pad(seconds / 60 % 60, 2))"
    }

    private func oneLine(_ text: String) -> String {
        var flat = text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ⏎ ")
        if flat.count > textLimit { flat = String(flat.prefix(textLimit - 1)) + "…" }
        return flat
    }
}
