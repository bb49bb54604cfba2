package dev.kotae.bench;

import dev.kotae.answer.Answer;
import dev.kotae.answer.AnswerKind;
import dev.kotae.answer.AnswerSettings;
import dev.kotae.answer.Knowledge;
import dev.kotae.answer.KotaeService;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;

/**
 * Figures JMH does not give: answer latency percentiles and heap at seed size, and the scale runs.
 *
 * <pre>
 *   Harness latency [SECONDS]            seed corpus: p50/p99/p99.9 per kind, one-thread throughput, heap
 *   Harness scale FACTOR...               N× synthetic corpora: load, index time and size, p50/p99, heap
 *                                         (-Dkotae.scale.dir=DIR keeps and reuses them, -Dkotae.scale.seconds=S
 *                                         measures S s after S/2 s of warm-up, -Dkotae.answers=FILE writes the answers)
 *   Harness generate FACTOR DIR           just write an N× synthetic corpus to DIR
 * </pre>
 */
public final class Harness {
    private Harness() {}

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger.getLogger("org.apache.lucene").setLevel(java.util.logging.Level.SEVERE);
        if (args.length == 0) {
            System.err.println("usage: Harness latency [SECONDS] | scale FACTOR... | generate FACTOR DIR");
            System.exit(2);
        }
        switch (args[0]) {
            case "latency" -> latency(args.length > 1 ? Integer.parseInt(args[1]) : 20);
            case "scale" -> {
                for (int i = 1; i < args.length; i++) {
                    scale(Integer.parseInt(args[i]));
                }
            }
            case "generate" -> {
                Corpus seed = Seed.corpus();
                SyntheticCorpus.generate(seed, Seed.root(), Integer.parseInt(args[1]), Path.of(args[2]), 42);
            }
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    static void latency(int seconds) throws Exception {
        Knowledge knowledge = Knowledge.build(Seed.corpus());
        KotaeService service = new KotaeService(knowledge, AnswerSettings.defaults());
        List<String> questions = Seed.mixed(knowledge.corpus());
        // Warm up for a third of the time, then measure.
        run(service, questions, seconds * 1_000L / 3);
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long[] all = run(service, questions, seconds * 1_000L);
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        Map<AnswerKind, List<Long>> byKind = new EnumMap<>(AnswerKind.class);
        long sum = 0;
        for (int i = 0; i < all.length; i++) {
            AnswerKind kind = service.answer(questions.get(i % questions.size())).kind();
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(all[i]);
            sum += all[i];
        }
        System.out.printf("seed mixed: %d answers, %.0f answers/s on one thread (wall), %.0f per CPU-second, %s%n",
                all.length, all.length / (sum / 1e9), all.length / (cpu / 1e9), percentiles(all));
        byKind.forEach((kind, list) -> System.out.printf("  %-9s n=%6d %s%n", kind.label(), list.size(),
                percentiles(list.stream().mapToLong(Long::longValue).toArray())));
        System.out.printf("heap used after GC: %.1f MB%n", heapAfterGc() / 1e6);
        knowledge.close();
    }

    /** Answers the questions round-robin for {@code millis}; returns each answer's nanoseconds. */
    static long[] run(KotaeService service, List<String> questions, long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        long[] times = new long[1 << 16];
        int n = 0;
        while (System.nanoTime() < end || n < questions.size()) {
            String q = questions.get(n % questions.size());
            long t0 = System.nanoTime();
            Answer a = service.answer(q);
            long t = System.nanoTime() - t0;
            if (a.text() == null) {
                throw new IllegalStateException();
            }
            if (n == times.length) {
                times = Arrays.copyOf(times, n * 2);
            }
            times[n++] = t;
        }
        return Arrays.copyOf(times, n);
    }

    static String percentiles(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("p50 %d us, p99 %d us, p99.9 %d us, max %d us", s[s.length / 2] / 1000,
                s[(int) (s.length * 0.99)] / 1000, s[(int) (s.length * 0.999)] / 1000, s[s.length - 1] / 1000);
    }

    static long heapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    static void scale(int factor) throws Exception {
        Corpus seed = Seed.corpus();
        // -Dkotae.scale.dir=DIR keeps the generated corpus and its index in DIR/<factor>x and reuses
        // them on the next run (the index is rebuilt only when the corpus fingerprint differs).
        String keep = System.getProperty("kotae.scale.dir");
        Path work = keep != null ? Files.createDirectories(Path.of(keep, factor + "x"))
                : Files.createTempDirectory("kotae-scale-" + factor + "x-");
        Path corpusDir = work.resolve("corpus");
        Path indexDir = work.resolve("index");
        try {
            long t0 = System.nanoTime();
            if (keep == null || !Files.isDirectory(corpusDir)) {
                SyntheticCorpus.generate(seed, Seed.root(), factor, corpusDir, 42);
            }
            long generated = System.nanoTime();
            Corpus corpus = CorpusLoader.load(corpusDir);
            long loaded = System.nanoTime();
            Files.createDirectories(indexDir);
            Knowledge knowledge = Knowledge.openOrBuild(corpus, FSDirectory.open(indexDir));
            long built = System.nanoTime();
            long textBytes = size(corpusDir.resolve("documents"));
            long indexBytes = size(indexDir);
            KotaeService service = new KotaeService(knowledge, AnswerSettings.defaults());
            List<String> questions = new ArrayList<>(Seed.mixed(seed));
            // -Dkotae.answers=FILE writes each question's answer (every field but the time), to compare runs.
            String answers = System.getProperty("kotae.answers");
            if (answers != null) {
                List<String> lines = new ArrayList<>();
                for (String q : questions) {
                    lines.add(q + "\t" + service.answer(q).withTook(0));
                }
                Files.write(Path.of(answers.replace("%f", String.valueOf(factor))), lines);
            }
            long seconds = Long.getLong("kotae.scale.seconds", 20);
            run(service, questions, seconds * 500);
            long[] times = run(service, questions, seconds * 1_000);
            long sum = Arrays.stream(times).sum();
            System.out.printf("%dx: documents %.1f MB, %d passages; generate %.1f s, load %.1f s, build (analysis+index) %.1f s; "
                            + "index %.1f MB; %d answers, %.0f answers/s, %s; heap used after GC %.0f MB%n",
                    factor, textBytes / 1e6, corpus.passages().size(), (generated - t0) / 1e9, (loaded - generated) / 1e9,
                    (built - loaded) / 1e9, indexBytes / 1e6, times.length, times.length / (sum / 1e9), percentiles(times),
                    heapAfterGc() / 1e6);
            knowledge.close();
        } finally {
            if (keep == null) {
                delete(work);
            }
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
