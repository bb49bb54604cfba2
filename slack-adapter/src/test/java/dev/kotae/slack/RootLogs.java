package dev.kotae.slack;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** Everything logged while a test runs ({@link #list}), at a chosen level; {@link #close()} puts the root logger back. */
final class RootLogs extends ListAppender<ILoggingEvent> implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level levelBefore = root.getLevel();

    private RootLogs() {}

    /** @param level the root level while capturing, or null to leave it */
    static RootLogs capture(Level level) {
        RootLogs logs = new RootLogs();
        logs.start();
        logs.root.addAppender(logs);
        if (level != null) {
            logs.root.setLevel(level);
        }
        return logs;
    }

    @Override
    public void close() {
        root.detachAppender(this);
        root.setLevel(levelBefore);
    }
}
