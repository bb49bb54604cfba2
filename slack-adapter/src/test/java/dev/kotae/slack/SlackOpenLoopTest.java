package dev.kotae.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Overload without silence ({@link OpenLoop}): events arrive faster than the workers can answer, and
 * every acknowledged one still gets exactly one reply. The old adapter acknowledged everything and
 * dropped the busy replies its one busy thread could not send: at ~340 events/s, 39% got nothing.
 */
class SlackOpenLoopTest {
    @Test
    void aboveCapacityEveryAcknowledgedQuestionGetsOneReply() throws Exception {
        // 2 workers and a 50 ms Web API answer at most ~20 questions/s; 150/s for 4 s is far above that,
        // and above what the busy lane can take as well.
        OpenLoop.Report r = OpenLoop.run(new OpenLoop.Options(150, 4, Duration.ofMillis(50), 2, 8));
        System.out.print(r.summary());
        // A client timeout is possible on a loaded 2-core machine; a 200 or 503 is the rule.
        assertTrue(r.other() <= r.sent() / 50, r.summary());
        assertEquals(0, r.silent(), "acknowledged and never answered: " + r.summary());
        assertEquals(0, r.doubled(), r.summary());
        assertTrue(r.refused() > 0, "the run was above capacity: " + r.summary());
        assertTrue(r.answered() > 0, r.summary());
        JsonNode health = FakeSlackApi.JSON.readTree(r.health().replaceAll(" client errors .*$", ""));
        JsonNode q = health.path("questions");
        // What the server counts as acknowledged is what the clients saw acknowledged (timeouts aside).
        int serverAcked = q.path("accepted").asInt() + q.path("busy").asInt();
        assertTrue(serverAcked >= r.acked() && serverAcked <= r.acked() + r.other(), r.health());
        assertTrue(q.path("refused").asInt() + health.path("http").path("overloaded").asInt() >= r.refused(), r.health());
        assertEquals(q.path("accepted").asInt(), q.path("answered").asInt(), r.health());
    }

    /** {@code scripts/load.sh slack --open RATE}: the default workers and queue at RATE events/s. */
    @Test
    @EnabledIfSystemProperty(named = "kotae.load.open", matches = "[1-9][0-9]*")
    void openLoopRun() throws Exception {
        int rate = Integer.getInteger("kotae.load.open");
        int seconds = Integer.getInteger("kotae.load.seconds", 10);
        long latency = Long.getLong("kotae.load.apiLatencyMs", 100);
        OpenLoop.Report r = OpenLoop.run(new OpenLoop.Options(rate, seconds, Duration.ofMillis(latency), 0, 0));
        Files.writeString(Path.of("target", "load-slack-open.txt"), r.summary());
        System.out.print(r.summary());
        assertEquals(0, r.silent(), r.summary());
        assertEquals(0, r.doubled(), r.summary());
        // Requests that failed on the way (a connection closed under a saturated machine) are in `other`:
        // the server never counted them, so Slack would simply deliver them again.
        JsonNode q = FakeSlackApi.JSON.readTree(r.health().replaceAll(" client errors .*$", "")).path("questions");
        assertEquals(r.acked(), q.path("accepted").asInt() + q.path("busy").asInt(), r.summary());
    }
}
