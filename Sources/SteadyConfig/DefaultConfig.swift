// English file: the default config file; its comments stay English, like its keys (docs/translating.md).

/// The configuration steady runs on when no config file exists, and what `steady config init`
/// writes. It is checked by a test, so it always loads.
public enum DefaultConfig {
    /// Label used in messages for the embedded default.
    public static let sourceName = "<embedded default>"

    /// The default config, commented for the person who opens it.
    public static let text = """
        # steady — your configuration.
        # Every setting is optional; remove one and its default applies.
        # Check your changes with `steady config check`; a running steady picks them up on
        # `systemctl --user reload steady` (or SIGHUP) and keeps the old settings if the new ones have a problem.

        # No prompts inside this daily window ("HH:MM..HH:MM", or "off").
        quiet-hours = "22:30..07:00"

        # At most this many scheduled prompts a day.
        daily-limit = 8

        # An unanswered prompt quietly expires after this long ("90m", "2h", …).
        expire-after = "2h"

        # A prompt whose time passed while the computer slept is still shown on wake within this span;
        # older ones are recorded as missed, never piled up.
        grace-period = "30m"

        # Each [practices.NAME] table turns a practice on. `schedule` takes systemd calendar
        # expressions (see `steady calendar --help`); leave it out for the practice's default.
        # `enabled = false` turns a practice off without deleting its table.
        # `steady practices` lists every practice with its settings.

        [practices.morning-mindfulness]
        schedule = ["Mon..Fri 07:30", "Sat,Sun 09:00"]
        technique = "box"              # "4-7-8", "box" or "coherent"

        [practices.evening-reflection]
        schedule = "21:00"

        [practices.sleep-wind-down]
        bedtime = "22:30"              # the nudge comes half an hour before

        [practices.self-compassion]
        schedule = "Tue,Fri 13:00"

        [practices.reach-out]
        schedule = "Wed,Sun 17:30"
        # people = ["Sam", "my sister"]   # a few names to suggest, if you like

        [practices.wins]
        schedule = "Mon,Thu 19:00"

        # Once a month, on the first Saturday morning; `steady assess` runs it any time.
        [practices.self-assessment]
        schedule = "Sat *-*-01..07 10:00"

        # No schedule: after each `steady log trigger` entry, one check-in on how it settled.
        [practices.trigger-journal]
        follow-up-after = "1h"         # or "off"

        # No schedule: after each `steady ask` request, one check-in on how it went.
        [practices.asking]
        follow-up-after = "1d"         # or "off"

        # Optional, off until you turn them on (enabled = true):
        # once a week, one small no or stated preference, and a way to note resentment.
        [practices.boundaries]
        enabled = false
        schedule = "Sun 18:00"

        # Planned time alone that grows slowly: steady marks the start and the end and asks
        # how anxious it felt before and after.
        [practices.time-alone]
        enabled = false
        schedule = "Sat 15:00"
        minutes = 15                   # the first length; +step after a time that went all right
        step = 5
        longest = 120

        """
}
