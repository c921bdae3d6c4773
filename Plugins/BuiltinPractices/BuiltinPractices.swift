import EveningReflection
import MorningMindfulness
import SleepWindDown
import SteadyKit

/// The practices that ship with steady.
public enum BuiltinPractices {
    /// Every built-in practice, registered by id.
    public static var registry: PracticeRegistry {
        var registry = PracticeRegistry()
        registry.register(MorningMindfulnessPractice.self)
        registry.register(EveningReflectionPractice.self)
        registry.register(SleepWindDownPractice.self)
        return registry
    }
}
