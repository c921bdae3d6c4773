/// The files that make dunst testable: a fixed, quiet config and the dmenu stand-in.
public enum DunstConfig {
    /// A dunstrc with a small font and fixed geometry, no default timeouts (only a
    /// notification's own `expire_timeout` ends it), and `dmenu` pointing at `dmenu`.
    public static func dunstrc(dmenu: String) -> String {
        """
        [global]
            font = Monospace 8
            width = 320
            height = 120
            origin = top-right
            offset = 10x10
            notification_limit = 0
            indicate_hidden = yes
            idle_threshold = 0
            show_age_threshold = -1
            sticky_history = yes
            history_length = 50
            markup = full
            format = "<b>%s</b>\\n%b"
            show_indicators = yes
            dmenu = \(dmenu)
            browser = /bin/true
            mouse_left_click = do_action, close_current
            mouse_middle_click = close_current
            mouse_right_click = close_all

        [urgency_low]
            timeout = 0

        [urgency_normal]
            timeout = 0

        [urgency_critical]
            timeout = 0

        """
    }

    /// A `dmenu` stand-in: prints the first input line containing the pattern in
    /// `patternFile` (the first line when the file is missing or empty), as if a person
    /// had chosen that action. Logs every input to `inputLog`.
    public static func dmenuScript(patternFile: String, inputLog: String) -> String {
        """
        #!/bin/sh
        input=$(cat)
        printf '%s\\n---\\n' "$input" >> '\(inputLog)'
        pattern=$(cat '\(patternFile)' 2>/dev/null)
        if [ -n "$pattern" ]; then
            printf '%s\\n' "$input" | grep -F -m 1 -e "$pattern"
        else
            printf '%s\\n' "$input" | head -n 1
        fi
        exit 0

        """
    }
}
