import Foundation

/// The desktop entry and icon that let notification servers show steady by name and icon.
///
/// The daemon's notifications carry the hint `desktop-entry` = "steady" and the app icon
/// "steady"; GNOME Shell, KDE Plasma and others look both up in the installed
/// `steady.desktop` and the `steady` icon. `data/steady.desktop` (made by `scripts/update-po` from
/// `data/steady.desktop.in` and the translations in `po/`) and `data/steady.svg` in the
/// repository are the sources; the same texts are compiled in here so `steady service install`
/// can write them without the source tree (a test keeps the copies identical).
public enum DesktopEntryFiles {
    /// `data/steady.desktop`: opening steady from a launcher runs `steady answer` in a terminal,
    /// which walks through the check-ins waiting.
    // English: data/steady.desktop, made by scripts/update-po from data/steady.desktop.in and po/ (the [de] keys are the German)
    public static let desktopEntry = #"""
        [Desktop Entry]
        Type=Application
        Name=steady
        GenericName[de]=Check-ins
        GenericName=Check-ins
        Comment[de]=Behutsame Check-ins in deinem Tempo, aufbewahrt in einem privaten Journal
        Comment=Gentle check-ins at your own pace, kept in a private journal
        Icon=steady
        Exec=steady answer
        Terminal=true
        Categories=Utility;
        Keywords[de]=Check-in;Journal;Tagebuch;Atmen;Ruhe;Reflexion;Achtsamkeit;
        Keywords=check-in;journal;breathing;calm;reflection;mindfulness;
        StartupNotify=false
        X-GNOME-UsesNotifications=true

        """#

    /// `data/steady.svg`: a soft sun settling on a calm sea, the scalable app icon.
    public static let icon = #"""
        <svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
          <title>steady</title>
          <circle cx="32" cy="32" r="30" fill="#dce9e6"/>
          <circle cx="32" cy="36" r="11" fill="#f2c994"/>
          <path d="M2.6 38C10 34 17 34 24 38S39 42 46 38S57 35 61.4 38A30 30 0 0 1 2.6 38Z" fill="#8cb8b1"/>
          <path d="M7.3 49C16 46 24 46 32 49S48 52 56.7 49A30 30 0 0 1 7.3 49Z" fill="#64978f"/>
        </svg>

        """#

    /// ``desktopEntry`` with `Exec` running `executable` (an absolute path) rather than the
    /// `steady` found on `PATH`, as `steady service install` writes it.
    public static func desktopEntry(executable: String) -> String {
        desktopEntry.replacingOccurrences(of: "\nExec=steady answer\n", with: "\nExec=\(execArgument(executable)) answer\n")
    }

    /// `path` as one argument of an `Exec` key (Desktop Entry Specification, "The Exec key"):
    /// double-quoted when it holds a reserved character, with `"`, `` ` ``, `$` and `\`
    /// escaped inside the quotes and `%` doubled, then escaped as a string value.
    static func execArgument(_ path: String) -> String {
        var argument = path
        if path.contains(where: { " \t\n\"'\\><~|&;$*?#()`".contains($0) }) {
            argument = "\"" + path.reduce(into: "") { quoted, character in
                if "\"`$\\".contains(character) { quoted.append("\\") }
                quoted.append(character)
            } + "\""
        }
        return argument.replacingOccurrences(of: "%", with: "%%")
            .replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\t", with: "\\t")
    }
}
