import Foundation
import SteadyLocalization

/// The repository's translations, compiled by the real `msgfmt` into a directory of this test
/// process and bound once, so `Localization.withLocale("de_DE.UTF-8")` reads German.
public enum Catalogues {
    /// The repository root (this file is Tests/SteadyTestSupport/Catalogues.swift).
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    private static let directory = TemporaryDirectory(prefix: "steady-locale")

    /// Nil once compiled and bound, else why not.
    private static let problem: String? = {
        do {
            let result = try ChildProcess.run(repository + "/scripts/build-locale", [directory.path],
                                              environment: ProcessInfo.processInfo.environment)
            guard result.status == 0 else {
                return "scripts/build-locale failed (is gettext installed? scripts/install-deps test): \(result.stderr)"
            }
        } catch {
            return "scripts/build-locale could not run: \(error)"
        }
        Localization.bind(directory: directory.path)
        return nil
    }()

    /// Compiles and binds the catalogues (once per process); the directory they are in.
    @discardableResult
    public static func bound() throws -> String {
        if let problem { throw TestSupportError(problem) }
        return directory.path
    }

    /// Runs `body` on this thread in `locale` with the catalogues bound. Fails, saying why,
    /// when the locale is not installed or `LANGUAGE` would choose another language.
    public static func inLocale<Result>(_ locale: String, _ body: () throws -> Result) throws -> Result {
        try bound()
        if let language = ProcessInfo.processInfo.environment["LANGUAGE"], !language.isEmpty,
           !language.hasPrefix(String(locale.prefix(2)))
        {
            throw TestSupportError("LANGUAGE=\(language) is set and gettext puts it before the locale; unset LANGUAGE to run the translation tests")
        }
        do {
            return try Localization.withLocale(locale, body)
        } catch let error as LocaleTimeError {
            throw TestSupportError("\(error); scripts/install-deps test generates it")
        }
    }
}
