import Foundation
import SteadyKit

/// A request from the CLI to the running daemon, one JSON object per line.
public enum ControlRequest: Codable, Sendable, Equatable {
    /// What is running, what comes next.
    case status
    /// Answer a prompt; the daemon stores it durably, closes its notification and reacts.
    case answer(promptID: Int64, value: AnswerValue, note: String?)
    /// Put a prompt off for the configured snooze time.
    case later(promptID: Int64)
    /// Let a prompt pass (ends as skipped).
    case skip(promptID: Int64)
    /// An entry was just written with a tool: schedule the check-ins that follow it.
    case followUpEntry(entryID: Int64)
    /// An entry was followed up in the terminal (as entry `followUpEntryID`): end its waiting check-ins.
    case entryFollowedUp(entryID: Int64, followUpEntryID: Int64)
}

/// The daemon's reply to one request.
public enum ControlResponse: Codable, Sendable, Equatable {
    case status(DaemonStatus)
    /// The answer is durable; `acknowledgement` is the practice's kind word, if any.
    case answered(promptID: Int64, acknowledgement: String?)
    /// The request could not be done; `message` says why in one sentence. `notStored` is true
    /// when the journal could not take it (disk full, busy, damaged): worth trying again later,
    /// unlike a prompt that does not exist.
    case failure(message: String, notStored: Bool? = nil)
    /// Check-ins were scheduled for these times (none when the practice is not configured).
    case followUps(at: [Date])
    /// This many waiting check-ins were ended.
    case closed(count: Int)
}

/// The running daemon's view of itself.
public struct DaemonStatus: Codable, Sendable, Equatable {
    /// One upcoming prompt.
    public struct Upcoming: Codable, Sendable, Equatable {
        public var practice: PracticeID
        public var at: Date
        public init(practice: PracticeID, at: Date) {
            self.practice = practice
            self.at = at
        }
    }

    public var pid: Int32
    public var startedAt: Date
    /// The config file in use, or `<embedded default>`.
    public var configSource: String
    /// When the last reload failed, why (the old config is still running).
    public var reloadProblem: String?
    /// Next due prompts, soonest first.
    public var upcoming: [Upcoming]
    /// Whether a desktop notification server is on the bus.
    public var notificationServer: String?

    public init(pid: Int32, startedAt: Date, configSource: String, reloadProblem: String?, upcoming: [Upcoming], notificationServer: String?) {
        self.pid = pid
        self.startedAt = startedAt
        self.configSource = configSource
        self.reloadProblem = reloadProblem
        self.upcoming = upcoming
        self.notificationServer = notificationServer
    }
}
