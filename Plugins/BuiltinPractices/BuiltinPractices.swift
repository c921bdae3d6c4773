import Asking
import Boundaries
import EveningReflection
import MorningMindfulness
import ReachOut
import SelfAssessment
import SelfCompassion
import SleepWindDown
import SteadyKit
import TimeAlone
import TriggerJournal
import Wins

/// The practices that ship with steady.
public enum BuiltinPractices {
    /// Every built-in practice, registered by id.
    public static var registry: PracticeRegistry {
        var registry = PracticeRegistry()
        registry.register(MorningMindfulnessPractice.self)
        registry.register(EveningReflectionPractice.self)
        registry.register(SleepWindDownPractice.self)
        registry.register(ReachOutPractice.self)
        registry.register(SelfCompassionPractice.self)
        registry.register(WinsPractice.self)
        registry.register(SelfAssessmentPractice.self)
        registry.register(TriggerJournalPractice.self)
        registry.register(AskingPractice.self)
        registry.register(BoundariesPractice.self)
        registry.register(TimeAlonePractice.self)
        return registry
    }
}
