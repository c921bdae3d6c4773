import BuiltinPractices
import SteadyConfig
import SteadyTestSupport

/// The problem the config loader finds in `text` (as the file `c.toml`), with the German
/// catalogue in use, and its `description` rendered there.
func germanConfigProblem(_ text: String) throws -> (error: ConfigError, description: String) {
    let loader = ConfigLoader(registry: BuiltinPractices.registry)
    return try Catalogues.inLocale("de_DE.UTF-8") {
        do {
            _ = try loader.parse(text, source: "c.toml")
            throw TestSupportError("parsed without a problem: \(text)")
        } catch let error as ConfigError {
            return (error, error.description)
        }
    }
}
