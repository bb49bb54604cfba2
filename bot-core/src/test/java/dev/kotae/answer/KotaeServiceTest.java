package dev.kotae.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.EmbeddedCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KotaeServiceTest {

    /** A generation whose on-disk index was closed under the service is a failure an adapter can meet. */
    @Test
    void aFailureWhileAnsweringIsAnHonestNoneWithTheConfiguredHandOff(@TempDir Path dir) throws Exception {
        Knowledge knowledge = Knowledge.buildInto(CorpusLoader.load(EmbeddedCorpus.root()), FSDirectory.open(dir));
        List<ActivityLog.Unanswered> unanswered = new ArrayList<>();
        ActivityLog log = new ActivityLog() {
            @Override
            public void audit(AuditEntry entry) {}

            @Override
            public void feedback(Feedback entry) {}

            @Override
            public void unanswered(Unanswered entry) {
                unanswered.add(entry);
            }
        };
        var settings = new AnswerSettings(0.5, "総務部の山田までどうぞ。", 2000);
        KotaeService kotae = new KotaeService(knowledge, settings, null, log);
        // A passage answer: it needs the index (an FAQ rule close enough to the question answers from
        // memory, with no search).
        String question = "IoT機器のリスク対策は？";
        assertNotEquals(AnswerKind.NONE, kotae.answer(question).kind(), "answered while the index is open");

        knowledge.close();
        Answer answer = kotae.answer(question);

        assertEquals(AnswerKind.NONE, answer.kind());
        assertTrue(answer.citations().isEmpty(), "a failed answer cites nothing");
        assertTrue(answer.text().endsWith("総務部の山田までどうぞ。"), answer.text());
        assertEquals(1, unanswered.size(), "the failure is recorded as unanswered");
    }
}
