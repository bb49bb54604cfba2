package dev.kotae.cli;

import dev.kotae.answer.Answer;
import dev.kotae.answer.AnswerKind;
import dev.kotae.answer.AnswerSettings;
import dev.kotae.answer.Knowledge;
import dev.kotae.answer.KotaeService;
import dev.kotae.answer.Question;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusException;
import dev.kotae.corpus.CorpusProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
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
                KotaeCommand.Reindex.class, KotaeCommand.Validate.class})
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
                ERR.println("kotae: " + describe(e));
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
            ERR.println(p);
        }
        ERR.println("kotae: the corpus was refused (" + problems.size() + (problems.size() == 1 ? " problem)" : " problems)"));
    }

    KotaeService service() throws IOException, CorpusException {
        return new KotaeService(KnowledgeSource.load(corpus, index), AnswerSettings.fromEnvironment());
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
            OUT.println(json ? AnswerPrinter.json(answer) : AnswerPrinter.text(answer));
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
                Answer answer;
                try {
                    answer = service.answer(new Question(line, "batch", null));
                } catch (RuntimeException e) {
                    answer = new Answer(AnswerKind.NONE, "この質問には答えられませんでした。\n" + AnswerSettings.DEFAULT_HANDOFF,
                            List.of(), 0, List.of(), List.of(), 0);
                }
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
                OUT.println(AnswerPrinter.text(service.answer(new Question(line, "console", null))));
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
            Corpus corpus = KnowledgeSource.loadCorpus(parent.corpus);
            OUT.println("コーパスに問題はありません: " + Counts.of(corpus) + "（" + (System.nanoTime() - start) / 1_000_000 + " ms）");
            return 0;
        }
    }

    @Command(name = "reindex", description = "Build the index from the corpus and report counts and time.")
    static final class Reindex implements Callable<Integer> {
        @ParentCommand
        KotaeCommand parent;

        @Override
        public Integer call() throws Exception {
            long start = System.nanoTime();
            Corpus corpus = KnowledgeSource.loadCorpus(parent.corpus);
            Path dir = KnowledgeSource.indexDir(parent.index);
            try (Knowledge knowledge = dir == null ? Knowledge.build(corpus) : rebuild(corpus, dir)) {
                OUT.println("インデックスを作成しました: " + Counts.of(knowledge.corpus()) + "（"
                        + (System.nanoTime() - start) / 1_000_000 + " ms" + (dir == null ? "、メモリ上" : "、" + dir) + "）");
            }
            return 0;
        }

        private static Knowledge rebuild(Corpus corpus, Path dir) throws IOException {
            java.nio.file.Files.createDirectories(dir);
            return Knowledge.openOrBuild(corpus, org.apache.lucene.store.FSDirectory.open(dir));
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
