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

    public init(
        quietHours: TimeOfDayRange? = TimeOfDayRange("22:30..07:00"), dailyLimit: Int = 8,
        expireAfter: TimeSpan = .hours(2), gracePeriod: TimeSpan = .minutes(30)
    ) {
        self.quietHours = quietHours
        self.dailyLimit = dailyLimit
        self.expireAfter = expireAfter
        self.gracePeriod = gracePeriod
    }
}
