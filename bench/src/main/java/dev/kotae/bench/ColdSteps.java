package dev.kotae.bench;

import dev.kotae.answer.Answer;
import dev.kotae.answer.AnswerSettings;
import dev.kotae.answer.Knowledge;
import dev.kotae.answer.KotaeService;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.EmbeddedCorpus;
import dev.kotae.generation.EmbeddedIndex;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * {@code ColdSteps built|shipped|tables}: where a cold {@code kotae ask} spends CPU, step by step, all on
 * the main thread: the corpus read and the generation built in memory (as before the shipped index),
 * the corpus read and the shipped index opened with the shipped tables that fit it, or — what
 * {@code kotae ask} does now — the generation opened from the shipped tables and index alone, without
 * reading the corpus. Kuromoji's dictionaries are loaded as a step of their own first (the CLI loads
 * them on another thread). One JVM per run: {@code scripts/bench.sh steps}.
 */
public final class ColdSteps {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ColdSteps() {}

    private static long cpuMillis() {
        return THREADS.getCurrentThreadCpuTime() / 1_000_000;
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "tables";
        dev.kotae.settings.Logging.start();
        long start = cpuMillis();
        org.apache.lucene.analysis.ja.dict.TokenInfoDictionary.getInstance();
        org.apache.lucene.analysis.ja.dict.ConnectionCosts.getInstance();
        org.apache.lucene.analysis.ja.dict.UnknownDictionary.getInstance();
        long dictionaries = cpuMillis();
        Corpus corpus = mode.equals("tables") ? null : CorpusLoader.loadAccepted(EmbeddedCorpus.root());
        long loaded = cpuMillis();
        Knowledge knowledge = switch (mode) {
            case "built" -> Knowledge.build(corpus);
            case "shipped" -> EmbeddedIndex.open(corpus).orElseThrow();
            default -> EmbeddedIndex.openEmbedded().orElseThrow();
        };
        long opened = cpuMillis();
        Answer answer = new KotaeService(knowledge, AnswerSettings.defaults()).answer("WAFとは？");
        long answered = cpuMillis();
        System.out.printf("%-7s main-thread CPU: JVM start to main %d ms, Kuromoji's dictionaries %d ms, corpus load %d ms, "
                        + "generation %d ms, first answer %d ms (%s), in all %d ms; wall since JVM start %d ms%n", mode, start,
                dictionaries - start, loaded - dictionaries, opened - loaded, answered - opened, answer.kind().label(), answered,
                ManagementFactory.getRuntimeMXBean().getUptime());
    }
}
