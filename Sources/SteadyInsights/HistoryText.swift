import Foundation
import SteadyJournal
import SteadyKit
import SteadyLocalization

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

    /// Practice id → name in the person's language; a practice not listed (an external one) shows its id.
    public var names: [String: String] = [:]
    /// What the stored keys read as — choice labels, entry kinds' names, entry fields' questions —
    /// looked up once per view (a key nothing knows is shown as stored).
    public var labels = StoredKeyLabels()

    /// Times as the person's `LC_TIME` writes them (24 h or 12 h).
    public var localeTime: LocaleTime
    /// How prompts ended, in the person's language, looked up once rather than per line.
    private let outcomeWords: [Outcome: String]
    private let loggedWord: String

    public init(timeZone: TimeZone = .current, localeTime: LocaleTime? = nil, names: [String: String] = [:], labels: StoredKeyLabels = StoredKeyLabels()) {
        self.timeZone = timeZone
        self.names = names
        self.labels = labels
        self.localeTime = localeTime ?? (try? LocaleTime()) ?? LocaleTime.c
        outcomeWords = Dictionary(uniqueKeysWithValues: Outcome.allCases.map { ($0, Self.word($0)) })
        // TRANSLATORS: in `steady history`, an entry the person logged themselves.
        loggedWord = tr("logged")
    }

    /// How a prompt ended, as one word of `steady history`.
    static func word(_ outcome: Outcome) -> String {
        // TRANSLATORS: how a prompt ended, one word in `steady history`.
        switch outcome {
        case .pending: return tr("pending")
        case .answered: return tr("answered")
        case .skipped: return tr("skipped")
        case .expired: return tr("expired")
        case .missed: return tr("missed")
        case .suppressed: return tr("suppressed")
        case .undelivered: return tr("undelivered")
        }
    }

    /// `2025-03-01 07:30  #123  Morning mindfulness   answered: Did box breathing — a note`.
    public func line(_ record: HistoryRecord, clock: inout LocalClock) -> String {
        switch record {
        case .prompt(let item):
            let prompt = item.prompt
            var line = "\(time(prompt.slot, clock: &clock))  #\(prompt.id)  \((names[prompt.practice.rawValue] ?? prompt.practice.rawValue).padded(practiceWidth))  \(outcomeWords[prompt.outcome] ?? prompt.outcome.rawValue)"
            if let answer = item.answer {
                line += ": " + oneLine(describe(answer.value, of: prompt.practice.rawValue, in: prompt.content.request))
                if let note = answer.note, !note.isEmpty { line += " — " + oneLine(note) }
            }
            if prompt.snoozes > 0 { line += " " + Self.snoozed(prompt.snoozes) }
            return line
        case .entry(let entry):
            var line = "\(time(entry.createdAt, clock: &clock))  e\(entry.id)  \(labels.entryKind(entry.kind).padded(practiceWidth))  \(loggedWord)"
            let answers = fields(of: entry.response)
            if !answers.isEmpty { line += ": " + answers.joined(separator: " · ") }
            // TRANSLATORS: after an entry in `steady history`: it follows up entry e12.
            if let parent = entry.parentID { line += " " + tr("(follows e%1$d)", Int(parent)) }
            return line
        }
    }

    /// An answer to `practice`'s prompt: a choice by the label the practice gives it in the
    /// person's language, else as the prompt offered it; a number with its scale; text as written.
    func describe(_ value: AnswerValue, of practice: String, in request: AnswerRequest) -> String {
        if case .choice(let key) = value, let label = labels.choices[practice]?[key] { return label }
        return Self.describe(value, in: request)
    }

    /// An entry's fields in the order its form asks them, each by its question, a choice by its
    /// label; fields the form does not know (or of a kind nothing knows) by their keys, after them.
    func fields(of response: FormResponse) -> [String] {
        var values = response.values
        var shown: [String] = []
        for field in labels.entryFields[response.formID] ?? [] {
            guard let value = values.removeValue(forKey: field.key) else { continue }
            if case .choice(let key) = value {
                shown.append("\(field.label) \(oneLine(field.choices[key] ?? key))")
            } else {
                shown.append("\(field.label) \(oneLine(value.description))")
            }
        }
        for key in values.keys.sorted() { shown.append("\(key) \(oneLine(values[key]!.description))") }
        return shown
    }

    /// A choice shown by its label, a number with its scale, text as written.
    public static func describe(_ value: AnswerValue, in request: AnswerRequest) -> String {
        switch (value, request) {
        case (.choice(let key), .choices(let choices)):
            return choices.first { $0.key == key }?.label ?? key
        case (.number(let n), .scale(let scale)):
            // TRANSLATORS: an answer on a scale: "7 of 10".
            return tr("%1$d of %2$d", n, scale.range.upperBound)
        default:
            return value.description
        }
    }

    private func time(_ date: Date, clock: inout LocalClock) -> String {
        let local = clock.localSeconds(date.timeIntervalSince1970)
        let day = CivilDay(dayNumber: floorDiv(local, 86_400))
        let seconds = floorMod(local, 86_400)
        let moment = LocaleTime.Moment(year: day.year, month: day.month, day: day.day, hour: seconds / 3600, minute: seconds / 60 % 60,
                                       weekday: (LocalClock.weekday(ofDay: day.dayNumber) + 1) % 7)
        return "\(day.iso) \(localeTime.time(moment))"
    }

    /// " (snoozed once)", " (snoozed 3 times)", without the leading space.
    static func snoozed(_ count: Int) -> String {
        // TRANSLATORS: after a prompt in `steady history`: how often the person asked for it again later.
        count == 1 ? tr("(snoozed once)") : trn("(snoozed %1$d time)", "(snoozed %1$d times)", count)
    }

    private func oneLine(_ text: String) -> String {
        var flat = text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ⏎ ")
        if flat.count > textLimit { flat = String(flat.prefix(textLimit - 1)) + "…" }
        return flat
    }
}
