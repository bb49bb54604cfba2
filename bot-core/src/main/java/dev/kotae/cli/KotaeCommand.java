package dev.kotae.cli;

import dev.kotae.answer.Answer;
import dev.kotae.answer.AnswerSettings;
import dev.kotae.answer.Knowledge;
import dev.kotae.answer.KotaeService;
import dev.kotae.answer.Question;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusException;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.CorpusProblem;
import dev.kotae.answer.ActivityLog;
import dev.kotae.answer.ReindexReport;
import dev.kotae.generation.GenerationStore;
import dev.kotae.generation.Services;
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
        description = "Kotae (答え): answers questions from the company's own documents, with sources.",
        subcommands = {KotaeCommand.Ask.class, KotaeCommand.Batch.class, KotaeCommand.Chat.class,
                KotaeCommand.Reindex.class, KotaeCommand.Rollback.class, KotaeCommand.Validate.class,
                KotaeCommand.Report.class})
public final class KotaeCommand implements Runnable {
    @Option(names = "--corpus", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Corpus directory (documents/, faq/, synonyms.txt). Default: $KOTAE_CORPUS_DIR, else the embedded corpus.")
    Path corpus;

    @Option(names = "--index", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Index directory, persisted and reused. Default: $KOTAE_INDEX_DIR, else in memory.")
    Path index;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** UTF-8 whatever the platform default; replaceable so tests can read what a command printed. */
    static PrintStream OUT = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    static PrintStream ERR = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    static InputStream IN = System.in;

    @Override
    public void run() {
        spec.commandLine().usage(OUT);
    }

    /** Held so the JUL logger (and its level) is not garbage-collected. */
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

    public static void main(String[] args) {
        // Lucene's one-line notice about the optional vector module is noise on a command line.
        LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
        // On the command line only warnings are worth interleaving with answers; adapters log INFO.
        if (System.getenv("KOTAE_LOG_LEVEL") == null) {
            System.setProperty("KOTAE_LOG_LEVEL", "WARN");
        }
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new KotaeCommand());
        cli.setOut(new java.io.PrintWriter(OUT, true));
        cli.setErr(new java.io.PrintWriter(ERR, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CorpusException ce) {
                printProblems(ce.problems());
            } else {
                ERR.println("kotae: " + TerminalText.safe(describe(e)));
                if (System.getenv("KOTAE_DEBUG") != null) {
                    e.printStackTrace(ERR);
                }
            }
            return 1;
        });
        return cli.execute(args);
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    static void printProblems(List<CorpusProblem> problems) {
        for (CorpusProblem p : problems) {
            ERR.println(TerminalText.safe(p.toString())); // file names and patterns come from the corpus folder
        }
        ERR.println("kotae: the corpus was refused (" + problems.size() + (problems.size() == 1 ? " problem)" : " problems)"));
    }

    /** Admin commands run from a shell are audited like those from chat, with the OS user as who. */
    static void audit(Path indexDir, String action, String result, String summary) {
        new FileActivityLog(indexDir).audit(new ActivityLog.AuditEntry(java.time.Instant.now(), "cli",
                System.getProperty("user.name"), action, result, summary));
    }

    KotaeService service() throws Exception {
        return Services.start(corpus, index, AnswerSettings.fromEnvironment());
    }

    @Command(name = "ask", description = "Answer one question and show its sources.")
    static final class Ask implements Callable<Integer> {
        @ParentCommand
        KotaeCommand parent;

        @Option(names = "--json", description = "Print the answer object as JSON.")
        boolean json;

        @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question (words are joined with spaces).")
        List<String> words;

        @Override
        public Integer call() throws Exception {
            Answer answer = parent.service().answer(Question.of(String.join(" ", words)));
            OUT.println(json ? AnswerPrinter.json(answer) : answer.plainText());
            return 0;
        }
    }

    @Command(name = "batch", description = "Read questions from stdin, one per line; print one JSON answer per line.")
    static final class Batch implements Callable<Integer> {
        @ParentCommand
        KotaeCommand parent;

        @Override
        public Integer call() throws Exception {
            KotaeService service = parent.service();
            answerLines(service, IN, OUT);
            return 0;
        }

        /** Exactly one answer per input line, in order, whatever the line holds. */
        static void answerLines(KotaeService service, InputStream in, PrintStream out) throws IOException {
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder));
            String line;
            while ((line = reader.readLine()) != null) {
                Answer answer = service.answer(new Question(line, "batch", null));
                out.println(AnswerPrinter.json(answer));
                out.flush();
            }
        }
    }

    @Command(name = "chat", description = "Chat with Kotae in the console (no Slack or Teams needed).")
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

    @Command(name = "validate", description = "Check the corpus; print counts, or every problem as file:line: message.")
    static final class Validate implements Callable<Integer> {
        @ParentCommand
        KotaeCommand parent;

        @Override
        public Integer call() throws Exception {
            long start = System.nanoTime();
            Corpus corpus = CorpusLoader.load(Services.corpusRoot(parent.corpus));
            OUT.println("コーパスに問題はありません: " + Counts.of(corpus) + "（" + (System.nanoTime() - start) / 1_000_000 + " ms）");
            return 0;
        }
    }

    @Command(name = "reindex", description = "Build a new index generation from the corpus, check it and switch to it; "
            + "report counts, time and what changed. A refused corpus leaves the current generation serving.")
    static final class Reindex implements Callable<Integer> {
        @ParentCommand
        KotaeCommand parent;

        @Override
        public Integer call() throws Exception {
            Path dir = Services.indexDir(parent.index);
            Path root = Services.corpusRoot(parent.corpus);
            ReindexReport report;
            if (dir == null) {
                long start = System.nanoTime();
                Corpus corpus = CorpusLoader.load(root);
                try (Knowledge knowledge = Knowledge.build(corpus)) {
                    report = ReindexReport.done(knowledge.corpus(), (System.nanoTime() - start) / 1_000_000, null, List.of());
                }
                OUT.println(report.summary().lines().findFirst().orElse("") + "（メモリ上。保存するには --index DIR）");
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

    @Command(name = "rollback", description = "Switch back to the index generation before the current one.")
    static final class Rollback implements Callable<Integer> {
        @ParentCommand
        KotaeCommand parent;

        @Override
        public Integer call() throws Exception {
            Path dir = Services.indexDir(parent.index);
            if (dir == null) {
                ERR.println("kotae: rollback needs an index folder (--index DIR or KOTAE_INDEX_DIR)");
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
                audit(dir, "rollback", "refused", "no earlier generation (current: " + before + ")");
                ERR.println("kotae: there is no earlier generation to roll back to (current: " + before + ")");
                return 1;
            }
            try (Knowledge knowledge = loaded.get().knowledge()) {
                audit(dir, "rollback", "done", before + " → " + loaded.get().name());
                OUT.println("インデックスを " + before + " から " + loaded.get().name() + " に戻しました：" + Counts.of(knowledge.corpus()));
            }
            return 0;
        }
    }

    @Command(name = "report", description = "Reports over what users asked: 'unanswered' (FAQ candidates) or 'feedback'.")
    static final class Report implements Callable<Integer> {
        @ParentCommand
        KotaeCommand parent;

        @Parameters(paramLabel = "WHAT", description = "unanswered | feedback")
        String what;

        @Option(names = "--since", paramLabel = "DATE", description = "Only entries on or after this date (YYYY-MM-DD).")
        java.time.LocalDate since;

        @Override
        public Integer call() {
            Path dir = Services.indexDir(parent.index);
            if (dir == null) {
                ERR.println("kotae: reports read the index folder's logs: give --index DIR or set KOTAE_INDEX_DIR");
                return 1;
            }
            java.time.Instant from = since == null ? null : since.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            switch (what) {
                case "unanswered" -> {
                    var candidates = UsageReports.unanswered(dir, from);
                    OUT.println("答えられなかった・自信の低かった質問 " + candidates.size() + " 種（多い順。FAQ の候補です）");
                    // Questions are whatever users typed: no escape sequence reaches the admin's terminal.
                    candidates.forEach(c -> OUT.println(String.format("%5d  %s", c.count(), TerminalText.safe(c.question()))));
                }
                case "feedback" -> UsageReports.feedback(dir, from).forEach(line -> OUT.println(TerminalText.safe(line)));
                default -> {
                    ERR.println("kotae: unknown report '" + what + "'; use 'unanswered' or 'feedback'");
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
