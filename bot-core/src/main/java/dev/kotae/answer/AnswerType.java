package dev.kotae.answer;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The kind of value a question asks for — a percentage, an amount of money, a number of people, a
 * year, a number of days, the person holding a post, a contact point, a place — recognised from its wording. A source answers such a question only if it
 * states a value of that kind: 「ISMS認証の取得費用は？」 is not answered by a definition of ISMS
 * that names no price. The question's word for the value (割合, 費用…) counts as covered by a source
 * that states one, since the source says 83.5%, not 割合.
 */
enum AnswerType {
    PERCENT("(?:割合|比率|パーセンテージ|普及率|利用率|成長率)" + Focus.PATTERN + "|何%|何パーセント|何割|what percentage|what share|what proportion",
            Num.BER + "\\s*(?:%|パーセント|割)|[一二三四五六七八九]割|半数|半分|大半",
            Set.of("割合", "比率", "パーセント", "パーセンテージ", "percentage", "percent", "ratio", "share", "proportion")),
    MONEY("(?:費用|金額|料金|価格|値段|損害額|損失額|コスト)" + Focus.PATTERN + "|いくら"
            // "how much did it rise" asks how much it changed, not a price
            + "|how much(?!.*\\b(?:rise|rose|risen|increase|grow|grew|grown|change|fall|fell|drop|improve|decline)\\w*\\b)|\\bcost\\b.{0,20}$|\\bprice\\b",
            Num.BER + "\\s*(?:万|億|兆)?\\s*(?:円|ドル)",
            Set.of("費用", "金額", "料金", "価格", "値段", "額", "コスト", "円", "cost", "price")),
    PEOPLE("人数" + Focus.PATTERN + "|何人|何名|何万人|how many people",
            Num.BER + "\\s*(?:万|千|百)?\\s*(?:人|名)",
            Set.of("人数", "人", "名", "people")),
    /** How long, or how long until (何年先, 何ヶ月, how long): a span of time, as the text writes it. */
    DURATION("何年(?:後|先|ごと|おき|以内|くらい(?:で|かかる)|かかる|間)|何(?:ヶ|か|カ|ケ|箇)月|何週間|何日(?:間|で|以内|かかる)|何時間|何分(?:で|以内|かかる)"
            + "|(?:期間|所要時間|日数)" + Focus.PATTERN + "|どれ(?:くらい|ぐらい)の(?:期間|時間)|どの(?:くらい|ぐらい)の(?:期間|時間)|(?:どれ|どの)(?:くらい|ぐらい)(?:の)?(?:期間|時間)?(?:が|を)?かかる"
            + "|how long|how many (?:years|months|weeks|days|hours)",
            Num.BER + "\\s*(?:[～〜~\\-－]\\s*" + Num.BER + "\\s*)?(?:年|か月|ヶ月|カ月|ケ月|箇月|週間|日|時間|分)(?:後|先|間|以内|ごと|程度|前後)?|数(?:年|か月|ヶ月|週間|日|時間)",
            Set.of("期間", "時間", "日数", "年", "先", "後", "月", "週間", "日", "分", "間")),
    YEAR("何年(?!間|分)|何年度|(?<![ぁ-ん一-龥])いつ(?!も|まで|で)|what year|which year",
            "\\d{4}\\s*年",
            Set.of()),
    DAYS("日数" + Focus.PATTERN + "|何日|how many days",
            Num.BER + "\\s*日",
            Set.of("日数")),
    /**
     * Who holds a post (「社長は誰？」, "Who is our CEO?"), as opposed to who should do something
     * (「対策を主導すべきなのは誰？」, "Who should lead…?"), which a role in the documents answers.
     */
    PERSON("(?:社長|ceo|cio|ciso|代表|会長|役員|部長|課長|係長|担当者?|責任者|管理者|窓口|上司|リーダー)(?:さん)?(?:は|って)(?:誰|だれ|どなた|どの人)"
            + "|(?:社長|ceo|代表|会長|役員|部長|課長|係長|担当者?|責任者|管理者|上司|リーダー)(?:さん)?の(?:名前|氏名|フルネーム)"
            + "|^who(?:'s| is| are) (?:the |our |my |your )(?!.*\\b(?:for|to|of|in charge)\\b)",
            "(?<![お皆各貴])[一-龥]{2,4}(?:氏|さん)(?![一-龥])|[ァ-ヶ]{2,8}(?:氏|さん)|\\b(?:Mr|Ms|Mrs|Dr)\\.? [A-Z]",
            Set.of()),
    /** Whom to contact (「感染したら誰に連絡する？」「相談窓口は？」): a contact point, not a definition. */
    CONTACT("誰に(?:連絡|相談|報告|聞|問い合わせ|問合せ)|(?:連絡先|問い合わせ先|問合せ先|相談先|相談窓口|報告先)" + Focus.PATTERN
            + "|who (?:do|should|can) (?:i|we) (?:contact|call|ask|tell|report to)|who to (?:contact|call|ask)",
            "連絡先|相談窓口|問い合わせ先|内線|電話番号|@[a-z0-9.-]+\\.[a-z]{2,}|https?://|\\d{2,4}-\\d{2,4}-\\d{3,4}",
            Set.of("連絡先", "問い合わせ先", "問合せ先", "相談先", "相談窓口", "報告先", "contact")),
    /**
     * Who first proposed or made something (「ゼロトラストを最初に提唱したのは誰?」): answered only by a
     * source that names a maker — a company, a body, a person — beside it.
     */
    ORIGINATOR("(?:提唱|考案|発案|命名|開発|発明|言い出)(?:し|され)?た(?:のは|人|者|の)?(?:は)?(?:誰|だれ|どこ|どなた)|(?:誰|だれ)が(?:最初に|初めて|はじめて)?(?:提唱|考案|発案|命名|開発|発明|言い出)"
            + "|who (?:first )?(?:proposed|coined|invented|came up with|introduced|developed)",
            "[ァ-ヶー]{2,}社|[ァ-ヶー]{2,}・[ァ-ヶー]{2,}|[一-龥]{2,}(?:省|庁|機構|協会|大学|研究所)|(?:が|により|によって)(?:\\d{4}年に)?(?:提唱|考案|発表|命名|開発)",
            Set.of()),
    /**
     * Which company it was (「A社ってどこの会社?」): the documents' cases are anonymous (某, A社), so only
     * a source giving a company's registered name answers it.
     */
    ORGANISATION("どこの(?:会社|企業|メーカー|保険会社)|どの(?:会社|企業)(?:か|です|でしょう|[?？]|$)|(?:社名|会社名|企業名)" + Focus.PATTERN
            + "|which company|what company|name of the company",
            "株式会社|有限会社|（株）|\\(株\\)|\\b(?:Inc|Corp|Ltd|LLC)\\b",
            Set.of("社名", "会社名", "企業名")),
    /** Where something is kept (「規程はどこにある？」, "Where can I find…"): a place, not what the thing is. */
    LOCATION("(?:どこ|どちら)に(?:ある|あり|保存|置|掲載|格納)|どこ(?:で|から)(?:見|確認|入手|ダウンロード|手に入|アクセス|読め)|(?:保存先|置き場所?|掲載先)" + Focus.PATTERN
            + "|where (?:can|do) (?:i|we) (?:find|get|see|download|read)|^where (?:is|are) (?:the|our|my) (?!.*\\b(?:used|applied|adopted|needed|important|happening)\\b)",
            "https?://|フォルダ|共有ドライブ|イントラネット|ポータル|保存先|掲載先|置き場",
            Set.of("保存先", "置き場", "置き場所", "掲載先")),

    /**
     * A secret itself (「社内WiFiのパスワードは?」, "what is the password"): answered only by a source
     * that states one, which documents of this kind never do.
     */
    CREDENTIAL("(?:パスワード|パスフレーズ|暗証番号|pinコード|ログインid|ユーザーid|ユーザid|アカウント名|ユーザー名)(?:は|って)?(?:何|なに|なん)?(?:ですか|でしょうか|か)?[?？]?$"
            + "|(?:パスワード|パスフレーズ|暗証番号|ログインid|ユーザーid|アカウント名|ユーザー名)を(?:教えて|知りたい)"
            + "|what(?:'s| is) the (?:\\w+ )?(?:password|passcode|pin)\\b",
            "(?:パスワード|パスフレーズ|暗証番号|password|pin)\\s*(?:は|:|：|=)\\s*[「\"]?[A-Za-z0-9!#$%&*+\\-_.]{4,}",
            Set.of()),

    /**
     * Which product to buy (「おすすめのEDR製品は？」, "recommend a tool"): answered only by a source that
     * recommends one, which documents teaching what a kind of product does seldom do.
     */
    RECOMMENDATION("(?:おすすめ|オススメ|お勧め|お薦め|推奨)(?:の|する|される)?[^。?？]{0,12}?(?:製品|ツール|サービス|ソフト|ベンダー|メーカー|商品|アプリ|会社)"
            + "|(?:製品|ツール|ソフト|ベンダー|メーカー|商品|アプリ)(?:で|の|は)?(?:おすすめ|オススメ|お勧め|お薦め)"
            + "|recommend (?:a |an |some |any )?[a-z0-9 -]{0,20}?(?:products?|tools?|vendors?|services?|software|apps?)\\b|which (?:product|tool|vendor|software) should",
            "推奨|おすすめ|お勧め|お薦め|recommended",
            Set.of("おすすめ", "オススメ", "推奨", "recommend")),

    /**
     * How much or how many, without saying of what (どれくらい不足する?, 何社, how many): any number
     * the text states answers it. After the specific kinds, which win when they apply.
     */
    AMOUNT("何(?:ビット|バイト|桁|歳|キロ|メートル|ページ)|どれ(?:くらい|ぐらい|だけ|ほど)|どん(?:くらい|ぐらい|だけ)|どの(?:くらい|ぐらい|程度)|何(?:個|件|社|台|回|倍|点|種類|項目|つ|ステージ|段階|版|条|ステップ|文字|桁|枚)|いくつ(?!か)|how much|how many",
            // a year (2025年) or a year's span is when, not how much
            "(?<![\\d.,])(?!(?:19|20)\\d\\d年)" + Num.BER + "|[一二三四五六七八九十]つ",
            Set.of());

    /** A number as documents write it: 43, 1,323,468, 3.5, or in kanji (三十, 二〇二五). */
    private static final class Num {
        static final String BER = "(?:\\d[\\d.,]*|[〇一二三四五六七八九十百千]+(?=[万億兆]?(?:人|名|円|年|か月|ヶ月|カ月|週間|日|時間|分|割|%|パーセント|社|件|個|回|倍)))";
    }

    /**
     * A value word asks for the value only as the question's focus (「費用は？」「割合を教えて」「DXに
     * 取組む企業の割合」), not as a topic (「人的費用を削減できる理由」).
     */
    private static final class Focus {
        static final String PATTERN = "(?=は|って|を(?:教|知)|が知りたい|[?？]|$)";
    }

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

    /** Words between a thing and the value asked of it that are not the thing (年間, 全部で, 最大で). */
    private static final Pattern BETWEEN = Pattern.compile(
            "(?:って|は|が|の|で|も|を|って今|は今|今|現在|実際|実際に|具体的に|年間|毎年|最初に|初めて|はじめて|全部で|合計で?|大体|だいたい|ざっくり|およそ|約|最大で?|[、,\\s]"
            // 「1人いくら」「一社あたり」: per what, not of what
            + "|[1１一](?:人|名|社|件|台|個|回|日|か月|ヶ月|年)(?:あたり|当たり|につき)?"
            // 「…と答えた企業は何%」: who answered a survey, not what the figure is of
            + "|(?:って|と)(?:答え|回答し|回答)た(?:企業|会社|人|社員|組織|割合)?)+$");
    private static final Pattern THING = Pattern.compile("[\\p{IsHan}\\p{IsKatakana}ーA-Za-z0-9]{2,}$");

    /**
     * What the value is asked of: the name just before the words that ask for it (「IT予算って年間いくら」
     * → IT予算, 「IT人材はどれくらい不足」 → IT人材), or null where none stands there. A figure about
     * something else (日本全体の損失12兆円) does not answer it.
     */
    String thingAskedOf(String normalizedQuestion) {
        String lower = normalizedQuestion.toLowerCase(Locale.ROOT);
        java.util.regex.Matcher m = asked.matcher(lower);
        if (!m.find() || m.start() == 0) {
            return null;
        }
        String before = normalizedQuestion.substring(0, m.start());
        // 「…の件、結局いくら」: a hedge is not the thing; nor is a word the question asks with
        for (int hedges = 0; hedges <= 3; hedges++) {
            before = BETWEEN.matcher(before).replaceAll("");
            java.util.regex.Matcher thing = THING.matcher(before);
            if (!thing.find()) {
                return null;
            }
            if (!TermRoles.isManner(thing.group())) {
                // an English question's words are matched through its synonyms, not spelled in the text
                return thing.group().codePoints().anyMatch(c -> c > 0x3000) ? thing.group() : null;
            }
            before = before.substring(0, thing.start());
        }
        return null;
    }

    /** What is asked for, as the none answer names it: 「資料には、お尋ねの金額は書かれていません」. */
    String description() {
        return switch (this) {
            case PERCENT -> "割合（数値）";
            case MONEY -> "金額";
            case PEOPLE -> "人数";
            case DURATION -> "期間";
            case YEAR -> "年（時期）";
            case DAYS -> "日数";
            case PERSON -> "担当者の名前";
            case CONTACT -> "連絡先";
            case LOCATION -> "保存場所";
            case AMOUNT -> "数値";
            case CREDENTIAL -> "パスワードやIDそのもの";
            case RECOMMENDATION -> "おすすめの製品";
            case ORIGINATOR -> "提唱者・考案者";
            case ORGANISATION -> "会社名";
        };
    }

    /** Whether {@code text} states a value of this kind. */
    boolean statedIn(String text) {
        return value.matcher(text).find();
    }

    /** Counters a question can count in; a count in another (WPA2, 3つ) does not answer 「何文字」. */
    private static final Pattern COUNTER_ASKED = Pattern.compile("何(文字|桁|ビット|バイト|歳|回|社|台|件|ページ|種類|項目|ステップ|段階|条|枚|倍)|how many (characters|digits|bits|times|companies|steps)");

    /** The counter {@code normalizedQuestion} asks a count in, or null. */
    static String counterAsked(String normalizedQuestion) {
        java.util.regex.Matcher m = COUNTER_ASKED.matcher(normalizedQuestion.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : switch (m.group(2)) {
            case "characters" -> "文字";
            case "digits" -> "桁";
            case "bits" -> "ビット";
            case "times" -> "回";
            case "companies" -> "社";
            default -> "ステップ";
        };
    }

    /** Whether {@code text} has a number counted in {@code counter} (8文字, 十四文字, STEP4 for steps). */
    static boolean statesCount(String text, String counter) {
        return countPattern(counter).matcher(text).find();
    }

    /** A number counted in {@code counter}, compiled once per question rather than per sentence weighed. */
    static Pattern countPattern(String counter) {
        String number = "(?:\\d[\\d.,]*|[〇一二三四五六七八九十百千]+)";
        String pattern = switch (counter) {
            case "ステップ", "段階" -> number + "\\s*(?:ステップ|段階|つ)|(?:STEP|ステップ|手順)\\s*" + number;
            case "種類", "項目" -> number + "\\s*(?:種類|項目|つ)";
            default -> number + "\\s*" + Pattern.quote(counter);
        };
        return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
    }
}
