import Foundation
import SteadyKit
import SteadyLocalization

/// A practice whose words come from a program the person wrote, in any language:
/// `[practices.NAME] exec = "/path/to/program"` in the config.
///
/// steady speaks a small versioned JSON protocol with the program (docs/external-practices.md):
/// one run per request — `describe` when the daemon loads the config, `prompt` when a prompt is
/// due, `answer` when the person answers — each with a time limit (2 s by default) and a
/// size limit on the reply (64 KiB). A program that crashes, prints garbage, hangs or floods
/// its output is stopped and reported; the caller (the daemon's engine queue) always gets an
/// answer in time: a plain fallback prompt, or no reaction.
public struct ExternalPractice: Sendable {
    /// What the program says about itself in reply to `describe`.
    public struct Description: Sendable, Hashable {
        /// Human name, shown in `steady practices` and notifications.
        public var displayName: String
        /// One sentence on what it offers (may be empty).
        public var summary: String
        /// Calendar expressions to use when the config gives no `schedule` (may be empty).
        public var defaultSchedule: [String]
    }

    /// The default time limit for one run, in seconds.
    public static let defaultTimeout = 2.0
    /// The default size limit of a reply, in bytes.
    public static let defaultMaxReplyBytes = 64 * 1024

    public let id: PracticeID
    public let executable: String
    /// The practice's table from the config, without steady's own keys (`exec`, `schedule`, `enabled`).
    public let settings: [String: SettingValue]
    let program: ExternalProgram

    /// Checks that `executable` is an absolute path to an executable file.
    public init(
        id: PracticeID, executable: String, settings: [String: SettingValue] = [:],
        timeout: Double = ExternalPractice.defaultTimeout, maxReplyBytes: Int = ExternalPractice.defaultMaxReplyBytes
    ) throws(ExternalPracticeError) {
        // The reasons are said of the program, whose path stands before them ("/home/me/x.py: does not exist; …").
        guard executable.hasPrefix("/") else {
            throw ExternalPracticeError(.notExecutable, executable: executable, Phrase {
                // TRANSLATORS: said of an external practice's program, whose path comes before it; `exec` is a config key.
                tr("is not an absolute path; write the program's full path, e.g. \"/home/me/bin/practice.py\".")
            })
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: executable, isDirectory: &isDirectory) else {
            throw ExternalPracticeError(.notExecutable, executable: executable, Phrase { tr("does not exist; check the path in `exec`.") })
        }
        guard !isDirectory.boolValue else {
            throw ExternalPracticeError(.notExecutable, executable: executable, Phrase { tr("is a directory, not a program; check the path in `exec`.") })
        }
        guard access(executable, X_OK) == 0 else {
            throw ExternalPracticeError(.notExecutable, executable: executable, Phrase {
                // TRANSLATORS: %1$@ is the program's path; `chmod +x` is a command and stays as it is.
                tr("is not executable; `chmod +x %1$@` makes it so.", executable)
            })
        }
        self.id = id
        self.executable = executable
        self.settings = settings
        program = ExternalProgram(executable: executable, timeout: timeout, maxReplyBytes: maxReplyBytes)
    }

    /// The program path for an `exec` value: `~/…` is the home directory, a relative path is
    /// relative to the directory of the config file (when there is one), an absolute path is
    /// kept as it is.
    public static func resolve(exec: String, configFile: String?, home: String = NSHomeDirectory()) -> String {
        if exec.hasPrefix("/") { return exec }
        if exec == "~" || exec.hasPrefix("~/") { return home + exec.dropFirst() }
        guard let configFile, configFile.hasPrefix("/") else { return exec }
        let directory = (configFile as NSString).deletingLastPathComponent
        return ((directory as NSString).appendingPathComponent(exec) as NSString).standardizingPath
    }

    // MARK: - The three requests

    /// Asks the program for its name, summary and default schedule.
    public func describe() throws(ExternalPracticeError) -> Description {
        let reply = try exchange(request(kind: "describe"), as: ExternalProtocol.DescribeReply.self)
        let name = reply.name.trimmingCharacters(in: .whitespacesAndNewlines)
        // TRANSLATORS: said of an external practice's program; 'name', 'summary', 'schedule' and the like are keys of its JSON reply and stay as they are.
        try check(!name.isEmpty && name.count <= 60) { tr("its 'name' must be 1 to 60 characters.") }
        let summary = reply.summary ?? ""
        try check(summary.count <= 300) { tr("its 'summary' must be at most 300 characters.") }
        let schedule = reply.schedule ?? []
        try check(schedule.count <= 20) { tr("its 'schedule' may list at most 20 calendar expressions.") }
        return Description(displayName: name, summary: summary, defaultSchedule: schedule)
    }

    /// Asks the program for the prompt of an occasion.
    public func prompt(for occasion: Occasion) throws(ExternalPracticeError) -> PromptContent {
        var message = request(kind: "prompt")
        message.occasion = ExternalProtocol.OccasionMessage(occasion)
        let reply = try exchange(message, as: ExternalProtocol.PromptMessage.self)
        let title = reply.title.trimmingCharacters(in: .whitespacesAndNewlines)
        try check(!title.isEmpty && title.count <= 100) { tr("its 'title' must be 1 to 100 characters.") }
        try check(reply.body.count <= 1000) { tr("its 'body' must be at most 1000 characters.") }
        return PromptContent(title: title, body: reply.body, request: try answerRequest(reply.answer))
    }

    /// Tells the program what the person answered and reads what should happen next.
    public func react(to answer: Answer, prompt: PromptContent) throws(ExternalPracticeError) -> Reaction {
        var message = request(kind: "answer")
        message.prompt = ExternalProtocol.PromptMessage(prompt)
        message.answer = ExternalProtocol.AnswerMessage(answer.value)
        message.answeredAt = answer.answeredAt
        let reply = try exchange(message, as: ExternalProtocol.ReactReply.self)
        let followUps = reply.followUps ?? []
        try check(followUps.count <= 5) { tr("it may ask for at most 5 follow-ups at once.") }
        for followUp in followUps {
            try check((60...30 * 86_400).contains(followUp.after)) { tr("a follow-up's 'after' must be 60 s to 30 days, in seconds.") }
            try check(!followUp.key.isEmpty && followUp.key.count <= 100) { tr("a follow-up's 'key' must be 1 to 100 characters.") }
        }
        if let snooze = reply.snooze {
            try check((60...7 * 86_400).contains(snooze)) { tr("its 'snooze' must be 60 s to 7 days, in seconds.") }
        }
        if let acknowledgement = reply.acknowledgement {
            try check(acknowledgement.count <= 300) { tr("its 'acknowledgement' must be at most 300 characters.") }
        }
        return Reaction(snooze: reply.snooze, followUps: followUps.map { FollowUp(after: $0.after, key: $0.key) },
                        acknowledgement: reply.acknowledgement, skips: reply.skip ?? false)
    }

    // MARK: - For the engine

    /// Describes the program and wraps it for the engine.
    ///
    /// `prompt` and `react` run synchronously on the caller's queue, bounded by the time
    /// limit. When the program fails, `report` gets the error (safe to log: it never holds
    /// what the person wrote) and the practice falls back: a plain prompt that can be marked
    /// done, or no reaction. Throws when `describe` fails, so a broken program is a config error.
    public static func configure(
        id: PracticeID, executable: String, settings: [String: SettingValue],
        timeout: Double = ExternalPractice.defaultTimeout,
        report: @escaping @Sendable (ExternalPracticeError) -> Void = { _ in }
    ) throws(ExternalPracticeError) -> ConfiguredPractice {
        let practice = try ExternalPractice(id: id, executable: executable, settings: settings, timeout: timeout)
        let description = try practice.describe()
        return practice.configured(with: description, report: report)
    }

    /// This practice as a `ConfiguredPractice`, given its description (see `configure`).
    public func configured(
        with description: Description, report: @escaping @Sendable (ExternalPracticeError) -> Void = { _ in }
    ) -> ConfiguredPractice {
        ConfiguredPractice(
            id: id, displayName: description.displayName, suggestedSchedule: description.defaultSchedule,
            prompt: { occasion in
                do throws(ExternalPracticeError) {
                    return try prompt(for: occasion)
                } catch {
                    report(error)
                    return Self.fallbackPrompt(displayName: description.displayName)
                }
            },
            react: { answer, content in
                do throws(ExternalPracticeError) {
                    return try react(to: answer, prompt: content)
                } catch {
                    report(error)
                    return .none
                }
            })
    }

    /// What the person sees when the program could not give its own prompt.
    public static func fallbackPrompt(displayName: String) -> PromptContent {
        PromptContent(
            title: String(displayName.prefix(40)),
            body: tr("A moment for this practice, if you'd like one. Its own words could not be fetched just now."),
            request: .done)
    }

    // MARK: - Helpers

    private func request(kind: String) -> ExternalProtocol.Request {
        ExternalProtocol.Request(request: kind, practice: id.rawValue, settings: settings)
    }

    private func exchange<Reply: Decodable>(_ request: ExternalProtocol.Request, as type: Reply.Type) throws(ExternalPracticeError) -> Reply {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var input = (try? encoder.encode(request)) ?? Data()
        input.append(UInt8(ascii: "\n"))
        let output = try program.run(input: input)
        guard (try? JSONSerialization.jsonObject(with: output)) is [String: Any] else {
            throw fail(.notJSON) {
                output.isEmpty ? tr("printed nothing; it should print one JSON object.")
                    : trn("printed %1$d byte that is not one JSON object.", "printed %1$d bytes that are not one JSON object.", output.count)
            }
        }
        let envelope = try? JSONDecoder().decode(ExternalProtocol.Envelope.self, from: output)
        guard let version = envelope?.protocol else {
            // TRANSLATORS: "protocol": 1 is JSON the program should add to its reply, as it is.
            throw fail(.wrongProtocol) { tr("its reply has no \"protocol\": %1$d; add it so steady knows which version it speaks.", ExternalProtocol.version) }
        }
        guard version == ExternalProtocol.version else {
            // TRANSLATORS: %1$d and %2$d are version numbers of the external practice protocol.
            throw fail(.wrongProtocol) { tr("speaks protocol %1$d; this steady speaks %2$d.", version, ExternalProtocol.version) }
        }
        do {
            return try JSONDecoder().decode(Reply.self, from: output)
        } catch let error as DecodingError {
            throw fail(.badReply) { Self.explain(error, request: request.request) }
        } catch {
            throw fail(.badReply) { tr("its reply to '%1$@' could not be read.", request.request) }
        }
    }

    private func answerRequest(_ message: ExternalProtocol.RequestMessage) throws(ExternalPracticeError) -> AnswerRequest {
        switch message.kind {
        case "choices":
            let choices = message.choices ?? []
            try check((1...10).contains(choices.count)) { tr("a 'choices' answer needs 1 to 10 choices.") }
            try check(Set(choices.map(\.key)).count == choices.count) { tr("its choice keys must differ from each other.") }
            for choice in choices {
                try check(!choice.key.isEmpty && choice.key.count <= 60 && !choice.key.contains(where: \.isWhitespace)) {
                    tr("a choice 'key' must be 1 to 60 characters without spaces.")
                }
                try check(!choice.label.isEmpty && choice.label.count <= 60) { tr("a choice 'label' must be 1 to 60 characters.") }
            }
            return .choices(choices.map { Choice(key: $0.key, label: $0.label) })
        case "scale":
            guard let from = message.from, let to = message.to else {
                throw fail(.badReply) { tr("a 'scale' answer needs whole numbers 'from' and 'to'.") }
            }
            try check(from < to && to - from <= 100) { tr("a scale's 'from' must be below its 'to', at most 100 apart.") }
            return .scale(Scale(from...to, low: message.low ?? "\(from)", high: message.high ?? "\(to)"))
        case "text":
            return .text(placeholder: message.placeholder ?? "")
        case "done":
            return .done
        default:
            // TRANSLATORS: choices, scale, text and done are values of the JSON reply and stay as they are.
            throw fail(.badReply) { tr("its answer 'kind' must be one of: choices, scale, text, done.") }
        }
    }

    /// Throws a bad reply when `condition` does not hold; `reason` is rendered in the person's language and in English.
    private func check(_ condition: Bool, _ reason: () -> String) throws(ExternalPracticeError) {
        if !condition { throw fail(.badReply, reason) }
    }

    private func fail(_ code: ExternalPracticeError.Code, _ reason: () -> String) -> ExternalPracticeError {
        ExternalPracticeError(code, executable: executable, Phrase(reason))
    }

    /// A decoding error of the reply to `request` in words, naming keys but never values, in the current language.
    private static func explain(_ error: DecodingError, request: String) -> String {
        func keys(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            // TRANSLATORS: %1$@ is the request (describe, prompt or answer); keys of the JSON reply stay as they are.
            if context.codingPath.isEmpty { return tr("its reply to '%1$@' lacks '%2$@'.", request, key.stringValue) }
            return tr("its reply to '%1$@' lacks '%2$@' inside '%3$@'.", request, key.stringValue, keys(context))
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            if context.codingPath.isEmpty { return tr("its reply to '%1$@' has the wrong type of value at the reply.", request) }
            return tr("its reply to '%1$@' has the wrong type of value at '%2$@'.", request, keys(context))
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return tr("its reply to '%1$@' has an unreadable value at the reply.", request) }
            return tr("its reply to '%1$@' has an unreadable value at '%2$@'.", request, keys(context))
        @unknown default:
            return tr("its reply to '%1$@' could not be read.", request)
        }
    }
}
