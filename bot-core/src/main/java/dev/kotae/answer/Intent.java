package dev.kotae.answer;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a question asks for, recognised from its wording alone (patterns over the normalised
 * question), before any retrieval.
 *
 * @param subject for a definition, the thing to define ({@code WAF} in 「WAFとは？」); else null
 */
public record Intent(Type type, String subject) {
    public enum Type { EMPTY, HELP, CASE_LIST, CASE, DEFINITION, QUESTION }

    private static final Pattern HELP = Pattern.compile(
            "^(?:ヘルプ|help|使い方|つかいかた|何ができ(?:る|ます)|なにができ(?:る|ます)|できること|どう使う|how to use|what can you do)");
    private static final List<Pattern> DEFINITION = List.of(
            Pattern.compile("^(?:what(?:'s| is| are)|define|meaning of|explain|tell me about)\\s+(?:an?\\s+|the\\s+)?(.+?)$"),
            Pattern.compile("^(.+?)(?:とは|って|ってい?うのは|というのは)(?:何|なに|なん|どういう(?:意味|こと|もの))?(?:のこと)?(?:ですか|でしょうか|だ|か)?$"),
            Pattern.compile("^(.+?)の(?:意味|定義)(?:は|を(?:教えて(?:ください)?)?)?(?:何|なに)?(?:ですか|でしょうか|か)?$"),
            Pattern.compile("^(.+?)(?:について|を)(?:教えて|説明して|知りたい)(?:ください|下さい)?$"),
            Pattern.compile("^(.+?)(?:は|って)(?:何|なに|なん)(?:ですか|でしょうか|か)?$"));
    private static final Pattern CASE = Pattern.compile("事例|実例|ケーススタディ|case stud|導入例|取組事例|取り組み事例");
    private static final Pattern CASE_LIST = Pattern.compile("一覧|リスト|全部|すべて|全て|どんな|何が|どの|いくつ|list|all cases|which cases");
    private static final Pattern TRAILING = Pattern.compile("[\\s?？!！。．.、,]+$");
    private static final Pattern QUOTES = Pattern.compile("^[「『\"']+|[」』\"']+$");

    public static Intent of(String normalizedQuestion) {
        String q = TRAILING.matcher(normalizedQuestion.strip()).replaceAll("");
        String lower = q.toLowerCase(Locale.ROOT);
        if (lower.isEmpty()) {
            return new Intent(Type.EMPTY, null);
        }
        if (HELP.matcher(lower).find() && lower.length() <= 20) {
            return new Intent(Type.HELP, null);
        }
        if (CASE.matcher(lower).find()) {
            return new Intent(CASE_LIST.matcher(lower).find() ? Type.CASE_LIST : Type.CASE, null);
        }
        for (Pattern pattern : DEFINITION) {
            Matcher m = pattern.matcher(lower.startsWith("what") || lower.startsWith("define")
                    || lower.startsWith("meaning") || lower.startsWith("explain") || lower.startsWith("tell") ? lower : q);
            if (m.matches()) {
                String subject = QUOTES.matcher(m.group(1).strip()).replaceAll("").strip();
                if (!subject.isEmpty() && subject.length() <= 40) {
                    return new Intent(Type.DEFINITION, subject);
                }
            }
        }
        return new Intent(Type.QUESTION, null);
    }
}
