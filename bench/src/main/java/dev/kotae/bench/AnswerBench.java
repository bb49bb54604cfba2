package dev.kotae.bench;

import dev.kotae.answer.Answer;
import dev.kotae.answer.AnswerKind;
import dev.kotae.answer.AnswerSettings;
import dev.kotae.answer.Knowledge;
import dev.kotae.answer.KotaeService;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Answering one question, by the kind of answer it gets, on one and two threads sharing one
 * service (as the adapters do). Each invocation asks the next question of the kind's list.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xss4m", "--enable-native-access=ALL-UNNAMED"})
public class AnswerBench {
    @State(Scope.Benchmark)
    public static class Service {
        @Param({"glossary", "faq", "case", "passage", "none", "mixed"})
        public String kind;

        KotaeService service;
        List<String> questions;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            Knowledge knowledge = Knowledge.build(Seed.corpus());
            service = new KotaeService(knowledge, AnswerSettings.defaults());
            if (kind.equals("mixed")) {
                questions = Seed.mixed(knowledge.corpus());
            } else {
                AnswerKind wanted = AnswerKind.valueOf(kind.toUpperCase(Locale.ROOT));
                questions = Seed.byKind(knowledge, 20).get(wanted);
                if (questions == null || questions.isEmpty()) {
                    throw new IllegalStateException("no seed question gets a " + kind + " answer");
                }
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            service.knowledge().close();
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    private static Answer ask(Service s, Cursor c) {
        String q = s.questions.get(c.next++ % s.questions.size());
        return s.service.answer(q);
    }

    @Benchmark
    @Threads(1)
    public Answer oneThread(Service s, Cursor c) {
        return ask(s, c);
    }

    @Benchmark
    @Threads(2)
    public Answer twoThreads(Service s, Cursor c) {
        return ask(s, c);
    }
}
