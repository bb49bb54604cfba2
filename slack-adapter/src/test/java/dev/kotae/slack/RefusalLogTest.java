package dev.kotae.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kotae.adapter.RefusalLog;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The shared refusal log (Slack's and Teams' servers): a flood of bad requests is not a flood of lines. */
class RefusalLogTest {
    @Test
    void atMostTwentyLinesInAWindowWhateverIsSent() {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.kotae.test.refusals");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        RefusalLog refusals = new RefusalLog(logger);
        for (int i = 0; i < 10_000; i++) {
            refusals.warn("refused request {}", i);
        }
        assertEquals(RefusalLog.PER_WINDOW, lines.list.size());
        assertEquals("refused request 0", lines.list.get(0).getFormattedMessage());
    }
}
