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
 * {@code ColdSteps built|shipped}: where a cold {@code kotae ask} spends the main thread's CPU, step by
 * step, with the generation built in memory (as before the shipped index) or opened from the index the
 * jar ships. One JVM per run: {@code scripts/bench.sh steps}.
 */
public final class ColdSteps {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ColdSteps() {}

    private static long cpuMillis() {
        return THREADS.getCurrentThreadCpuTime() / 1_000_000;
    }

    public static void main(String[] args) throws Exception {
        boolean shipped = args.length > 0 && args[0].equals("shipped");
        dev.kotae.settings.Logging.start();
        long start = cpuMillis();
        Corpus corpus = CorpusLoader.loadAccepted(EmbeddedCorpus.root());
        long loaded = cpuMillis();
        Knowledge knowledge = shipped ? EmbeddedIndex.open(corpus).orElseThrow() : Knowledge.build(corpus);
        long built = cpuMillis();
        Answer answer = new KotaeService(knowledge, AnswerSettings.defaults()).answer("WAFとは？");
        long answered = cpuMillis();
        System.out.printf("%-7s main-thread CPU: JVM start to main %d ms, corpus load %d ms, generation %d ms, first answer %d ms "
                        + "(%s), in all %d ms; wall since JVM start %d ms%n", shipped ? "shipped" : "built", start, loaded - start,
                built - loaded, answered - built, answer.kind().label(), answered, ManagementFactory.getRuntimeMXBean().getUptime());
    }
}
