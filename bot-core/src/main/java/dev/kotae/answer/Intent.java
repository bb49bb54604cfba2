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
    /** English wordings, matched on the lower-cased question; the most specific first. */
    private static final List<Pattern> ENGLISH_DEFINITION = List.of(
            Pattern.compile("^what (?:does|do) (?:the (?:term|word|abbreviation|acronym) )?(?:an? |the )?(.+?) (?:stand for|mean|refer to)$"),
            Pattern.compile("^what (?:is|are) (?:the )?(?:meaning|definition) of (?:an? |the )?(.+?)$"),
            Pattern.compile("^(?:what(?:'s| is| are)|define|meaning of|definition of|explain|describe|tell me about)\\s+(?:an?\\s+|the\\s+)?(.+?)$"),
            Pattern.compile("^(?:can|could) you (?:explain|describe|tell me about)\\s+(?:what\\s+)?(?:an?\\s+|the\\s+)?(.+?)(?:\\s+is)?$"));
    private static final List<Pattern> DEFINITION = List.of(
            // 「気をつけることは」 is こと+は, not とは
            Pattern.compile("^(.+?)(?:(?<!こ)とは|って|ってい?うのは|というのは)(?:何|なに|なん|どういう(?:意味|こと|もの))?(?:のこと)?(?:ですか|でしょうか|だ|か)?$"),
            Pattern.compile("^(.+?)の(?:意味|定義)(?:は|を)?(?:教えて(?:ください)?|知りたい)?(?:何|なに)?(?:ですか|でしょうか|か)?$"),
            Pattern.compile("^(.+?)(?:について|を)(?:簡単に|簡潔に|詳しく|くわしく|分かりやすく|わかりやすく|ざっくり|手短に|一言で)?(?:教えて|説明して|知りたい)(?:ください|下さい|ほしい|欲しい)?$"),
            Pattern.compile("^(.+?)(?:は|って)(?:何|なに|なん)(?:ですか|でしょうか|か)?$"));
    /**
     * Asking how to do something (手順, 方法, how do I…) or what to do when something fails: such a
     * question is answered only by a source that gives steps for exactly that task.
     */
    /**
     * Asking what to do about a situation (何をすべき, 何に気をつければ, 対策は必要?, What should we do):
     * answered by the advice and measures the documents give, not only by numbered steps.
     */
    private static final Pattern ADVICE = Pattern.compile(
            "(?:何|なに)を?(?:す|し|や|準備|用意|導入|活用|設定|確認|意識|優先|一緒に|入れ|使|決め|最新|選|買)[^?]{0,6}(?:べき|ば|たら|と)|何に(?:気を(?:つけ|付け)|注意|備え)|何から(?:始め|手を(?:つけ|付け)|やれ|取り?組|着手)"
            + "|気を(?:つけ|付け)(?:る|たい|るべき|ること|るべきこと|た方がいい)|注意(?:点|すべき|すること|が必要)|(?:対策|対応|備え)(?:は|って|を|として)?(?:必要|何|どう|すべき|した方)"
            + "|(?:どう|どのように)(?:すれば|したら|すべき|対応|対策|備え|向き合|進め|取り?組|考え)|どうやって(?:防|守|備え|対策|進め)|必要(?:か|です(?:か)?|なの|なん|ある)?[?？]?$|べき(?:か|です(?:か)?|なの|なん)?[?？]?$"
            + "|(?:いい|良い|よい)(?:手|方法|やり方|対策|サービス|仕組み|ツール)(?:は|って|が)?(?:ある|あります|ない)|(?:後回し|放置|やらなくて)(?:で|に)?(?:も)?(?:いい|大丈夫|平気|問題ない)"
            // 「最低限やっておくべきことは?」「どういう手順でやれば?」「どんな仕組みを入れると?」
            + "|べき(?:こと|もの|点)|(?:どういう|どんな|どの(?:ような)?|どういった)(?:手順|方法|やり方|進め方|仕組み|サービス|製品|ツール|対策|取り?組み?|機能|技術|ソフト)"
            // 「何とかならない?」「使えばいい?」「気にする必要ありますか?」
            + "|(?:どうにか|何とか|なんとか)(?:ならない|できない|なる|できる)|(?:使え|入れれ|導入すれ|やれ|すれ)ば(?:いい|良い|よい)"
            + "|必要(?:が|は)?(?:あり|ある)(?:ます)?(?:か|の)?[?？]?$"
            // 「払ったほうがいいの？」「入れた方がいい？」: whether to do something
            + "|(?:た|る|ない)(?:ほう|方)が(?:いい|良い|よい)"
            // 「もっと安全にする方法ってある？」「まとめて守ってくれる製品ってない？」: asking for a means
            + "|(?:方法|手段|製品|サービス|ツール|仕組み|ソフト|対処法)(?:って|は|が|とか)?(?:ある|あります|ない|ありません)(?:か|の|かな)?[?？]?$"
            + "|何か(?:使える|いい|良い|できる)|どんな(?:対策|取り?組み|活動|仕組み|準備|こと)を|(?:責任|リスク|影響)(?:は|って|が)?(?:ある|あります|問われ)"
            + "|\\bwhat (?:should|can|must|do) (?:we|i|a company|companies|small companies|an? (?:small )?(?:company|business|sme))\\b|\\bshould (?:we|i|a company|companies|small businesses)\\b"
            + "|\\bhow (?:should|can|could|do) (?:we|i|a company|companies) (?:protect|prevent|avoid|prepare|deal|handle|respond|reduce|secure|improve|start|begin)"
            + "|\\b(?:do|does) (?:we|a small company|small companies|an? sme) (?:need|have to)\\b|\\bis it (?:necessary|worth|important)\\b|\\b(?:advice|recommend|tips?|best practices?)\\b",
            Pattern.CASE_INSENSITIVE);
    /**
     * Operations on a system: a question asking how to do one of these (「VPNの設定はどうすれば」) asks
     * for steps, not for advice.
     */
    private static final Pattern OPERATION = Pattern.compile(
            "設定|接続|変更|申請|登録|精算|提出|承認|発注|手配|届け?出|記入|インストール|ログイン|ログオン|サインイン|解除|リセット|再発行|予約|申し込|申込|操作|入力|復旧|削除|追加|更新|解約|返却|購入|支払|ダウンロード|アップロード|印刷|送信|共有設定|パスワード"
            + "|\\b(?:install|configure|set up|setup|log ?in|sign ?in|reset|connect|register|apply for|book|download|upload|print|change my)\\b",
            Pattern.CASE_INSENSITIVE);
    /** 「設定方法」: the way to do an operation — steps asked, whatever else is said. */
    private static final Pattern OPERATION_METHOD = Pattern.compile(
            // 方法 only after an operation (設定方法); 対策方法 or 防ぐ方法 asks what to do, which the documents answer
            "(?:設定|接続|変更|申請|登録|インストール|ログイン|ログオン|解除|リセット|再発行|予約|申し込み|申込み?|使用|操作|入力|復旧|削除|追加|更新|解約|返却|購入|支払い?)(?:の)?方法");
    /** Something that fails for the asker: help with it is steps, whatever it is about. */
    private static final Pattern FAILURE = Pattern.compile(
            "できない|できません|出来ない|つながらない|繋がらない|動かない|忘れ|エラー|開けない|開かない|入れない"
            + "|can't|cannot|can not|doesn't work|not working|\\bforgot", Pattern.CASE_INSENSITIVE);
    /**
     * "How" asked in general. It asks for steps only together with an operation (「VPNにはどうやって
     * 接続する?」); 「DDoS攻撃ってどうやってサービスを止めるの」 or 「ISMS認証ってどうやったらもらえる」 ask how
     * something works, which a definition or a passage answers.
     */
    private static final Pattern HOW = Pattern.compile(
            "やり方|仕方|手順|手続き?|進め方|どうやって|どうすれば|どうしたら|どうやったら|するには|にはどうす"
            + "|\\bhow (?:do|can|should|to|would)\\b|\\bsteps? to\\b|\\bway to\\b|\\bprocedure\\b|\\b(?:i|we) (?:want|need|would like) to\\b"
            // a wish to do something (「パスワードを変更したい」), not to know something (「について知りたい」)
            + "|(?<!知り|聞き|教えてもらい|見)たい(?:です|のですが|んですが|んだけど|けど)?$", Pattern.CASE_INSENSITIVE);
    /** The words that name a case outright, whatever else the question asks. */
    private static final Pattern NAMES_A_CASE = Pattern.compile("事例|実例|ケーススタディ|case stud|導入例|取組事例|取り組み事例|成功例|活用例|失敗例|被害例",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CASE = Pattern.compile("事例|実例|ケーススタディ|case stud|導入例|取組事例|取り組み事例|成功例|活用例|失敗例|被害例"
            // 「…した会社の例」「農家の話」「…した会社ってある?」: a case told by its situation
            + "|(?:会社|企業|農家|工場|町工場|商社|メーカー|店|事業者|組織|ところ|とこ)(?:の)?(?:例|話|ケース)(?!え)"
            + "|(?:た|てる|ている|ていた|だった)(?:会社|企業|農家|工場|町工場|商社|メーカー|事業者|組織|ところ)(?:は|って|が|を|の|も|ある|あります|ない|$)"
            + "|(?<![例実]|方法の|使い方の|活用法の|用途の|手段の|対策の|使用の)例(?:って|は|を|が|ある|あります|ない|も|を教えて|$)"
            + "|\\b(?:companies|a company|firms?|farms?|businesses) (?:that|which|who)\\b"
            // English "case" as a story, not "in case of"; "an example of" as 事例 is
            + "|(?<!in )\\bcases?\\b(?! of\\b)|\\bexamples? (?:of|from)\\b");
    private static final Pattern CASE_LIST = Pattern.compile("一覧|リスト|全部|すべて|全て|(?:どんな|どの|どういう|どういった)(?:事例|ケース|例)"
            + "|(?:事例|ケース)(?:は|が|って|を)?(?:いくつ(?!か)|何件|どれ|どんな|何が|どのような|どういう)|何件の事例|list|all (?:the )?case|which case|what case|how many case");
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
        // 「…と答えた企業は何パーセント?」 asks a figure about companies, not for a company's story.
        if (CASE.matcher(lower).find() && (NAMES_A_CASE.matcher(lower).find() || AnswerType.of(lower) == null)) {
            return new Intent(CASE_LIST.matcher(lower).find() ? Type.CASE_LIST : Type.CASE, null);
        }
        for (Pattern pattern : ENGLISH_DEFINITION) {
            Intent definition = definition(pattern.matcher(lower));
            if (definition != null) {
                return definition;
            }
        }
        for (Pattern pattern : DEFINITION) {
            Intent definition = definition(pattern.matcher(q));
            if (definition != null) {
                return definition;
            }
        }
        return new Intent(Type.QUESTION, null);
    }

    /** 「まず無線LANとは」「そもそもXって」: where to start, not part of the name. */
    private static final Pattern SUBJECT_OPENER = Pattern.compile("^(?:まず(?:は)?|最初に|そもそも|改めて|ところで|ちなみに)[、,\\s]*");
    private static final Pattern POINTS_BACK = Pattern.compile("(?:その|この|あの|こういう|そういう|こういった|そういった|こんな|そんな)(?!ため)");
    /** 「サプライチェーンという言葉の意味を改めて」: what is said about the name, not the name. */
    private static final Pattern SUBJECT_CLOSER = Pattern.compile(
            "(?:という|っていう|って)(?:言葉|用語|単語|ワード|語)?(?:の(?:意味|定義))?(?:を|について)?(?:改めて|もう一度|再度|簡単に|ざっくり|詳しく)?$"
            + "|の(?:意味|定義)(?:を|について)?(?:改めて|もう一度|再度|簡単に|ざっくり|詳しく)$");
    /** A quoted name in the subject (「セキュリティインシデント」) is what is asked about. */
    private static final Pattern QUOTED_NAME = Pattern.compile("[「『\"]([^」』\"]{1,40})[」』\"]");

    private static Intent definition(Matcher m) {
        if (m.matches()) {
            String subject = m.group(1).strip();
            Matcher quoted = QUOTED_NAME.matcher(subject);
            if (quoted.find()) {
                subject = quoted.group(1);
            } else if (subject.contains("、")) {
                // 「社内規程の改定にあたり、Xの定義」: the name is after the last comma
                subject = subject.substring(subject.lastIndexOf('、') + 1);
            }
            subject = SUBJECT_CLOSER.matcher(subject.strip()).replaceFirst("");
            subject = QUOTES.matcher(SUBJECT_OPENER.matcher(subject.strip()).replaceFirst("")).replaceAll("").strip();
            // 「その攻撃は何?」 points back at a story: no name to look up
            if (!subject.isEmpty() && subject.length() <= 40 && !POINTS_BACK.matcher(subject).lookingAt()) {
                return new Intent(Type.DEFINITION, subject);
            }
        }
        return null;
    }

    /**
     * Whether the question asks for steps or for help with something that fails (see {@link #OPERATION_METHOD}, {@link #FAILURE}, {@link #HOW}).
     * 「どうすればいい？」 about a situation asks for advice ({@link #asksAdvice}); it asks for steps only
     * when it names an operation (設定, ログイン…).
     */
    public static boolean asksProcedure(String normalizedQuestion) {
        String q = TRAILING.matcher(normalizedQuestion.strip()).replaceAll("").toLowerCase(Locale.ROOT);
        if (OPERATION_METHOD.matcher(q).find() || FAILURE.matcher(q).find()) {
            return true;
        }
        return HOW.matcher(q).find() && OPERATION.matcher(q).find();
    }

    private static final Pattern FIRST_STEP = Pattern.compile(
            "何から|まず(?:は)?(?:何|なに)|最初に(?:何|なに|する|やる)|一番(?:最初|初め)|first step|where (?:do|should) (?:we|i|\\w+) start|\\bdo first\\b|start with",
            Pattern.CASE_INSENSITIVE);

    /** Asking whether to do something (「払ったほうがいいの?」「入れるべき?」 "should we pay"). */
    private static final Pattern WHETHER = Pattern.compile(
            "(?:た|る|ない)(?:ほう|方)が(?:いい|良い|よい)|べき(?:か|です(?:か)?|なの|なん|でしょうか)?[?？]?$|\\bshould (?:we|i) (?!do\\b|start\\b|begin\\b)\\w+",
            Pattern.CASE_INSENSITIVE);

    /** Whether the question asks whether to do something ({@link #WHETHER}). */
    public static boolean asksWhether(String normalizedQuestion) {
        return WHETHER.matcher(normalizedQuestion.strip()).find();
    }

    /** Asking what something described is called: 「これって何という攻撃?」「何かの詐欺ですか」 "what is this called". */
    private static final Pattern ASKS_NAME = Pattern.compile(
            "(?:何|なん)(?:という|て(?:いう|言う)|と(?:いう|言う|呼ぶ|呼ばれ))|名前|呼び方|何かの[^?、。]{1,6}(?:です|なの|か)"
            + "|what (?:is|are) (?:this|that|it|these) called|what do you call|the (?:name|term) for|is (?:this|that|it) (?:a|an) (?:kind|type) of",
            Pattern.CASE_INSENSITIVE);

    /** Whether the question asks the name of what it describes ({@link #ASKS_NAME}). */
    public static boolean asksName(String normalizedQuestion) {
        return ASKS_NAME.matcher(normalizedQuestion).find();
    }

    /** Whether the question asks where to start (何から始めれば, まず何を, first step). */
    public static boolean asksFirstStep(String normalizedQuestion) {
        return FIRST_STEP.matcher(normalizedQuestion).find();
    }

    /** Whether the question asks what to do about something ({@link #ADVICE}). */
    public static boolean asksAdvice(String normalizedQuestion) {
        return ADVICE.matcher(normalizedQuestion.strip().toLowerCase(Locale.ROOT)).find();
    }
}
