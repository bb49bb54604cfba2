package dev.kotae.bench;

import dev.kotae.answer.Knowledge;
import dev.kotae.answer.NearestSources;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.EmbeddedCorpus;
import dev.kotae.usage.ActivityDigest;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * The console's log summaries in one JVM, without HTTP: reading a folder of activity logs (written by
 * {@code scripts/console-bench.sh generate DIR N}) once, then the three views over a year and a month.
 * {@code java -cp bench/target/benchmarks.jar dev.kotae.bench.ConsoleLogsBench DIR [ROUNDS]}
 */
public final class ConsoleLogsBench {
    private ConsoleLogsBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (Knowledge k = Knowledge.build(CorpusLoader.load(EmbeddedCorpus.root()))) {
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int r = 0; r < rounds; r++) {
                ActivityDigest digest = new ActivityDigest(dir, ZoneId.of("Asia/Tokyo"), q -> NearestSources.topicKey(k, q));
                long start = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                digest.refresh();
                System.out.printf("read %d (a fresh digest; the first in a new JVM is the start-up read): %,d lines in %,d ms wall, %,d ms CPU%n",
                        r, digest.counts().lines(), (System.nanoTime() - start) / 1_000_000,
                        (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
            }
            ActivityDigest digest = new ActivityDigest(dir, ZoneId.of("Asia/Tokyo"), q -> NearestSources.topicKey(k, q));
            digest.refresh();
            var year = new ActivityDigest.Filter(java.time.LocalDate.now().minusDays(364), null, null);
            var month = new ActivityDigest.Filter(java.time.LocalDate.now().minusDays(29), null, null);
            for (int r = 0; r < rounds; r++) {
                long a = System.nanoTime();
                var u = digest.unanswered(year, 50);
                long b = System.nanoTime();
                digest.feedback(year, 20);
                long c = System.nanoTime();
                digest.usage(year, 10);
                long d = System.nanoTime();
                digest.unanswered(month, 50);
                long e = System.nanoTime();
                System.out.printf("view round %d: unanswered %.1f ms (%,d groups), feedback %.1f ms, usage %.1f ms; unanswered 30 days %.1f ms%n",
                        r, (b - a) / 1e6, u.groupCount(), (c - b) / 1e6, (d - c) / 1e6, (e - d) / 1e6);
            }
        }
    }
}
