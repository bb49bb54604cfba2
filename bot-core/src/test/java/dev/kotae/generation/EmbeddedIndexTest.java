package dev.kotae.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.answer.Answer;
import dev.kotae.answer.AnswerSettings;
import dev.kotae.answer.Knowledge;
import dev.kotae.answer.KotaeService;
import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.EmbeddedCorpus;
import dev.kotae.testing.CorpusCopies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index the build ships for the embedded corpus, and the tables beside it: used for that corpus
 * only, and answer-identical, whether the corpus was read (its tables then fit it too) or not at all.
 */
class EmbeddedIndexTest {
    @TempDir
    Path tmp;

    @Test
    void theShippedIndexAnswersExactlyAsOneBuiltAtStart() throws Exception {
        Corpus corpus = CorpusLoader.load(EmbeddedCorpus.root());
        Knowledge shipped = EmbeddedIndex.open(corpus).orElseThrow(() -> new AssertionError("the build ships kotae-index/"));
        Knowledge unread = EmbeddedIndex.openEmbedded().orElseThrow(() -> new AssertionError("the build ships its tables"));
        assertEquals(corpus, unread.corpus());
        List<String> questions = new ArrayList<>(Files.readAllLines(Path.of("../bench/golden/questions.txt")));
        assertTrue(questions.size() > 500, "the golden questions: " + questions.size());
        try (Knowledge built = Knowledge.build(corpus)) {
            KotaeService fromShipped = new KotaeService(shipped, AnswerSettings.defaults());
            KotaeService fromUnread = new KotaeService(unread, AnswerSettings.defaults());
            KotaeService fromBuilt = new KotaeService(built, AnswerSettings.defaults());
            for (String q : questions) {
                Answer expected = withoutTime(fromBuilt.answer(q));
                assertEquals(expected, withoutTime(fromShipped.answer(q)), q);
                assertEquals(expected, withoutTime(fromUnread.answer(q)), q);
            }
        } finally {
            shipped.close();
            unread.close();
        }
    }

    @Test
    void anyOtherCorpusIsIndexedAtStart() throws Exception {
        Path copy = CorpusCopies.of(tmp.resolve("corpus"));
        assertTrue(EmbeddedIndex.open(CorpusLoader.load(copy)).isPresent(), "an unchanged copy has the same content");
        Files.writeString(copy.resolve("documents/policy.md"), "# 社内規程\n\n## 9-1-1. パスワード\n\n12文字以上にします。\n");
        assertTrue(EmbeddedIndex.open(CorpusLoader.load(copy)).isEmpty());
        KotaeService service = Services.start(copy, null, AnswerSettings.defaults());
        assertTrue(service.answer("パスワードは何文字以上？").text().contains("12文字以上"));
    }

    private static Answer withoutTime(Answer a) {
        return a.withTook(0);
    }
}
