package dev.kotae.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The shipped artifacts: the runnable jar with a plain {@code java -jar}, and the Teams app package zip. */
class TeamsJarIT {
    static final Path JAR = Path.of(System.getProperty("kotae.teams.jar", "target/kotae-teams.jar"));
    static final Path APP_ZIP = Path.of(System.getProperty("kotae.teams.appzip", "target/kotae-teams-app.zip"));

    static final java.util.regex.Pattern LISTENING = java.util.regex.Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/api/messages");

    static ProcessBuilder javaJar(Map<String, String> env) {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder pb = new ProcessBuilder(java, "-jar", JAR.toString());
        for (String name : List.of("MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId", "KOTAE_TEAMS_DEV",
                "KOTAE_TEAMS_PORT", "KOTAE_ADMINS", "KOTAE_CORPUS_DIR", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
            pb.environment().remove(name);
        }
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        return pb;
    }

    @Test
    void plainJavaJarAnswersOverTheRealProtocol() throws Exception {
        Process process = javaJar(Map.of("KOTAE_TEAMS_DEV", "true", "KOTAE_TEAMS_PORT", "0")).start(); // 0: a free port, logged
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger port = new java.util.concurrent.atomic.AtomicInteger();
        CountDownLatch listening = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    output.add(line);
                    java.util.regex.Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.set(Integer.parseInt(m.group(1)));
                        listening.countDown();
                    }
                }
            } catch (Exception ignored) {
                // the process ended
            }
        });
        reader.start();
        try (FakeConnector connector = new FakeConnector()) {
            assertTrue(listening.await(90, TimeUnit.SECONDS), "the jar started: " + output);
            assertTrue(output.stream().anyMatch(l -> l.contains("KOTAE_TEAMS_DEV=true") && l.contains("127.0.0.1 only")),
                    "dev mode warns at start: " + output);
            // java.util.logging (Lucene's notices) goes through SLF4J: every line at start is dated and levelled.
            java.util.regex.Pattern logLine = java.util.regex.Pattern.compile(
                    "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} (TRACE|DEBUG|INFO |WARN |ERROR) \\[[^]]+] \\S+ - .*");
            List<String> started = List.copyOf(output);
            assertFalse(started.isEmpty());
            started.forEach(line -> assertTrue(logLine.matcher(line).matches(), "a dated, levelled log line: " + line + " in " + started));
            assertEquals(200, Activities.get(port.get(), "/healthz").statusCode());
            assertEquals(200, Activities.post(port.get(), Activities.channelWithMention(connector.url(), "WAFとは？"), null).statusCode());
            List<FakeConnector.Received> received = connector.received();
            assertEquals(1, received.size(), "one reply; jar output: " + output);
            JsonNode reply = received.get(0).body();
            assertEquals(AnswerCards.CONTENT_TYPE, reply.path("attachments").path(0).path("contentType").asText());
            assertEquals(AnswerCards.plainText(SharedService.get().answer("WAFとは？")), reply.path("text").asText());
            assertFalse(String.join("\n", output).contains("InaccessibleObjectException"), String.join("\n", output));
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void refusesToStartWithoutAnAppId() throws Exception {
        Process process = javaJar(Map.of()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        assertTrue(out.contains("MicrosoftAppId が設定されていません"), out);
        assertFalse(out.contains("Exception"), "no stack trace: " + out);
    }

    @Test
    void appPackageZipHoldsTheManifestAndIcons() throws Exception {
        try (ZipFile zip = new ZipFile(APP_ZIP.toFile())) {
            assertTrue(zip.getEntry("manifest.json") != null);
            assertTrue(zip.getEntry("color.png") != null);
            assertTrue(zip.getEntry("outline.png") != null);
            String manifest = new String(zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(manifest.contains("${"), "the bot id is filled in");
            JsonNode json = AnswerCards.JSON.readTree(manifest);
            assertEquals(json.path("id").asText(), json.path("bots").path(0).path("botId").asText());
        }
        assertTrue(Files.size(JAR) > 1_000_000);
    }
}
