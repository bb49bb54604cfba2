package dev.kotae.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** java.util.logging through SLF4J: Lucene's notices come out as the adapters' own log lines do. */
class LoggingTest {
    /** A JVM of its own, so that this test's JUL and logback set-up is the one a main method makes. */
    public static void main(String[] args) {
        Logging.start();
        java.util.logging.Logger.getLogger("org.apache.lucene.store.Test").warning("a notice through JUL");
        java.util.logging.Logger.getLogger("org.apache.lucene.store.Test").fine("a detail nobody asked for");
        org.slf4j.LoggerFactory.getLogger("dev.kotae.Test").info("a line through SLF4J");
    }

    @Test
    void julWarningsBecomeDatedLevelledLogLines() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LoggingTest.class.getName()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        List<String> err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, p.exitValue(), err.toString());
        String dated = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} ";
        assertEquals(2, err.size(), err.toString());
        assertTrue(err.get(0).matches(dated + "WARN  \\[main] o\\.a\\.l\\.store\\.Test - a notice through JUL"), err.get(0));
        assertTrue(err.get(1).matches(dated + "INFO  \\[main] dev\\.kotae\\.Test - a line through SLF4J"), err.get(1));
    }
}
