import Foundation
import SteadyLocalization

/// Why and when a practice is asked to build a prompt.
public struct Occasion: Sendable, Hashable {
    /// Why the prompt exists.
    public enum Reason: Sendable, Hashable {
        /// A slot of the practice's schedule.
        case scheduled
        /// A follow-up the practice asked for earlier, with its key and the answer that led to it.
        case followUp(key: String, after: AnswerValue?)
    }

    public var reason: Reason
    /// The slot time the prompt belongs to.
    public var slot: Date
    /// A number that changes once a day (days since 1970 in the person's time zone), for
    /// practices that rotate gently through a few wordings. Deterministic: no randomness.
    public var dayNumber: Int
    /// For a follow-up of something the person wrote or answered earlier: how long ago that
    /// was, seen from the moment the prompt is shown ("Last night you noted…"). The engine
    /// builds a follow-up's words again when it shows it, so this is never stale. Nil when
    /// unknown (the words then say "earlier").
    public var lookBack: LookBack?
    /// For a scheduled occasion: the answers given the last time this practice's scheduled
    /// prompt was answered, the prompt's own under `Occasion.scheduledKey` and each of its
    /// follow-ups' under its key. Empty when there was none. Lets a practice pick up where the
    /// last one left off (time alone grows from the length of the last time); it is never a
    /// count of anything.
    public var previous: [String: AnswerValue]

    /// The key of the scheduled prompt's own answer in `previous`.
    public static let scheduledKey = ""

    public init(reason: Reason, slot: Date, dayNumber: Int, lookBack: LookBack? = nil, previous: [String: AnswerValue] = [:]) {
        self.reason = reason
        self.slot = slot
        self.dayNumber = dayNumber
        self.lookBack = lookBack
        self.previous = previous
    }

    /// A scheduled occasion; `dayNumber` is derived from `slot` in `timeZone`.
    public static func scheduled(at slot: Date, timeZone: TimeZone = .current) -> Occasion {
        Occasion(reason: .scheduled, slot: slot, dayNumber: dayNumber(of: slot, in: timeZone))
    }

    /// How long ago something happened, seen from a later moment, in the person's local time.
    public struct LookBack: Sendable, Hashable {
        /// Seconds from then until now.
        public var seconds: Int
        /// Local calendar days between then and now: 0 the same day, 1 yesterday.
        public var daysBack: Int
        /// The local time of day it happened, in minutes after midnight.
        public var minuteOfDay: Int

        public init(seconds: Int, daysBack: Int, minuteOfDay: Int) {
            self.seconds = seconds
            self.daysBack = daysBack
            self.minuteOfDay = minuteOfDay
        }

        /// From `then` to `now`, in `timeZone`.
        public init(from then: Date, to now: Date, in timeZone: TimeZone) {
            seconds = max(0, Int(now.timeIntervalSince(then).rounded()))
            daysBack = max(0, Occasion.dayNumber(of: now, in: timeZone) - Occasion.dayNumber(of: then, in: timeZone))
            let local = then.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: then))
            minuteOfDay = Int((local / 60).rounded(.down)) % (24 * 60)
            if minuteOfDay < 0 { minuteOfDay += 24 * 60 }
        }

        /// "A short while ago", "About 40 minutes ago", "About an hour ago", "About 3 hours
        /// ago", "Late last night", "Last night", "Yesterday afternoon", "A few days ago": how
        /// a sentence about it can begin.
        // TRANSLATORS: each phrase starts a sentence such as "Last night you noted a hard moment."
        public var phrase: String {
            let minutes = (seconds + 30) / 60
            let hour = minuteOfDay / 60
            if minutes < 3 * 60 || (daysBack == 0 && minutes < 6 * 60 && hour >= 5) {
                return switch minutes {
                case ..<2: tr("A short while ago")
                case ..<60: trn("About %1$d minute ago", "About %1$d minutes ago", minutes)
                case 60..<90: tr("About an hour ago")
                default: trn("About %1$d hour ago", "About %1$d hours ago", (minutes + 30) / 60)
                }
            }
            switch daysBack {
            case 0: return hour < 5 ? tr("Late last night") : hour < 12 ? tr("This morning") : hour < 17 ? tr("This afternoon") : tr("Earlier this evening")
            case 1: return hour >= 21 || hour < 5 ? tr("Last night") : hour < 12 ? tr("Yesterday morning") : hour < 17 ? tr("Yesterday afternoon") : tr("Yesterday evening")
            case ..<7: return tr("A few days ago")
            default: return tr("A while ago")
            }
        }
    }

    /// Days since 1970-01-01 of `date` in `timeZone`.
    public static func dayNumber(of date: Date, in timeZone: TimeZone) -> Int {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        return Int((local / 86_400).rounded(.down))
    }
}
