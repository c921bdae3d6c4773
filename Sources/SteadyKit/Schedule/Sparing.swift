/// How sparing steady is: the limits that keep it from asking too much.
///
/// All are on by default: a person who lives with hypervigilance should not have to
/// configure calm.
public struct Sparing: Sendable, Hashable {
    /// No prompt is shown inside this daily window; nil when quiet hours are off.
    public var quietHours: TimeOfDayRange?
    /// At most this many scheduled prompts are shown per day.
    public var dailyLimit: Int
    /// An unanswered prompt expires this long after it was due.
    public var expireAfter: TimeSpan
    /// A prompt whose time passed while the machine slept is still shown on wake within this span.
    public var gracePeriod: TimeSpan

    /// How long "Later" puts a prompt off.
    public var snooze: TimeSpan
    /// How many times one prompt can be put off.
    public var snoozeLimit: Int
    /// Ask less often when a practice's prompts go unanswered several times in a row.
    public var backOff: Bool

    public init(
        quietHours: TimeOfDayRange? = TimeOfDayRange("22:30..07:00"), dailyLimit: Int = 8,
        expireAfter: TimeSpan = .hours(2), gracePeriod: TimeSpan = .minutes(30),
        snooze: TimeSpan = .minutes(10), snoozeLimit: Int = 3, backOff: Bool = true
    ) {
        self.quietHours = quietHours
        self.dailyLimit = dailyLimit
        self.expireAfter = expireAfter
        self.gracePeriod = gracePeriod
        self.snooze = snooze
        self.snoozeLimit = snoozeLimit
        self.backOff = backOff
    }

    /// After this many unanswered prompts in a row, a practice asks only every second slot;
    /// after twice as many, every fourth — until it is answered again.
    public static let backOffAfter = 3

    /// Of every how many slots one is offered, given the run of unanswered prompts (1 = all).
    public static func backOffStride(unansweredInARow: Int) -> Int {
        switch unansweredInARow {
        case ..<backOffAfter: 1
        case ..<(2 * backOffAfter): 2
        default: 4
        }
    }
}
