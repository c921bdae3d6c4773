import SteadyKit
import Testing

@Suite struct XMLTextTests {
    @Test func escape_replacesTheFiveMarkupCharacters() {
        #expect(XMLText.escape(#"<a href="x">fish & 'chips'</a>"#)
                == "&lt;a href=&quot;x&quot;&gt;fish &amp; &#39;chips&#39;&lt;/a&gt;")
    }

    @Test func escape_dropsWhatXML10DoesNotAllow_keepsTabAndLineBreaks() {
        #expect(XMLText.escape("a\u{0}b\u{1}c\u{1B}d\u{7F}e\u{FFFE}f\u{FFFF}g") == "abcdefg")
        #expect(XMLText.escape("one\ttwo\nthree\r\n") == "one\ttwo\nthree\r\n")
        #expect(XMLText.escape("👍🏽 東京 ü") == "👍🏽 東京 ü")
    }
}

@Suite struct BaseDirectoriesTests {
    @Test func absoluteVariables_win() {
        let directories = BaseDirectories(
            environment: ["HOME": "/home/ana", "XDG_DATA_HOME": "/d", "XDG_CONFIG_HOME": "/c", "XDG_RUNTIME_DIR": "/run/user/1000"],
            fallbackHome: "/unused")
        #expect(directories == BaseDirectories(environment: [
            "HOME": "/home/ana", "XDG_DATA_HOME": "/d", "XDG_CONFIG_HOME": "/c", "XDG_RUNTIME_DIR": "/run/user/1000",
        ], fallbackHome: "/other"))
        #expect(directories.home == "/home/ana")
        #expect(directories.dataHome == "/d")
        #expect(directories.configHome == "/c")
        #expect(directories.runtimeDirectory == "/run/user/1000")
    }

    @Test func relativeOrMissingVariables_fallBackUnderTheHome() {
        let directories = BaseDirectories(
            environment: ["HOME": "relative", "XDG_DATA_HOME": "data", "XDG_RUNTIME_DIR": "run"], fallbackHome: "/home/bo")
        #expect(directories.home == "/home/bo")
        #expect(directories.dataHome == "/home/bo/.local/share")
        #expect(directories.configHome == "/home/bo/.config")
        #expect(directories.runtimeDirectory == nil)
        #expect(BaseDirectories(environment: ["HOME": "/h"], fallbackHome: "/x").dataHome == "/h/.local/share")
    }
}
