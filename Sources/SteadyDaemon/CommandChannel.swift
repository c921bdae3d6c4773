import SteadyLocalization
import Foundation
import Logging
import SteadyJournal
import SteadyExternal
import SteadyKit

/// Sends prompts to a program the person chose (`channel = "command"`), e.g. a bridge to a
/// phone. The program gets one JSON object on stdin and should exit 0 once it has passed the
/// prompt on; answers come back through `steady answer ID VALUE`.
///
/// `{"type":"show","id":12,"practice":"evening-reflection","title":"…","body":"…",
///   "expects":"a number from 1 to 5","choices":[{"key":"1","label":"1"},…]}` and
/// `{"type":"withdraw","id":12}` when the prompt was answered elsewhere or expired.
/// The program runs off the engine queue and is given 10 seconds.
final class CommandChannel: PromptChannel {
    private let command: [String]
    private let queue: DispatchQueue
    private let logger: Logger
    var onEvent: ((ChannelEvent) -> Void)?

    init(command: [String], queue: DispatchQueue, logger: Logger) {
        self.command = command
        self.queue = queue
        self.logger = logger
    }

    var isAvailable: Bool { true }
    var serverName: String? { (command.first as NSString?)?.lastPathComponent }
    var name: String { "command" }

    struct Message: Encodable {
        struct Action: Encodable { var key: String; var label: String }
        var type: String
        var id: Int64
        var practice: String?
        var title: String?
        var body: String?
        var expects: String?
        var choices: [Action]?
    }

    func show(_ offer: Offer, replacing handle: UInt32?, completion: @escaping (Result<UInt32, any Error>) -> Void) {
        let prompt = offer.prompt
        let message = Message(type: "show", id: prompt.id, practice: prompt.practice.rawValue, title: prompt.content.title,
                              body: prompt.content.body, expects: prompt.content.request.expectation,
                              choices: offer.actions.map { .init(key: $0.key, label: $0.label) })
        let done = QueueConfined(completion)
        let id = prompt.id
        run(message) { [queue] error in
            queue.async { done.value(error.map { .failure($0) } ?? .success(UInt32(truncatingIfNeeded: id))) }
        }
    }

    func withdraw(_ handle: UInt32) {
        let logger = QueueConfined(logger)
        run(Message(type: "withdraw", id: Int64(handle))) { error in
            let logger = logger.value
            if let error { logger.warning("the command channel could not withdraw a prompt", metadata: ["error": "\(Localization.english(error))"]) }
        }
    }

    private func run(_ message: Message, completion: @escaping @Sendable ((any Error)?) -> Void) {
        // posix_spawn, not Foundation's Process: under the service's sandbox Process never
        // learns that a child ended (see ExternalProgram). Off the engine queue: it waits.
        let program = ExternalProgram(executable: command[0], arguments: Array(command.dropFirst()),
                                      timeout: Self.timeout, maxReplyBytes: 64 * 1024)
        let data = (try? JSONEncoder().encode(message)) ?? Data()
        DispatchQueue.global().async {
            do {
                _ = try program.run(input: data)
                completion(nil)
            } catch {
                // English: a channel failure is logged
                completion(ChannelError("The command channel \(error)"))
            }
        }
    }

    /// The seconds the program is given to pass a message on.
    static let timeout: Double = 10
}

extension CommandChannel {
    func connect() {}
    func disconnect() {}
}
