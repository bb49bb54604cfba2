package dev.kotae.settings;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Every log line through SLF4J: java.util.logging (Lucene's notices, the JDK's HTTP server) is routed
 * there too, so a running adapter's stderr has one format, dated and levelled, set by one setting
 * ({@code KOTAE_LOG_LEVEL}; logback.xml passes levels back to java.util.logging, so a disabled JUL
 * statement costs nothing).
 */
public final class Logging {
    private Logging() {}

    /** Routes java.util.logging to SLF4J; idempotent. Call first thing in a main method. */
    public static synchronized void start() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }
}
