import CLocale
#if canImport(Glibc)
import Glibc
#endif

/// Where the catalogues are and which language steady speaks: set once at the start of the
/// CLI and the daemon, before anything is said.
///
/// `start()` calls `setlocale(LC_ALL, "")` (keeping `LC_NUMERIC` at C), so glibc takes the language from the environment
/// in the usual order: `LANGUAGE` (a list such as `de:fr`), then `LC_ALL`, `LC_MESSAGES`,
/// `LANG`. gettext ignores `LANGUAGE` while the locale is `C`/`POSIX` (no `LANG` or `LC_*`
/// set, or a locale that is not installed): `LANGUAGE=de` alone stays English, as in every
/// gettext program; `LANG=de_DE.UTF-8` (or `LANG=C.UTF-8 LANGUAGE=de`) is German.
public enum Localization {
    /// The environment variable that names the catalogue directory directly, for tests and builds
    /// run from the source tree (`make locale` writes `.build/locale`).
    public static let directoryVariable = "STEADY_LOCALEDIR"

    /// Sets the locale from the environment and binds the `steady` domain to its catalogues.
    ///
    /// - Parameter executable: the running executable; its catalogues are in
    ///   `<prefix>/share/locale` when it is `<prefix>/bin/steady`.
    /// - Returns: the directory bound, nil when none was found (gettext then uses its default,
    ///   `/usr/share/locale`).
    @discardableResult
    public static func start(executable: String? = runningExecutable()) -> String? {
        setlocale(LC_ALL, "")
        // Numbers keep the C locale's decimal point: config values, the journal and the JSON
        // export read and write "1.5" whatever the language (C libraries parse with strtod).
        setlocale(LC_NUMERIC, "C")
        let environment = getenv(directoryVariable).map { String(cString: $0) }
        let directory = Self.directory(executable: executable, override: environment)
        if let directory {
            bindtextdomain(translationDomain, directory)
        }
        // Always UTF-8, whatever the locale's character set: terminals, D-Bus and HTML take UTF-8.
        bind_textdomain_codeset(translationDomain, "UTF-8")
        return directory
    }

    /// The catalogue directory: `override` when given, else `<prefix>/share/locale` for an
    /// executable in `<prefix>/bin` (`/usr/bin/steady` → `/usr/share/locale`,
    /// `~/.local/bin/steady` → `~/.local/share/locale`); nil for an executable elsewhere.
    public static func directory(executable: String?, override: String?) -> String? {
        if let override, !override.isEmpty { return override }
        guard let executable, let slash = executable.lastIndex(of: "/") else { return nil }
        let folder = executable[..<slash]
        guard folder.hasSuffix("/bin") else { return nil }
        return folder.dropLast("/bin".count) + "/share/locale"
    }

    /// The catalogue directory for an executable installed in `binDirectory`: where
    /// `steady service install` puts the catalogues next to the copy it makes.
    public static func directory(forBinDirectory binDirectory: String) -> String? {
        directory(executable: binDirectory + "/steady", override: nil)
    }

    /// The path of the running executable (`/proc/self/exe`), nil when it cannot be read.
    public static func runningExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The language of the words steady shows (the catalogue in use says it), for `<html lang>`
    /// and the like: `de` in German, `en` when nothing is translated.
    public static var languageCode: String {
        // TRANSLATORS: the language code of this translation (BCP 47, e.g. "de" or "pt-BR"), used for <html lang>.
        trc("language code", "en")
    }

    /// Binds the `steady` domain to `directory` (`<directory>/<lang>/LC_MESSAGES/steady.mo`), in UTF-8.
    public static func bind(directory: String) {
        bindtextdomain(translationDomain, directory)
        bind_textdomain_codeset(translationDomain, "UTF-8")
    }

    /// Runs `body` with this thread in the locale `name` (`de_DE.UTF-8`): `tr` answers in its
    /// language, while other threads keep theirs (`uselocale`). For tests, and for rendering
    /// something in a language other than the process's.
    ///
    /// `body` must not suspend or hop threads. `LANGUAGE`, when set, still comes first, as gettext
    /// reads it for every locale but C.
    ///
    /// - Throws: `LocaleTimeError.notInstalled` when the locale is not on this machine.
    public static func withLocale<Result>(_ name: String, _ body: () throws -> Result) throws -> Result {
        guard let locale = newlocale(steady_lc_all_mask(), name, nil) else { throw LocaleTimeError.notInstalled(name) }
        let previous = uselocale(locale)
        defer {
            uselocale(previous)
            freelocale(locale)
        }
        return try body()
    }
}
