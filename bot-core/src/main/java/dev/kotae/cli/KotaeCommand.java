package dev.kotae.cli;

import dev.kotae.answer.Answer;
import dev.kotae.answer.Knowledge;
import dev.kotae.answer.KotaeService;
import dev.kotae.answer.Question;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusException;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.CorpusProblem;
import dev.kotae.corpus.CorpusSummary;
import dev.kotae.answer.ActivityLog;
import dev.kotae.answer.ReindexReport;
import dev.kotae.generation.EarlyGeneration;
import dev.kotae.generation.GenerationStore;
import dev.kotae.generation.Services;
import dev.kotae.settings.CoreSettings;
import dev.kotae.settings.Environment;
import dev.kotae.settings.Logging;
import dev.kotae.settings.SettingException;
import dev.kotae.usage.FileActivityLog;
import dev.kotae.usage.UsageReports;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** The {@code kotae} command line. */
@Command(name = "kotae", mixinStandardHelpOptions = true, version = "kotae 0.1.0",
        description = "Kotae（答え）：社内の資料から、出典を添えて質問に答えます。",
        subcommands = {KotaeCommand.Ask.class, KotaeCommand.Batch.class, KotaeCommand.Chat.class,
                KotaeCommand.Reindex.class, KotaeCommand.Rollback.class, KotaeCommand.Validate.class,
                KotaeCommand.Report.class})
public final class KotaeCommand implements Runnable {
    @Option(names = "--corpus", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "コーパスのフォルダ（documents/、faq/、synonyms.txt）。既定は KOTAE_CORPUS_DIR、なければ同梱のコーパス。")
    Path corpus;

    @Option(names = "--index", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "インデックスのフォルダ（保存して使い回す）。既定は KOTAE_INDEX_DIR、なければメモリ上。")
    Path index;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The environment's settings, read and checked once before any command runs. */
    final CoreSettings settings;

    KotaeCommand(CoreSettings settings) {
        this.settings = settings;
    }

    /** UTF-8 whatever the platform default; replaceable so tests can read what a command printed. */
    static PrintStream OUT = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    static PrintStream ERR = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    static InputStream IN = System.in;

    @Override
    public void run() {
        spec.commandLine().usage(OUT);
    }

    public static void main(String[] args) {
        // On the command line only warnings are worth interleaving with answers (adapters log INFO), and
        // Lucene's one-line notice about the optional vector module is noise there.
        if (System.getenv("KOTAE_LOG_LEVEL") == null) {
            System.setProperty("KOTAE_LOG_LEVEL", "WARN");
        }
        System.setProperty("kotae.lucene.log.level", "ERROR");
        // A cold ask on the embedded corpus is mostly loading Kuromoji's dictionaries and opening the
        // generation: both start at once, on threads of their own, the dictionaries even before logging.
        boolean early = opensEmbeddedInMemory(System.getenv(), args);
        if (early) {
            EarlyGeneration.loadDictionaries();
        }
        Logging.start();
        if (early) {
            EarlyGeneration.start();
        }
        System.exit(run(args));
    }

    /** The commands that start the service: with no corpus and no index, on the embedded corpus in memory. */
    private static final java.util.Set<String> SERVING = java.util.Set.of("ask", "batch", "chat");

    /**
     * Whether the command will start the service on the embedded corpus with generations in memory:
     * ask, batch or chat, and no corpus or index named on the command line or in the environment. Told
     * before the command line is parsed, so that opening the generation starts at once
     * ({@link EarlyGeneration}); a wrong guess only costs the work started early.
     */
    static boolean opensEmbeddedInMemory(java.util.Map<String, String> environment, String... args) {
        if (args.length == 0 || !SERVING.contains(args[0])) {
            return false;
        }
        for (String arg : args) {
            if (arg.startsWith("--corpus") || arg.startsWith("--index") || arg.startsWith("@")) {
                return false; // or an argument file, which may name them
            }
        }
        try {
            CoreSettings settings = CoreSettings.from(new Environment(environment));
            return settings.corpusDir() == null && settings.indexDir() == null;
        } catch (SettingException e) {
            return false; // run() says what is wrong with them
        }
    }

    public static int run(String... args) {
        return run(System.getenv(), args);
    }

    /**
     * Runs a command with the settings of {@code environment}: a malformed setting stops it before
     * anything else, with one line and exit code 2.
     */
    static int run(java.util.Map<String, String> environment, String... args) {
        CoreSettings settings;
        try {
            settings = CoreSettings.from(new Environment(environment));
        } catch (SettingException e) {
            ERR.println("kotae: " + e.getMessage());
            return 2;
        }
        if (PlainAsk.is(args)) {
            return PlainAsk.run(settings, args);
        }
        CommandLine cli = new CommandLine(new KotaeCommand(settings));
        cli.setOut(new java.io.PrintWriter(OUT, true));
        cli.setErr(new java.io.PrintWriter(ERR, true));
        cli.setParameterExceptionHandler((e, arguments) -> {
            ERR.println("kotae: " + (e.getCause() instanceof CommandLine.TypeConversionException conversion
                    ? conversion.getMessage() : "コマンドの書き方が正しくありません（" + e.getMessage() + "）")
                    + "。使い方は kotae " + subcommandOf(e.getCommandLine()) + "--help で表示します。");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e, settings));
        return cli.execute(args);
    }

    /** A command that failed: the corpus's problems, or one line (and the stack trace when debugging); exit code 1. */
    static int failed(Exception e, CoreSettings settings) {
        if (e instanceof CorpusException ce) {
            printProblems(ce.problems());
        } else {
            ERR.println("kotae: 処理を続けられませんでした：" + TerminalText.safe(describe(e)));
            if (settings.debug()) {
                e.printStackTrace(ERR);
            }
        }
        return 1;
    }

    private static String subcommandOf(CommandLine commandLine) {
        return commandLine == null || commandLine.getParent() == null ? "" : commandLine.getCommandName() + " ";
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    static void printProblems(List<CorpusProblem> problems) {
        for (CorpusProblem p : problems) {
            ERR.println(TerminalText.safe(p.toString())); // file names and patterns come from the corpus folder
        }
        ERR.println("kotae: コーパスに問題があるため、受け付けませんでした（問題 " + problems.size() + " 件）");
    }

    /** Admin commands run from a shell are audited like those from chat, with the OS user as who. */
    static void audit(Path indexDir, String action, String result, String summary) {
        new FileActivityLog(indexDir).audit(new ActivityLog.AuditEntry(java.time.Instant.now(), "cli",
                System.getProperty("user.name"), action, result, summary));
    }

    KotaeService service() throws Exception {
        // No corpus option and no KOTAE_CORPUS_DIR is the embedded corpus: passed as null, so that a start
        // that uses what the build ships for it never opens the jar as a file system.
        return Services.start(corpus != null ? corpus : settings.corpusDir(), Services.indexDir(index, settings), settings.answer());
    }

    @Command(name = "ask", description = "質問に一つ答え、出典を示します。")
    static final class Ask implements Callable<Integer> {
        @ParentCommand
        KotaeCommand parent;

        @Option(names = "--json", description = "答えを JSON の回答オブジェクトで出力します。")
        boolean json;

        @Option(names = "--explain", description = "答えを選んだ根拠（質問の中心と語、意図、FAQルール、候補）も出力します。")
        boolean explain;

        @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "質問（複数の語は空白でつなぎます）")
        List<String> words;

        @Override
        public Integer call() throws Exception {
            Question question = Question.of(String.join(" ", words));
            Answer answer = parent.service().answer(explain ? question.explained() : question);
            OUT.println(json ? AnswerPrinter.json(answer) : answer.plainText() + (explain ? "\n" + AnswerPrinter.explanation(answer) : ""));
            return 0;
        }

        /** {@code ask} with no option: {@link #call} as picocli runs it, for {@link PlainAsk}. */
        static int plain(CoreSettings settings, List<String> words) throws Exception {
            Ask ask = new Ask();
            ask.parent = new KotaeCommand(settings);
            ask.words = words;
            return ask.call();
        }
    }

    @Command(name = "batch", description = "標準入力から一行に一つずつ質問を読み、一行に一つずつ JSON の答えを出力します。")
    static final class Batch implements Callable<Integer> {
        @ParentCommand
        KotaeCommand parent;

        @Option(names = "--explain", description = "Add each answer's explanation to its JSON line.")
        boolean explain;

        @Override
        public Integer call() throws Exception {
            KotaeService service = parent.service();
            answerLines(service, IN, OUT, explain);
            return 0;
        }

        static void answerLines(KotaeService service, InputStream in, PrintStream out) throws IOException {
            answerLines(service, in, out, false);
        }

        /** Exactly one answer per input line, in order, whatever the line holds. */
        static void answerLines(KotaeService service, InputStream in, PrintStream out, boolean explain) throws IOException {
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder));
            String line;
            while ((line = reader.readLine()) != null) {
                Answer answer = service.answer(new Question(line, "batch", null, explain));
                out.println(AnswerPrinter.json(answer));
                out.flush();
            }
        }
    }

    @Command(name = "chat", description = "コンソールで Kotae と会話します（Slack も Teams も要りません）。")
    static final class Chat implements Callable<Integer> {
        @ParentCommand
        KotaeCommand parent;

        @Override
        public Integer call() throws Exception {
            KotaeService service = parent.service();
            BufferedReader reader = new BufferedReader(new InputStreamReader(IN, StandardCharsets.UTF_8));
            OUT.println("Kotae（答え）です。質問をどうぞ。「ヘルプ」で使い方、「exit」で終了します。");
            while (true) {
                OUT.print("> ");
                OUT.flush();
                String line = reader.readLine();
                if (line == null || List.of("exit", "quit", "終了", ":q").contains(line.strip().toLowerCase(java.util.Locale.ROOT))) {
                    OUT.println("またどうぞ。");
                    return 0;
                }
                if (line.isBlank()) {
                    continue;
                }
                OUT.println(service.answer(new Question(line, "console", null)).plainText());
                OUT.println();
            }
        }
    }

    @Command(name = "validate", description = "コーパスを検査し、件数か、すべての問題を「ファイル:行: 内容」で示します。")
    static final class Validate implements Callable<Integer> {
        @ParentCommand
        KotaeCommand parent;

        @Override
        public Integer call() throws Exception {
            long start = System.nanoTime();
            Corpus corpus = CorpusLoader.load(Services.corpusRoot(parent.corpus, parent.settings));
            OUT.println("コーパスに問題はありません：" + Counts.of(corpus) + "（" + (System.nanoTime() - start) / 1_000_000 + " ms）"
                    + CorpusSummary.describe(CorpusSummary.documents(corpus), CorpusSummary.skipped(corpus)));
            return 0;
        }
    }

    @Command(name = "reindex", description = "コーパスから新しいインデックスの世代を作り、検査してから切り替えます。"
            + "件数、時間、前回からの変更を示します。受け付けられないコーパスでは、今の世代で回答を続けます。")
    static final class Reindex implements Callable<Integer> {
        @ParentCommand
        KotaeCommand parent;

        @Override
        public Integer call() throws Exception {
            Path dir = Services.indexDir(parent.index, parent.settings);
            Path root = Services.corpusRoot(parent.corpus, parent.settings);
            ReindexReport report;
            if (dir == null) {
                long start = System.nanoTime();
                Corpus corpus = CorpusLoader.load(root);
                try (Knowledge knowledge = Knowledge.build(corpus)) {
                    report = ReindexReport.done(knowledge.corpus(), (System.nanoTime() - start) / 1_000_000, null, List.of());
                }
                OUT.println(report.summary().lines().findFirst().orElse("") + "（メモリ上。保存するには --index DIR）"
                        + CorpusSummary.describe(report.files(), report.skipped()));
                return 0;
            }
            try {
                report = new GenerationStore(dir).reindex(root).report();
            } catch (IOException | RuntimeException e) {
                audit(dir, "reindex", "failed", describe(e)); // a failure is audited like a refusal
                throw e;
            }
            audit(dir, "reindex", report.status().name().toLowerCase(java.util.Locale.ROOT), report.summary());
            if (report.status() == ReindexReport.Status.ALREADY_RUNNING) {
                ERR.println("kotae: " + TerminalText.safe(report.summary()));
                return 1;
            }
            if (report.status() != ReindexReport.Status.DONE) {
                printProblems(report.problems());
                return 1;
            }
            OUT.println(report.summary());
            return 0;
        }
    }

    @Command(name = "rollback", description = "インデックスを今の世代の一つ前の世代に戻します。")
    static final class Rollback implements Callable<Integer> {
        @ParentCommand
        KotaeCommand parent;

        @Override
        public Integer call() throws Exception {
            Path dir = Services.indexDir(parent.index, parent.settings);
            if (dir == null) {
                ERR.println("kotae: 戻すにはインデックスのフォルダが要ります。--index DIR を指定するか、KOTAE_INDEX_DIR を設定してください。");
                return 1;
            }
            GenerationStore store = new GenerationStore(dir);
            String before = store.current().orElse("なし");
            Optional<GenerationStore.Loaded> loaded;
            try {
                loaded = store.rollback();
            } catch (IOException | RuntimeException e) {
                audit(dir, "rollback", "failed", describe(e));
                throw e;
            }
            if (loaded.isEmpty()) {
                audit(dir, "rollback", "refused", "戻せる前の世代がありません（今の世代：" + before + "）");
                ERR.println("kotae: 戻せる前の世代がありません（今の世代：" + before + "）。");
                return 1;
            }
            try (Knowledge knowledge = loaded.get().knowledge()) {
                audit(dir, "rollback", "done", before + " → " + loaded.get().name());
                OUT.println("インデックスを " + before + " から " + loaded.get().name() + " に戻しました：" + Counts.of(knowledge.corpus()));
            }
            return 0;
        }
    }

    @Command(name = "report", description = "質問の記録からのレポート：unanswered（答えられなかった質問、FAQ の候補）か feedback（👍/👎）。")
    static final class Report implements Callable<Integer> {
        @ParentCommand
        KotaeCommand parent;

        @Parameters(paramLabel = "WHAT", description = "unanswered | feedback")
        String what;

        @Option(names = "--since", paramLabel = "DATE", converter = SinceDate.class,
                description = "この日（この日の 0 時）以降の記録だけ：" + SinceDate.FORMS)
        java.time.LocalDate since;

        @Override
        public Integer call() {
            Path dir = Services.indexDir(parent.index, parent.settings);
            if (dir == null) {
                ERR.println("kotae: レポートはインデックスのフォルダの記録から作ります。--index DIR を指定するか、KOTAE_INDEX_DIR を設定してください。");
                return 1;
            }
            java.time.Instant from = since == null ? null : since.atStartOfDay(java.time.ZoneId.systemDefault()).toInstant();
            switch (what) {
                case "unanswered" -> {
                    var candidates = UsageReports.unanswered(dir, from);
                    OUT.println("答えられなかった・自信の低かった質問 " + candidates.size() + " 種（多い順。FAQ の候補です）");
                    // Questions are whatever users typed: no escape sequence reaches the admin's terminal.
                    candidates.forEach(c -> OUT.println(String.format("%5d  %s", c.count(), TerminalText.safe(c.question()))));
                }
                case "feedback" -> UsageReports.feedback(dir, from).forEach(line -> OUT.println(TerminalText.safe(line)));
                default -> {
                    ERR.println("kotae: 「" + what + "」というレポートはありません。unanswered か feedback を指定してください。");
                    return 2;
                }
            }
            return 0;
        }
    }

    /** The counts every report shows. */
    record Counts(int documents, int sections, int passages, int glossary, int faq, int cases, int slides) {
        static Counts of(Corpus c) {
            return new Counts(c.documents().size(), c.sections().size(), c.passages().size(), c.glossary().size(),
                    c.faq().size(), c.cases().size(), c.slides().size());
        }

        @Override
        public String toString() {
            return "文書 " + documents + "、セクション " + sections + "、スライド " + slides + "、パッセージ " + passages
                    + "、用語 " + glossary + "、FAQ " + faq + "、事例 " + cases;
        }
    }
}
