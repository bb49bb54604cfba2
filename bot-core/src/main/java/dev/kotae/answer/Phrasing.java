package dev.kotae.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Separates how a question is asked from what it is about. People write to a chat bot as they write
 * to a colleague: a mention, a greeting, an apology for bothering, a story of why they ask, a polite
 * request form, an emoji, sometimes a second question. None of that says what the question is
 * about, and all of it used to count against every source. This stage works on the normalised text
 * alone (no corpus), so what it removes is the same for every corpus:
 *
 * <ol>
 *   <li>mentions ({@code @kotae}, {@code <@U123>}), emoji and laughter marks are dropped;</li>
 *   <li>greetings and set phrases of politeness (お疲れさまです, 恐れ入りますが…) are dropped;</li>
 *   <li>the text is cut into sentences, and a sentence into its clauses where a reason or a story
 *       ends (〜ので、〜んですが、〜けど、);</li>
 *   <li>request and hedge endings are rewritten to one plain form (ご教示いただけますでしょうか →
 *       教えて, 〜でしたっけ → 〜, なん？ → 何), so the intent patterns see plain questions;</li>
 *   <li>the first sentence that asks something is the focus; clauses and sentences before it are
 *       context, a later question is the second question.</li>
 * </ol>
 *
 * @see Framed
 */
final class Phrasing {
    private Phrasing() {}

    /**
     * A question split into what it asks and around it.
     *
     * @param focus   the clause that asks, in plain form (what intents and coverage are computed on)
     * @param context story and reason clauses before or around the focus (their words may help find a
     *                source, but do not have to be covered by it)
     * @param second  a further question asked in the same message, or null
     * @param manner  what was set aside as the way of asking, for explanations
     */
    record Framed(String focus, String context, String second, List<String> manner) {
        Framed {
            manner = List.copyOf(manner);
        }

        boolean hasContext() {
            return !context.isBlank();
        }
    }

    /** {@code @name}, Slack's {@code <@U123|name>}, {@code <!here>}, Teams' {@code <at>Kotae</at>}. */
    private static final Pattern MENTION = Pattern.compile(
            "<[@!#][^>\\s]{1,80}>|<at>[^<]{0,80}</at>|(?<![A-Za-z0-9._%+-])@[A-Za-z0-9._-]{1,40}|(?:^|(?<=\\s))(?:kotae|コタエ|こたえ)(?=[、,:：\\s])",
            Pattern.CASE_INSENSITIVE);
    /** Laughter and stage directions: 笑, (笑), w at the end of a clause, 汗. */
    private static final Pattern LAUGHTER = Pattern.compile("[(（](?:笑|汗|泣|涙)[)）]|(?<=[^A-Za-z0-9])w{1,5}(?=[\\s。、!?！？]|$)|笑(?=[。!?！？]|$)");

    /** Greetings and set phrases of politeness, at the start of a sentence or clause. */
    private static final Pattern GREETING = Pattern.compile("^(?:"
            + "お疲れ(?:さま|様)(?:です|でございます)?|おつかれ(?:さま|様)?(?:です)?|お世話になって(?:おり|い)ます|いつもお世話になって(?:おり|い)ます"
            + "|お世話になります|(?:度々|たびたび|何度も)?(?:失礼(?:いた)?します|すみません|すいません)|失礼いたします|失礼します"
            + "|恐れ入ります(?:が)?|恐縮(?:です|ながら)(?:が)?|お忙しい(?:ところ|中)(?:恐れ入りますが|恐縮ですが|すみませんが|申し訳ありませんが|失礼します)?"
            + "|お手数(?:を(?:お)?かけしますが|ですが|おかけしますが)|突然(?:の(?:ご)?質問で)?(?:すみません|失礼します)|初歩的な質問で(?:すみません|恐縮ですが|申し訳ないのですが)"
            + "|(?:ちょっと|1つ|一つ|ひとつ)?(?:質問|お聞きしたいこと|聞きたいこと)(?:です|があります|があるのですが|があるんですが|なんだけど|なんですが)"
            + "|(?:ちょっと|少し)?(?:教えてほしい|お聞きしたい|聞きたい)(?:んだけど|んですが|のですが|のだけど)|質問させてください"
            + "|こんにちは|こんばんは|おはよう(?:ございます)?|はじめまして|申し訳(?:ありません|ございません|ない)(?:が|けど)?|ごめん(?:なさい)?(?:けど|ですが)?"
            + "|あの[ーー〜~]*|えっと|えーと|ねえ|ねぇ|なあ|ところで|さて|ちなみに|すまん"
            + "|hi|hello|hey|sorry|excuse me|quick question|a quick question|question|please"
            + ")(?:[、,!！。\\s]+|$)", Pattern.CASE_INSENSITIVE);

    /**
     * Set endings that say "please answer" politely or casually; rewritten to a plain request so the
     * intent patterns (「Xについて教えて」「Xの意味を教えて」) see what is asked. Applied in order.
     */
    private static final List<Rewrite> ENDINGS = List.of(
            // 「なに〜？」「とはー」: a drawn-out ending is how it is said, not a different word
            new Rewrite("(?<=[ぁ-ん])[ー〜~]+$", ""),
            // 「何から手をつければいい」: an idiom for "start"
            new Rewrite("手を(?:つけ|付け)(?:れば|たら|る|ます)", "始めれば"),
            // 「Xの意味を一言で」「Xを簡単に」: how short an answer is wanted, not what about
            new Rewrite("(?:を|は)?(?:一言|ひとこと|簡単|かんたん|手短|ざっくり|短く|わかりやすく|分かりやすく|簡潔)(?:で|に)?(?:言うと|いうと|言えば|まとめると|説明して|教えて|おしえて)?(?:ください|下さい|ほしい|欲しい)?$", "を教えて"),
            // 「Xとはどのようなものか」「Xというのはどういう会社ですか」「Xってどういう行為を指すんですか」: asks what X is
            new Rewrite("(?:とは|というのは|っていうのは|って)[、,]?(?:一体|具体的に(?:は)?|簡単に(?:言うと)?|そもそも)?[、,]?(?:どのような|どういう|どういった|どんな)(?:もの|こと|会社|企業|機関|組織|取り?組み|仕組み|意味|制度|サービス|攻撃|行為|機器|ツール|技術|概念|考え方|状態|団体|役割)?(?:を|の)?(?:指す|言う|いう|意味する|する)?(?:もの|こと|ん|の)?(?:なの|です|でしょう|でしょうか|だ)?(?:か)?[、,]?(?:を)?(?:基本から|基礎から|一から|最初から)?(?:教えて|説明して)?$", "とは"),
            // 「Xとは何か、教えて」
            new Rewrite("(?:とは|って)(?:何|なに|なん)(?:か|なのか|ですか|なの)?[、,]?(?:を)?(?:教えて|説明して)$", "とは何"),
            // ご教示ください, ご教示いただけますでしょうか, ご教授願えますか → 教えて
            new Rewrite("(?:を)?ご?(?:教示|教授)(?:いただ|頂)?(?:け|き)?(?:ます|ません)?(?:でしょうか|か|ください|下さい|願え(?:ます|ません)(?:でしょうか|か)?|願います|いただけると幸いです|ください)?$", "を教えて"),
            new Rewrite("(?:を)?(?:ご)?説明(?:して)?(?:いただ|頂|もら)(?:け|き|え)(?:ます|ません)?(?:と幸いです|でしょうか|か|ると(?:助かります|幸いです|嬉しいです))?$", "を説明して"),
            new Rewrite("教えて(?:いただ|頂|もら|くだ|くれ)(?:け|き|え|さ|な)?(?:い|る|ます|ません)?(?:ますか|ませんか|ますでしょうか|ませんでしょうか|でしょうか|か|と(?:助かります|幸いです|嬉しいです)|ると(?:助かります|幸いです|嬉しいです)|ませ|さい|かな|ない|ないか|ないかな)?$", "教えて"),
            new Rewrite("教えて(?:ほしい|欲しい)(?:です|のですが|んですが|んだけど|な)?$", "教えて"),
            new Rewrite("(?:を)?確認させて(?:ください|下さい|いただけますか|いただけますでしょうか|もらえますか)$", "を教えて"),
            new Rewrite("(?:が|を)?(?:知りたい|聞きたい|お聞きしたい|伺いたい)(?:です|のですが|んですが|んだけど|んだが|な|と思っています|と思います)?$", "を教えて"),
            new Rewrite("(?:って|と)?(?:いうことで|ということで)?(?:あって|合って)(?:い)?(?:ます|る)(?:か|\\?)?$", ""),
            // ございますでしょうか → ありますか; なんでしょうか → 何ですか; でしょうか → か
            new Rewrite("ございますでしょうか$", "ありますか"),
            new Rewrite("(?<=って|とは|は)(?:なん|何)でしょう(?:か)?$", "何ですか"),
            new Rewrite("(?:なん|なの)でしょう(?:か)?$", "ですか"),
            new Rewrite("でしょうか$", "か"),
            // 〜でしたっけ, 〜だっけ, 〜っけ: a hedge, not part of what is asked
            new Rewrite("(?:なん|何)(?:でした|だった|です|だ)?っけ$", "何"),
            new Rewrite("(?:でした|だった|です|だ|ました|した|ます)?っけ$", ""),
            // casual endings: なん？ なの？ なんすか なんだろ
            new Rewrite("(?:って|とは)(?:なに|なん|何)(?:なん|なの|なんだろう?|なんすか|なんですか|ですか|だろう?|だ|それ|それこわ)?$", "とは何"),
            new Rewrite("(?:は)?(?:なに|なん|何)(?:なん|なの|なんだろう?|なんすか)$", "は何"),
            new Rewrite("(?<=[^どん])(?:なん)(?:かな|ですかね|ですか|だろう|だろ)?$", ""),
            new Rewrite("(?:んですか|のですか|んすか|んですかね|ですかね|かね|かな|かしら)$", "か"),
            new Rewrite("(?:をお願いします|お願いします|お願い|頼む|plz|pls)$", ""));

    /** A clause that gives the reason or story for asking ends like this; what follows is the question. */
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "(?:ので|のですが|んですが|んだけど|んだが|のだが|のですけど|んですけど|けれど(?:も)?|けど|ですが|ましたが|でしたが|たが|が、|ところ、|ため、|から、)(?:[、,]|\\s)");
    /** Words that say a further question follows: あと, それと, ついでに, also. */
    private static final Pattern NEXT_QUESTION = Pattern.compile("^(?:あと|それと|それから|ついでに|また|加えて|さらに|あわせて|併せて|and also|also|plus)[、,\\s]*",
            Pattern.CASE_INSENSITIVE);
    /** Marks of a question or request in a sentence (not of a story). */
    private static final Pattern ASKS = Pattern.compile(
            "[?？]|とは|って何|って(?:何|なに|なん)|何|なに|なん[でだ]|どう|どの|どんな|どれ|どこ|だれ|誰|いつ(?!も)|いくら|いくつ|なぜ|何故|教えて|説明して|知りたい|違い|ある$|あり(?:ます)?$|いい$|べき|必要|の$|^(?:what|how|why|who|when|where|which|is|are|do|does|can|could|should|tell|explain|describe|define|any)\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * Talk about the documents themselves (「資料では」「セミナーで出てきたけど」「どこかに載ってる？」):
     * every answer is from the documents, so these words say nothing about what is asked.
     */
    private static final Pattern ABOUT_DOCUMENTS = Pattern.compile(
            "(?:この|その)?(?:資料|テキスト|セミナー|研修|講義|スライド|ドキュメント|文書|本文)(?:の中|内)?(?:では|で|に|には|の中で|によると|によれば)(?:は)?"
            + "(?:(?:どの|どう)(?:ように|いう風に|ふうに)?)?(?:説明|記載|紹介|解説|言及|定義)?(?:され|して|し)?(?:てい|て)?(?:ます|る|ました|た)?(?:か|でしょうか|っけ)?"
            + "|(?:って|が|は|も)?(?:どこか|どこ)?(?:に|で)?(?:書いて|載って|記載され(?:て)?|出てき|出て|言われて)(?:あ|い)?(?:り)?(?:ます|る|ました|た)?(?:か|でしょうか|っけ)?(?=[?？。、]|$)"
            + "|について(?:何か|なにか)?(?:書いてあ(?:る|ります)|載って(?:る|います)|記載(?:は)?あ(?:る|ります))(?:か)?",
            Pattern.CASE_INSENSITIVE);

    private record Rewrite(Pattern pattern, String replacement) {
        Rewrite(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }
    }

    /** Request verbs typed in hiragana, to their usual spelling, so one set of endings reads them. */
    private static final Pattern HIRAGANA_REQUESTS = Pattern.compile("おしえて|おしえる|せつめいして|しりたい|ききたい");

    private static String usualSpelling(String text) {
        Matcher m = HIRAGANA_REQUESTS.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        do {
            String replacement = switch (m.group()) {
                case "おしえて" -> "教えて";
                case "おしえる" -> "教える";
                case "せつめいして" -> "説明して";
                case "しりたい" -> "知りたい";
                default -> "聞きたい";
            };
            m.appendReplacement(out, replacement);
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /** Splits a normalised question into focus, context and a second question. */
    static Framed frame(String normalized) {
        List<String> manner = new ArrayList<>();
        String text = drop(MENTION, usualSpelling(normalized), manner);
        text = dropSymbols(text, manner);
        text = drop(LAUGHTER, text, manner);
        List<String> sentences = sentences(text);
        List<String> asking = new ArrayList<>();
        List<String> context = new ArrayList<>();
        for (String sentence : sentences) {
            String s = stripGreetings(sentence, manner);
            if (s.isEmpty()) {
                continue;
            }
            // A story or reason ends at 〜ので、〜んですが、…: what follows in the sentence is the question.
            List<String> clauses = clauses(s);
            for (int i = 0; i < clauses.size(); i++) {
                String clause = stripGreetings(clauses.get(i), manner);
                if (clause.isEmpty()) {
                    continue;
                }
                if (i < clauses.size() - 1) {
                    context.add(clause);
                } else {
                    asking.add(clause);
                }
            }
        }
        String focus = null;
        String second = null;
        List<String> others = new ArrayList<>();
        List<String> plains = new ArrayList<>();
        for (String candidate : asking) {
            String plain = plain(candidate, manner);
            if (!plain.isEmpty()) {
                plains.add(plain);
            }
        }
        // The focus is the first clause that ends as a question; failing that, the first with a
        // question word in it; failing that, the last clause.
        int chosen = -1;
        for (int strength = 2; strength >= 1 && chosen < 0; strength--) {
            for (int i = 0; i < plains.size(); i++) {
                if (asking(plains.get(i)) >= strength) {
                    chosen = i;
                    break;
                }
            }
        }
        if (chosen < 0) {
            chosen = plains.size() - 1;
        }
        for (int i = 0; i < plains.size(); i++) {
            String plain = plains.get(i);
            if (i == chosen) {
                focus = plain;
            } else if (i > chosen && second == null && asking(plain) >= 1) {
                second = stripNextQuestion(plain);
            } else {
                others.add(plain);
            }
        }
        if (focus == null) {
            focus = "";
        }
        context.addAll(others);
        return new Framed(focus, String.join("。", context), second, manner);
    }

    /**
     * How plainly a clause asks something: 2 when it ends as a question (a question mark, 〜か,
     * 〜とは, 教えて…), 1 when it only has a question word in it, 0 for a statement. A question quoted
     * in a story (「…って何?」と聞かれました) does not count.
     */
    static int asking(String clause) {
        String unquoted = QUOTED.matcher(clause).replaceAll("").strip();
        if (ENDS_ASKING.matcher(unquoted).find()) {
            return 2;
        }
        return ASKS.matcher(unquoted).find() ? 1 : 0;
    }

    private static final Pattern ENDS_ASKING = Pattern.compile(
            "(?:[?？]|か|とは|とは何|何|なに|の|教えて|説明して|知りたい|違い(?:は)?|いい|べき|ある|あります|どう|どれ|どっち|いつ|いくら|いくつ|誰|どこ|例|事例|って)$"
            + "|^(?:what|how|why|who|when|where|which|is|are|do|does|did|can|could|should|would|will|tell|explain|describe|define|any|give|show|list|summari[sz]e)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern QUOTED = Pattern.compile("「[^」]*」|『[^』]*』|“[^”]*”|\"[^\"]*\"");

    private static String drop(Pattern pattern, String text, List<String> manner) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        do {
            manner.add(m.group().strip());
            m.appendReplacement(out, " ");
        } while (m.find());
        m.appendTail(out);
        return out.toString().strip();
    }

    /** Emoji, pictographs and their variation selectors; ■□★ and the like. */
    private static String dropSymbols(String text, List<String> manner) {
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder dropped = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean symbol = type == Character.OTHER_SYMBOL || (type == Character.NON_SPACING_MARK && cp >= 0xFE00 && cp <= 0xFE0F)
                    || (cp >= 0x1F3FB && cp <= 0x1F3FF);
            if (symbol) {
                dropped.appendCodePoint(cp);
            } else {
                out.appendCodePoint(cp);
            }
        }
        if (!dropped.isEmpty()) {
            manner.add(dropped.toString());
        }
        return out.toString().strip();
    }

    /** Sentences end at 。！？ (and their ASCII forms) and at line ends; 「」 quotes are kept whole. */
    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '「' || c == '『' || c == '“') {
                quote++;
            } else if ((c == '」' || c == '』' || c == '”') && quote > 0) {
                quote--;
            }
            boolean end = quote == 0 && (c == '。' || c == '!' || c == '！' || c == '\n' || c == '…' || c == '‥'
                    || ((c == '?' || c == '？') && !(i + 1 < text.length() && (text.charAt(i + 1) == '?' || text.charAt(i + 1) == '？')))
                    || (c == '.' && (i + 1 == text.length() || text.charAt(i + 1) == ' ') && i > 0 && !Character.isDigit(text.charAt(i - 1))));
            if (c == '?' || c == '？') {
                current.append('?');
            } else if (!end || c == '?') {
                current.append(c);
            }
            if (end) {
                add(out, current);
            }
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, StringBuilder current) {
        String s = current.toString().strip();
        while (s.startsWith("、") || s.startsWith(",") || s.startsWith("・")) {
            s = s.substring(1).strip();
        }
        if (!s.isEmpty() && !s.chars().allMatch(c -> c == '?' || c == '.' || c == '、')) {
            out.add(s);
        }
        current.setLength(0);
    }

    private static List<String> clauses(String sentence) {
        List<String> out = new ArrayList<>();
        Matcher m = CLAUSE_BREAK.matcher(sentence);
        int start = 0;
        while (m.find()) {
            // 「〜とは何ですが」 never happens; but 「Xですが、Yは?」 does: keep short heads (が、) only after a predicate.
            String clause = sentence.substring(start, m.end()).strip();
            if (clause.length() >= 4) {
                out.add(clause.replaceAll("[、,\\s]+$", ""));
                start = m.end();
            }
        }
        out.add(sentence.substring(start).strip());
        return out;
    }

    /** Adverbs that open a question and say nothing of its topic, written with or without a comma. */
    private static final Pattern OPENER = Pattern.compile(
            "^(?:そもそも|とりあえず|ぶっちゃけ|正直(?:な話|言って)?|結局(?:の)?ところ|結局|基本的に|ざっくり(?:と)?|簡単に言うと|要するに|実際のところ|ずばり)[、,\\s]*");

    private static String stripGreetings(String s, List<String> manner) {
        String text = s.strip();
        Matcher opener = OPENER.matcher(text);
        if (opener.find() && opener.end() < text.length()) {
            manner.add(opener.group().strip());
            text = text.substring(opener.end()).strip();
        }
        while (true) {
            Matcher m = GREETING.matcher(text);
            if (!m.find() || m.end() == 0) {
                return text;
            }
            manner.add(m.group().strip());
            text = text.substring(m.end()).strip();
        }
    }

    /** The clause in plain form: request and hedge endings rewritten, talk about the documents removed. */
    private static String plain(String clause, List<String> manner) {
        String text = clause.strip();
        boolean question = text.endsWith("?");
        text = text.replaceAll("[?\\s]+$", "");
        text = drop(ABOUT_DOCUMENTS, text, manner).strip();
        for (int round = 0; round < 3; round++) {
            String before = text;
            for (Rewrite rewrite : ENDINGS) {
                Matcher m = rewrite.pattern().matcher(text);
                if (m.find()) {
                    manner.add(m.group());
                    text = (text.substring(0, m.start()) + rewrite.replacement()).strip();
                }
            }
            if (text.equals(before)) {
                break;
            }
        }
        text = text.replaceAll("^[、,\\s]+|[、,\\s]+$", "");
        if (text.isEmpty()) {
            return "";
        }
        return question ? text + "?" : text;
    }

    private static String stripNextQuestion(String s) {
        return NEXT_QUESTION.matcher(s).replaceFirst("").strip();
    }

    /** For logs and explanations: the focus in lower case. */
    static String key(Framed framed) {
        return framed.focus().toLowerCase(Locale.ROOT);
    }
}
