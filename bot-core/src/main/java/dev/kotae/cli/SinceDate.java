package dev.kotae.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * The day a report starts from, as people write it: {@code 2026-11-01}, {@code today} / 今日,
 * {@code yesterday} / 昨日, or a number of days or weeks back ({@code 7d}, {@code 7日}, {@code 2w}),
 * in the machine's time zone. Anything else is told with the forms that are accepted.
 */
final class SinceDate implements CommandLine.ITypeConverter<LocalDate> {
    static final String FORMS = "2026-11-01 の形の日付、today（今日）、yesterday（昨日）、7d（7日前）、2w（2週間前）";
    private static final Pattern BACK = Pattern.compile("(\\d{1,4})\\s*(d|days?|日|日前|w|weeks?|週|週間|週間前)");
    private final Clock clock;

    SinceDate() {
        this(Clock.systemDefaultZone());
    }

    SinceDate(Clock clock) {
        this.clock = clock;
    }

    @Override
    public LocalDate convert(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        LocalDate today = LocalDate.now(clock);
        switch (v) {
            case "today", "今日", "きょう" -> {
                return today;
            }
            case "yesterday", "昨日", "きのう" -> {
                return today.minusDays(1);
            }
            default -> { }
        }
        Matcher back = BACK.matcher(v);
        if (back.matches()) {
            int n = Integer.parseInt(back.group(1));
            return back.group(2).startsWith("d") || back.group(2).startsWith("日") ? today.minusDays(n) : today.minusWeeks(n);
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("--since の「" + value.strip() + "」は日付として読めません。" + FORMS
                    + "のどれかで指定してください（例: --since 7d）");
        }
    }
}
