// glibc's gettext (libintl.h) and locale data (langinfo.h), which the Glibc module leaves out.
#include <libintl.h>
#include <langinfo.h>
#include <locale.h>
#include <stdint.h>

// Standalone month names (ALTMON, "Dezember" as a heading), or the ordinary ones where glibc has none.
static inline nl_item steady_month_item(int index, int abbreviated) {
#ifdef ALTMON_1
    return abbreviated ? _NL_ABALTMON_1 + index : ALTMON_1 + index;
#else
    return abbreviated ? ABMON_1 + index : MON_1 + index;
#endif
}

static inline nl_item steady_weekday_item(int index, int abbreviated) {
    return abbreviated ? ABDAY_1 + index : DAY_1 + index;
}

static inline const char *steady_time_locale_name(locale_t locale) {
    return nl_langinfo_l(_NL_LOCALE_NAME(LC_TIME), locale);
}

// The first day of the week, 0 = Sunday … 6 = Saturday. glibc counts _NL_TIME_FIRST_WEEKDAY
// (1 = the first) from _NL_TIME_WEEK_1STDAY, a date given as a number: 19971130 is a Sunday
// (every locale glibc ships), 19971201 a Monday.
static inline int steady_first_weekday(locale_t locale) {
    int first = nl_langinfo_l(_NL_TIME_FIRST_WEEKDAY, locale)[0];
    uintptr_t reference = (uintptr_t)nl_langinfo_l(_NL_TIME_WEEK_1STDAY, locale);
    int referenceWeekday = reference == 19971201 ? 1 : 0;
    return (referenceWeekday + first - 1 + 7) % 7;
}

// LC_ALL_MASK is an expression macro Swift cannot import.
static inline int steady_lc_all_mask(void) { return LC_ALL_MASK; }
