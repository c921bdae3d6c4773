import Foundation
import SteadyJournal
import SteadyKit
import Testing
@testable import SteadyDaemon

/// A channel that shows every bubble and remembers what it was asked to do, so the engine's
/// use of bubble handles can be followed step by step (the real server is dunst, in
/// NotificationLifecycleTests).
final class RecordingChannel: PromptChannel {
    enum Call: Equatable {
        case show(promptID: Int64, replacing: UInt32?, handle: UInt32)
        case notice(body: String, replacing: UInt32?, lingers: Bool)
        case withdraw(UInt32)
    }
    var calls: [Call] = []
    private var nextHandle: UInt32 = 100
    var isAvailable: Bool { true }
    var serverName: String? { "recorder" }
    var name: String { "notification" }
    var onEvent: ((ChannelEvent) -> Void)?

    func show(_ offer: Offer, replacing handle: UInt32?, completion: @escaping (Result<UInt32, any Error>) -> Void) {
        let given = handle ?? { nextHandle += 1; return nextHandle }()
        calls.append(.show(promptID: offer.prompt.id, replacing: handle, handle: given))
        completion(.success(given))
    }
    func showNotice(_ notice: Notice, replacing handle: UInt32?, completion: @escaping (UInt32?) -> Void) {
        calls.append(.notice(body: notice.body, replacing: handle, lingers: notice.lingers))
        completion(handle)
    }
    func withdraw(_ handle: UInt32) { calls.append(.withdraw(handle)) }
    func connect() {}
    func disconnect() {}
}

@Suite struct EngineBubbleTests {
    static func harness(_ config: String) throws -> (EngineHarness, RecordingChannel) {
        let h = try EngineHarness(config: config, start: "2026-12-01 07:59")
        let channel = RecordingChannel()
        h.engine.attach(channel: channel)
        return (h, channel)
    }

    @Test func answerOnTheBubble_turnsItIntoTheAcknowledgement_inPlace() throws {
        let (h, channel) = try Self.harness("quiet-hours = \"off\"\n[practices.morning-mindfulness]\nschedule = \"08:00\"\n")
        h.clock.advance(by: 60)
        guard case .show(let id, nil, let bubble)? = channel.calls.first else { Issue.record("\(channel.calls)"); return }
        h.engine.handle(.chose(handle: bubble, key: "box"))
        #expect(channel.calls.last == .notice(body: "Noted. Thank you for giving yourself that moment.", replacing: bubble, lingers: false))
        #expect(try h.journal.prompt(id)?.outcome == .answered)
    }

    @Test func answerInTheTerminal_takesTheBubbleDown() throws {
        let (h, channel) = try Self.harness("quiet-hours = \"off\"\n[practices.morning-mindfulness]\nschedule = \"08:00\"\n")
        h.clock.advance(by: 60)
        guard case .show(let id, nil, let bubble)? = channel.calls.first else { Issue.record("\(channel.calls)"); return }
        _ = try h.engine.answerFromTerminal(promptID: id, value: .choice("box"), note: nil)
        #expect(channel.calls.last == .withdraw(bubble))
    }

    @Test func nextQuestion_takesTheAnsweredBubblesPlace_andTheLastAnswerThanksInIt() throws {
        let (h, channel) = try Self.harness("quiet-hours = \"off\"\n[practices.trigger-journal]\nfollow-up-after = \"10m\"\n")
        let entry = try h.journal.recordEntry(
            FormResponse(formID: TriggerJournal.form.id, values: [TriggerJournal.Field.intensity: .number(6)]), at: h.clock.now)
        _ = try h.engine.scheduleFollowUps(forEntry: entry.id)
        h.clock.advance(by: 600)
        guard case .show(_, nil, let bubble)? = channel.calls.last else { Issue.record("\(channel.calls)"); return }
        h.clock.advance(by: 15)
        h.engine.handle(.chose(handle: bubble, key: "few-minutes"))
        guard case .show(let next, bubble, bubble)? = channel.calls.last else { Issue.record("\(channel.calls)"); return }
        #expect(try h.journal.prompt(next)?.followUpKey == "intensity-now")
        h.engine.handle(.chose(handle: bubble, key: "10"))
        guard case .notice(let body, bubble, true)? = channel.calls.last else { Issue.record("\(channel.calls)"); return }
        #expect(body.contains("emergency"), "a rating at the top brings the safety response, and it stays: \(body)")
    }

    @Test func serverGone_forgetsHandles_soTheNextBubbleIsNew() throws {
        let (h, channel) = try Self.harness("quiet-hours = \"off\"\nsnooze = \"5m\"\n[practices.wins]\nschedule = \"08:00\"\n")
        h.clock.advance(by: 60)
        guard case .show(let id, nil, let bubble)? = channel.calls.first else { Issue.record("\(channel.calls)"); return }
        h.engine.handle(.chose(handle: bubble, key: "steady:later"))
        guard case .notice(_, bubble, false)? = channel.calls.last else { Issue.record("\(channel.calls)"); return }
        h.engine.handle(.unavailable)
        h.engine.handle(.available)  // a new server: ids from the old one mean nothing to it
        h.clock.advance(by: 300)
        #expect(channel.calls.last.map { if case .show(id, nil, _) = $0 { true } else { false } } == true, "\(channel.calls)")
    }

    @Test func inlineReply_isRecordedAsTheAnswer_andThanksInPlace() throws {
        let (h, channel) = try Self.harness("quiet-hours = \"off\"\n[practices.wins]\nschedule = \"08:00\"\n")
        h.clock.advance(by: 60)
        guard case .show(let id, nil, let bubble)? = channel.calls.first else { Issue.record("\(channel.calls)"); return }
        h.engine.handle(.replied(handle: bubble, text: "asked for help & got it"))
        let answer = try #require(try h.journal.history(limit: 10).first { $0.prompt.id == id }?.answer)
        #expect(answer.value == .text("asked for help & got it") && answer.channel == .notification)
        guard case .notice(_, bubble, false)? = channel.calls.last else { Issue.record("\(channel.calls)"); return }
    }

}
