package dev.kotae.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A draft FAQ rule for a group of unanswered questions, as YAML to paste into {@code corpus/faq/}:
 * the group's phrasings as {@code questions}, the closest sources as {@code cite}, and an empty
 * {@code answer} for the admin to write — a draft pasted unedited is refused by the reindex
 * ("empty answer"), so no placeholder can ever reach a user. Every value from outside (questions
 * come from chat) is written as a double-quoted scalar with everything YAML could read as a break
 * escaped, and none is ever put in a comment.
 */
final class DraftRule {
    /** What the corpus checks accept as a citation key. */
    static final Pattern CITE = Pattern.compile("\\d+-\\d+-\\d+|glossary:\\S.*|slide:[1-9]\\d*");
    private static final int MAX_QUESTIONS = 10;

    private DraftRule() {}

    static String yaml(String groupKey, List<String> phrasings, List<String> cites) {
        StringBuilder y = new StringBuilder();
        y.append("# Kotae FAQ ルールの下書き：answer に回答を書き（事実はすべて cite の資料から）、cite を確かめてから\n")
                .append("# corpus/faq/ の YAML ファイルに貼り付けて、インデックスを再作成してください。\n")
                .append("# answer が空のままでは再作成で拒否されます。\n");
        y.append("- id: ").append(id(groupKey)).append('\n');
        y.append("  questions:\n");
        phrasings.stream().limit(MAX_QUESTIONS).forEach(q -> y.append("    - ").append(quote(q.strip())).append('\n'));
        y.append("  answer: \"\"\n");
        y.append("  cite: [");
        List<String> usable = cites.stream().filter(c -> CITE.matcher(c).matches()).limit(3).toList();
        for (int i = 0; i < usable.size(); i++) {
            y.append(i == 0 ? "" : ", ").append(quote(usable.get(i)));
        }
        y.append("]\n");
        return y.toString();
    }

    /** A rule id the corpus accepts (lower-case letters, digits, hyphens), the same for the same group. */
    static String id(String groupKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(groupKey.getBytes(StandardCharsets.UTF_8));
            return "draft-" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A YAML double-quoted scalar: quotes, backslashes, line breaks and non-printable characters escaped. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    boolean unpaired = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1)) || Character.isLowSurrogate(c) && i > 0
                            && Character.isHighSurrogate(s.charAt(i - 1)));
                    if (c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029 || c == 0xfeff || c >= 0xfffe || unpaired) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
