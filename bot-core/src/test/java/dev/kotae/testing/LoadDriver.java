package dev.kotae.testing;

import dev.kotae.answer.AnswerKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load run against one chat adapter on loopback. Each of N clients behaves like a user:
 * it sends one event, records the time to the HTTP response (the ack) and its status, then waits for that
 * event's answer to reach the fake platform API before it sends the next. The run is bounded: it stops
 * at the wall-time limit or the event cap, whichever comes first, and every wait has a timeout.
 *
 * <p>At the end it checks that there were no errors (non-2xx acks, exceptions, answer timeouts), that
 * every event was answered exactly once (no missing answer, no duplicate, no post for an unknown
 * event) and that every answer is the text the core gives for that question. The adapter's fake calls
 * {@link #answered} for every answer it receives.
 */
public final class LoadDriver {
    /**
     * What a run is allowed: clients, wall time, an event cap, how long to wait for one answer and for
     * late duplicates; and how long the fake platform API takes per call ({@code apiLatency}: 0 on
     * loopback; the real Slack Web API or Bot Connector takes ~100 ms and more).
     */
    public record Options(int clients, Duration duration, long maxEvents, Duration answerTimeout, Duration grace,
                          Duration apiLatency) {
        public Options {
            if (clients < 1 || duration.isNegative() || duration.isZero() || maxEvents < 1 || apiLatency.isNegative()) {
                throw new IllegalArgumentException("clients, duration and maxEvents must be positive");
            }
        }

        public static Options of(int clients, int seconds) {
            return new Options(clients, Duration.ofSeconds(seconds), 200_000, Duration.ofSeconds(15), Duration.ofSeconds(2),
                    Duration.ZERO);
        }

        /** The default suite's smoke run: 4 clients for 3 s, half a second's wait for late duplicates. */
        public static Options smoke() {
            return new Options(4, Duration.ofSeconds(3), 200_000, Duration.ofSeconds(15), Duration.ofMillis(500), Duration.ZERO);
        }

        public Options withApiLatency(Duration latency) {
            return new Options(clients, duration, maxEvents, answerTimeout, grace, latency);
        }

        /**
         * {@code kotae.load.clients}, {@code kotae.load.seconds}, {@code kotae.load.maxEvents} and
         * {@code kotae.load.apiLatencyMs} override the defaults.
         */
        public static Options fromSystemProperties(int clients, int seconds) {
            Options d = of(Integer.getInteger("kotae.load.clients", clients), Integer.getInteger("kotae.load.seconds", seconds));
            return new Options(d.clients(), d.duration(), Long.getLong("kotae.load.maxEvents", d.maxEvents()),
                    d.answerTimeout(), d.grace(), Duration.ofMillis(Long.getLong("kotae.load.apiLatencyMs", 0)));
        }
    }

    /** One event, ready to go: the key its answer will carry, the text that answer must have, and how to send it. */
    public record Prepared(String key, String expected, Send send) {}

    @FunctionalInterface
    public interface Send {
        /** Sends the event over HTTP and returns the response status. */
        int send() throws Exception;
    }

    /** The adapter under load: turns a question from a client into an event. */
    @FunctionalInterface
    public interface Target {
        Prepared prepare(int client, long seq, LoadQuestions.Question question) throws Exception;
    }

    private static final class Pending {
        final LoadQuestions.Question question;
        final String expected;
        final long sentNanos;
        final CountDownLatch answered = new CountDownLatch(1);
        final AtomicInteger posts = new AtomicInteger();
        volatile long answerNanos = -1;
        volatile int status;

        Pending(LoadQuestions.Question question, String expected, long sentNanos) {
            this.question = question;
            this.expected = expected;
            this.sentNanos = sentNanos;
        }
    }

    private final String name;
    private final Options options;
    private final LoadQuestions questions;
    private final Target target;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong unknownPosts = new AtomicLong();
    private final AtomicLong duplicatePosts = new AtomicLong();
    private final AtomicLong wrongText = new AtomicLong();
    private final List<String> samples = java.util.Collections.synchronizedList(new ArrayList<>());

    public LoadDriver(String name, Options options, LoadQuestions questions, Target target) {
        this.name = name;
        this.options = options;
        this.questions = questions;
        this.target = target;
    }

    /** Called by the fake platform for every answer it receives: the event's key and the answer's text. */
    public void answered(String key, String text) {
        Pending p = key == null ? null : pending.get(key);
        if (p == null) {
            unknownPosts.incrementAndGet();
            sample("a post for an unknown event: " + key);
            return;
        }
        if (p.posts.incrementAndGet() > 1) {
            duplicatePosts.incrementAndGet();
            sample("a second post for " + key);
            return;
        }
        p.answerNanos = System.nanoTime() - p.sentNanos;
        if (!p.expected.equals(text)) {
            wrongText.incrementAndGet();
            sample("wrong answer for " + key + " (" + clip(p.question.text()) + "): " + clip(text));
        }
        p.answered.countDown();
    }

    private void sample(String s) {
        if (samples.size() < 10) {
            samples.add(s);
        }
    }

    private static String clip(String s) {
        if (s == null) {
            return "null";
        }
        String t = s.replace('\n', ' ');
        return t.length() > 120 ? t.substring(0, 120) + "…" : t;
    }

    /** Per client: its latencies and its errors. */
    private static final class Client {
        long[] acks = new long[1024];
        long[] answers = new long[1024];
        int n;
        int answered;
        long non2xx;
        long exceptions;
        long timeouts;
        final Map<AnswerKind, List<Long>> byKind = new EnumMap<>(AnswerKind.class);

        void ack(long nanos) {
            if (n == acks.length) {
                acks = Arrays.copyOf(acks, n * 2);
            }
            acks[n++] = nanos;
        }

        void answer(long nanos, AnswerKind kind) {
            if (answered == answers.length) {
                answers = Arrays.copyOf(answers, answered * 2);
            }
            answers[answered++] = nanos;
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(nanos);
        }
    }

    /** Runs the load and returns its report; {@link Report#check()} fails on any violation. */
    public Report run() throws InterruptedException {
        double loadBefore = loadAverage();
        AtomicLong issued = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + options.duration().toNanos();
        Client[] clients = new Client[options.clients()];
        Thread[] threads = new Thread[options.clients()];
        AtomicReference<Throwable> crashed = new AtomicReference<>();
        for (int c = 0; c < clients.length; c++) {
            Client client = clients[c] = new Client();
            int id = c;
            threads[c] = Thread.ofPlatform().name("load-" + name + "-" + c).daemon().unstarted(() -> {
                try {
                    loop(id, client, issued, deadline);
                } catch (Throwable t) {
                    crashed.compareAndSet(null, t);
                }
            });
        }
        for (Thread t : threads) {
            t.start();
        }
        // Hard stop: the duration, plus one answer timeout and a margin for the last request in flight.
        long hardStop = deadline + options.answerTimeout().toNanos() + TimeUnit.SECONDS.toNanos(30);
        boolean stuck = false;
        for (Thread t : threads) {
            long left = hardStop - System.nanoTime();
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            if (t.isAlive()) {
                stuck = true;
                t.interrupt();
            }
        }
        long elapsed = System.nanoTime() - start;
        Thread.sleep(options.grace().toMillis()); // late duplicates would arrive now
        return report(clients, elapsed, loadBefore, stuck, crashed.get());
    }

    private void loop(int id, Client client, AtomicLong issued, long deadline) throws InterruptedException {
        SplittableRandom random = new SplittableRandom(0x6b6f746165L + id);
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            long seq = issued.getAndIncrement();
            if (seq >= options.maxEvents()) {
                return;
            }
            LoadQuestions.Question q = questions.next(random);
            Prepared event;
            try {
                event = target.prepare(id, seq, q);
            } catch (Exception e) {
                client.exceptions++;
                sample("could not prepare an event: " + e);
                continue;
            }
            long sent = System.nanoTime();
            Pending p = new Pending(q, event.expected(), sent);
            if (pending.putIfAbsent(event.key(), p) != null) {
                throw new IllegalStateException("two events with the key " + event.key());
            }
            int status;
            try {
                status = event.send().send();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                client.exceptions++;
                sample("request failed: " + e);
                continue;
            }
            client.ack(System.nanoTime() - sent);
            p.status = status;
            if (status / 100 != 2) {
                client.non2xx++;
                sample("HTTP " + status + " for " + event.key());
                continue;
            }
            if (!p.answered.await(options.answerTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                client.timeouts++;
                sample("no answer within " + options.answerTimeout().toSeconds() + " s for " + event.key());
                continue;
            }
            client.answer(p.answerNanos, q.kind());
        }
    }

    private Report report(Client[] clients, long elapsedNanos, double loadBefore, boolean stuck, Throwable crashed) {
        long[] acks = merge(clients, true);
        long[] answers = merge(clients, false);
        long non2xx = 0;
        long exceptions = 0;
        long timeouts = 0;
        Map<AnswerKind, List<Long>> byKind = new EnumMap<>(AnswerKind.class);
        for (Client c : clients) {
            non2xx += c.non2xx;
            exceptions += c.exceptions;
            timeouts += c.timeouts;
            c.byKind.forEach((k, v) -> byKind.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        }
        long missing = 0;
        long rejectedButAnswered = 0;
        for (Pending p : pending.values()) {
            boolean ok = p.status / 100 == 2;
            if (ok && p.posts.get() == 0) {
                missing++;
            } else if (!ok && p.posts.get() > 0) {
                rejectedButAnswered++;
            }
        }
        List<String> violations = new ArrayList<>();
        if (stuck) {
            violations.add("a client was still running at the hard stop");
        }
        if (crashed != null) {
            violations.add("a client crashed: " + crashed);
        }
        count(violations, non2xx, "non-2xx acks");
        count(violations, exceptions, "request exceptions");
        count(violations, timeouts, "answers not received within " + options.answerTimeout().toSeconds() + " s");
        count(violations, missing, "events never answered");
        count(violations, duplicatePosts.get(), "duplicate answers");
        count(violations, unknownPosts.get(), "posts for unknown events");
        count(violations, wrongText.get(), "answers that are not the core's answer");
        count(violations, rejectedButAnswered, "rejected events answered anyway");
        if (acks.length == 0) {
            violations.add("no event was acknowledged");
        }
        return new Report(name, options, pending.size(), acks, answers, byKind, elapsedNanos, loadBefore, loadAverage(),
                non2xx, exceptions, timeouts, missing, duplicatePosts.get(), unknownPosts.get(), wrongText.get(),
                List.copyOf(violations), List.copyOf(samples));
    }

    private static void count(List<String> violations, long n, String what) {
        if (n > 0) {
            violations.add(n + " " + what);
        }
    }

    private static long[] merge(Client[] clients, boolean acks) {
        int total = 0;
        for (Client c : clients) {
            total += acks ? c.n : c.answered;
        }
        long[] all = new long[total];
        int i = 0;
        for (Client c : clients) {
            int n = acks ? c.n : c.answered;
            System.arraycopy(acks ? c.acks : c.answers, 0, all, i, n);
            i += n;
        }
        Arrays.sort(all);
        return all;
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** What a run measured, and what it violated. */
    public record Report(String name, Options options, long events, long[] acks, long[] answers,
                         Map<AnswerKind, List<Long>> byKind, long elapsedNanos, double loadBefore, double loadAfter,
                         long non2xx, long exceptions, long timeouts, long missing, long duplicates, long unknown,
                         long wrongText, List<String> violations, List<String> samples) {

        public long errors() {
            return non2xx + exceptions + timeouts + missing + duplicates + unknown + wrongText;
        }

        public boolean passed() {
            return violations.isEmpty();
        }

        /** Fails with the summary and every violation when the run broke a rule. */
        public Report check() {
            if (!passed()) {
                throw new AssertionError("load " + name + " failed: " + String.join("; ", violations) + "\n" + summary()
                        + (samples.isEmpty() ? "" : "\nexamples:\n  " + String.join("\n  ", samples)));
            }
            return this;
        }

        public double seconds() {
            return elapsedNanos / 1e9;
        }

        static double ms(long[] sorted, double quantile) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(quantile * sorted.length); // nearest rank
            return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] / 1e6;
        }

        public double ackMs(double quantile) {
            return ms(acks, quantile);
        }

        public double answerMs(double quantile) {
            return ms(answers, quantile);
        }

        /** The summary table, as printed at the end of a run. */
        public String summary() {
            StringBuilder s = new StringBuilder();
            String line = "-".repeat(78) + "\n";
            s.append(line);
            s.append(String.format(Locale.ROOT, "Kotae load: %s, %d clients, %.1f s (limits: %d s, %,d events), platform API %d ms/call%n",
                    name, options.clients(), seconds(), options.duration().toSeconds(), options.maxEvents(),
                    options.apiLatency().toMillis()));
            s.append(String.format(Locale.ROOT, "machine       %d cores, load average %.2f before, %.2f after, Java %s%n",
                    Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter, Runtime.version()));
            s.append(String.format(Locale.ROOT, "events        %,d sent, %,d acked, %,d answered%n", events, acks.length,
                    answers.length));
            s.append(String.format(Locale.ROOT, "throughput    %.1f acks/s, %.1f answers/s%n", acks.length / seconds(),
                    answers.length / seconds()));
            s.append(String.format(Locale.ROOT, "ack           p50 %s  p95 %s  p99 %s  max %s%n", f(ackMs(0.50)), f(ackMs(0.95)),
                    f(ackMs(0.99)), f(ackMs(1.0))));
            s.append(String.format(Locale.ROOT, "answer        p50 %s  p95 %s  p99 %s  max %s   (event sent → answer at the fake)%n",
                    f(answerMs(0.50)), f(answerMs(0.95)), f(answerMs(0.99)), f(answerMs(1.0))));
            s.append("by kind      ");
            byKind.forEach((kind, list) -> {
                long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
                s.append(String.format(Locale.ROOT, " %s %,d (p50 %s, p99 %s);", kind.label(), sorted.length,
                        f(ms(sorted, 0.5)), f(ms(sorted, 0.99))));
            });
            s.append('\n');
            s.append(String.format(Locale.ROOT, "errors        %d  (non-2xx %d, exceptions %d, timeouts %d, missing %d, "
                    + "duplicates %d, unknown posts %d, wrong text %d)%n", errors(), non2xx, exceptions, timeouts, missing,
                    duplicates, unknown, wrongText));
            s.append("result        ").append(passed() ? "PASS" : "FAIL: " + String.join("; ", violations)).append('\n');
            s.append(line);
            return s.toString();
        }

        private static String f(double ms) {
            return Double.isNaN(ms) ? "-" : String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : "%.0f ms", ms);
        }

        /** Prints the summary and writes it to {@code target/load-NAME.txt}. */
        public Report print() {
            System.out.print(summary());
            System.out.flush();
            try {
                Files.createDirectories(Path.of("target"));
                Files.writeString(Path.of("target", "load-" + name.replaceAll("[^A-Za-z0-9_-]", "_") + ".txt"), summary(),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.err.println("could not write the load summary: " + e.getMessage());
            }
            return this;
        }
    }
}
