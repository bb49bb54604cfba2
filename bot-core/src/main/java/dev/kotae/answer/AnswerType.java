package dev.kotae.answer;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The kind of value a question asks for — a percentage, an amount of money, a number of people, a
 * year, a number of days — recognised from its wording. A source answers such a question only if it
 * states a value of that kind: 「ISMS認証の取得費用は？」 is not answered by a definition of ISMS
 * that names no price. The question's word for the value (割合, 費用…) counts as covered by a source
 * that states one, since the source says 83.5%, not 割合.
 */
enum AnswerType {
    PERCENT("割合|比率|何%|何パーセント|何割|普及率|利用率は|率は|percentage|percent|what share|\\bratio\\b",
            "\\d(?:[\\d.,]*)\\s*(?:%|パーセント|割)",
            Set.of("割合", "比率", "パーセント", "percentage", "percent", "ratio", "share")),
    MONEY("いくら|費用|金額|料金|価格|値段|損害額|損失額|how much|\\bcost\\b|\\bprice\\b",
            "\\d[\\d.,]*\\s*(?:円|万円|億円|兆円|ドル)|\\d\\s*(?:万|億|兆)円|[0-9]+(?:兆|億|万)",
            Set.of("費用", "金額", "料金", "価格", "値段", "額", "cost", "price")),
    PEOPLE("何人|何名|人数|how many people",
            "\\d[\\d,]*\\s*(?:人|名)",
            Set.of("人数")),
    YEAR("何年(?!間|分)|何年度|いつ(?!も|まで|で)|what year|which year",
            "\\d{4}\\s*年",
            Set.of()),
    DAYS("何日|日数|how many days",
            "\\d+\\s*日",
            Set.of("日数"));

    private final Pattern asked;
    private final Pattern value;
    /** Analysed terms of the question that name the value itself. */
    final Set<String> valueWords;

    AnswerType(String asked, String value, Set<String> valueWords) {
        this.asked = Pattern.compile(asked);
        this.value = Pattern.compile(value);
        this.valueWords = valueWords;
    }

    /** The value the question asks for, or null for a question that asks for none. */
    static AnswerType of(String normalizedQuestion) {
        String lower = normalizedQuestion.toLowerCase(Locale.ROOT);
        for (AnswerType type : values()) {
            if (type.asked.matcher(lower).find()) {
                return type;
            }
        }
        return null;
    }

    /** Whether {@code text} states a value of this kind. */
    boolean statedIn(String text) {
        return value.matcher(text).find();
    }
}
