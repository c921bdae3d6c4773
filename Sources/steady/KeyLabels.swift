import Foundation
import SteadyConfig
import SteadyInsights
import SteadyKit
import SteadyTerminal

/// The labels `steady stats`, `steady report` and `steady history` show for stored choice keys,
/// entry kinds and entry fields, in the current language: each practice's own choice labels (its
/// prompts and follow-ups, built with the person's settings when the config reads, else the
/// defaults), each tool form's title and its fields' questions.
enum KeyLabels {
    /// The tools' forms, whose ids are the journal's entry kinds.
    static var forms: [Form] {
        [TriggerJournal.form, TriggerJournal.followUpForm, ThoughtRecord.form, RealityCheck.form, NeedRequest.form,
         NeedRequest.followUpForm, Assessment.form, SoothingKit.form, CalmingEntry.form, PauseEntry.form, WinEntry.form]
    }

    /// Labels for the choice keys and entry kinds in `stats`.
    static func of(_ stats: JournalStats) -> StoredKeyLabels {
        var labels = StoredKeyLabels()
        let kinds = Set(stats.entries.map(\.key))
        for form in forms where kinds.contains(form.id) { labels.entryKinds[form.id] = form.title }
        guard !stats.choices.isEmpty else { return labels }
        let practices = configuredPractices(Set(stats.choices.map(\.practice)))
        for item in stats.choices {
            guard let practice = practices[item.practice] else { continue }  // an external or removed practice: keys as stored
            var offered = choicesOffered(by: practice)
            for key in item.counts.map(\.key) where offered[key] == nil {
                // A key that depends on earlier answers (time alone's `start-40`): the invitation that follows it offers it.
                let next = practice.prompt(for: Occasion(reason: .scheduled, slot: Date(), dayNumber: 0, previous: [Occasion.scheduledKey: .choice(key)]))
                if let choice = next.request.actionChoices.first(where: { $0.key == key }) { offered[key] = choice.label }
            }
            let keys = Set(item.counts.map(\.key))
            labels.choices[item.practice] = offered.filter { keys.contains($0.key) }
        }
        return labels
    }

    /// Labels for `steady history`: each tool form's title, its fields' questions and their
    /// choices. The practices' choice labels are added as their prompts appear (`addChoices`).
    static func forHistory() -> StoredKeyLabels {
        var labels = StoredKeyLabels()
        labels.add(forms)
        return labels
    }

    /// Adds the choice labels each of `ids` offers, once per practice: a practice already in
    /// `labels` is left alone, one nothing knows (external, removed) gets none. `practices`
    /// holds the configured practices, set up (the config read) on first need.
    static func addChoices(of ids: Set<String>, to labels: inout StoredKeyLabels, practices: inout [String: ConfiguredPractice]?) {
        let missing = ids.filter { labels.choices[$0] == nil }
        guard !missing.isEmpty else { return }
        if practices == nil { practices = configuredPractices(Set(registry.ids.map(\.rawValue))) }
        for id in missing { labels.choices[id] = practices?[id].map(choicesOffered) ?? [:] }
    }

    /// The built-in practices as the config sets them up (external programs left out: asking
    /// them would run them), the others with their default settings.
    static func configuredPractices(_ ids: Set<String>) -> [String: ConfiguredPractice] {
        var practices: [String: ConfiguredPractice] = [:]
        for descriptor in registry.all where ids.contains(descriptor.id.rawValue) {
            practices[descriptor.id.rawValue] = try? descriptor.configure(with: [:])
        }
        if let config = try? ConfigLoader(registry: registry).load(path: nil) {
            for setup in config.practices where setup.external == nil && registry[setup.id] != nil && ids.contains(setup.id.rawValue) {
                practices[setup.id.rawValue] = setup.practice
            }
        }
        return practices
    }

    /// Every choice a practice offers — its scheduled prompt and the follow-ups its answers lead
    /// to — key → label, the first label of a key kept.
    static func choicesOffered(by practice: ConfiguredPractice) -> [String: String] {
        let now = Date()
        var labels: [String: String] = [:]
        var asked: Set<String> = []
        var reasons: [Occasion.Reason] = [.scheduled]
        while !reasons.isEmpty {
            let prompt = practice.prompt(for: Occasion(reason: reasons.removeFirst(), slot: now, dayNumber: 0))
            var answers: [AnswerValue]
            switch prompt.request {
            case .choices(let choices):
                for choice in choices where labels[choice.key] == nil { labels[choice.key] = choice.label }
                answers = choices.map { .choice($0.key) }
            case .scale(let scale): answers = [.number(scale.range.lowerBound), .number(scale.range.upperBound)]
            case .text: answers = [.text("")]
            case .done:
                for choice in prompt.request.actionChoices where labels[choice.key] == nil { labels[choice.key] = choice.label }
                answers = [.done]
            }
            for value in answers {
                let reaction = practice.react(to: Answer(promptID: 0, value: value, answeredAt: now, channel: .command), prompt: prompt)
                for followUp in reaction.followUps where asked.insert(followUp.key).inserted {
                    reasons.append(.followUp(key: followUp.key, after: value))
                }
            }
        }
        return labels
    }
}
