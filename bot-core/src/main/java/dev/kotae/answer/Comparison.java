package dev.kotae.answer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A question that asks how two things differ or relate (「AとBの違い」「AとBって同じ?」「AとBの関係」,
 * "difference between A and B", "A vs B"): answered from both sides, each cited.
 *
 * @param first  what is named first
 * @param second what is named second
 */
record Comparison(String first, String second) {
    private static final Pattern JAPANESE = Pattern.compile(
            "^(.{1,40}?)(?:と|や|\\s*vs\\.?\\s*)(.{1,40}?)(?:って|は|の|とは|では|で|を|が|、)?\\s*(?:何が|どこが|どう|何か|いったい)?"
            + "(?:違い|違う|ちが[いう]|差|区別|関係|関連|同じ|一緒|別物|使い分け|比較|どっち|どちら|似て)");
    private static final List<Pattern> ENGLISH = List.of(
            Pattern.compile("differences? between (?:an? |the )?(.{1,40}?) and (?:an? |the )?(.{1,40}?)(?:\\?|$)"),
            Pattern.compile("^(?:what is |what's )?(?:an? |the )?(.{1,40}?) (?:vs\\.?|versus) (?:an? |the )?(.{1,40}?)(?:\\?|$)"),
            Pattern.compile("how (?:is|does|do|are) (?:an? |the )?(.{1,40}?) differ(?:ent)? from (?:an? |the )?(.{1,40}?)(?:\\?|$)"),
            Pattern.compile("compare (?:an? |the )?(.{1,40}?) (?:and|with|to) (?:an? |the )?(.{1,40}?)(?:\\?|$)"),
            Pattern.compile("^is (?:an? |the )?(.{1,40}?) the same (?:thing )?as (?:an? |the )?(.{1,40}?)(?:\\?|$)"));
    /** Where the second side ends: its particles and what follows them. */
    private static final Pattern SIDE_END = Pattern.compile("(?:って|とは|では|は|の違|の差|の関係|の区別|を|が|、).*$");
    private static final Pattern TRIM = Pattern.compile("^[「『\"'(（\\s]+|[」』\"')）\\s?？]+$");

    static Optional<Comparison> of(String prepared) {
        String q = prepared.strip();
        Matcher m = JAPANESE.matcher(q);
        if (m.find()) {
            return sides(m.group(1), SIDE_END.matcher(m.group(2)).replaceFirst(""));
        }
        String lower = q.toLowerCase(Locale.ROOT);
        for (Pattern pattern : ENGLISH) {
            Matcher e = pattern.matcher(lower);
            if (e.find()) {
                return sides(e.group(1), e.group(2));
            }
        }
        return Optional.empty();
    }

    private static Optional<Comparison> sides(String a, String b) {
        String first = TRIM.matcher(a.strip()).replaceAll("");
        String second = TRIM.matcher(b.strip()).replaceAll("");
        // 「普通のファイアウォール」: a plain/ordinary X is X
        second = second.replaceFirst("^(?:普通の|一般的な|従来の|通常の|よくある|いわゆる|ordinary |normal |regular |traditional )", "");
        first = first.replaceFirst("^(?:普通の|一般的な|従来の|通常の|よくある|いわゆる)", "");
        if (first.isEmpty() || second.isEmpty() || first.equalsIgnoreCase(second)) {
            return Optional.empty();
        }
        return Optional.of(new Comparison(first, second));
    }
}
