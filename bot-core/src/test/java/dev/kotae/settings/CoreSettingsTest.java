package dev.kotae.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.answer.AnswerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoreSettingsTest {
    @TempDir
    Path tmp;

    @Test
    void unsetOrBlankMeansTheDefaults() throws Exception {
        CoreSettings s = CoreSettings.from(new Environment(Map.of("KOTAE_HANDOFF", "  ", "KOTAE_MIN_CONFIDENCE", "")));
        assertNull(s.corpusDir());
        assertNull(s.indexDir());
        assertFalse(s.reindexWatch());
        assertEquals(AnswerSettings.defaults(), s.answer());
        assertNull(s.logLevel());
        assertFalse(s.debug());
    }

    @Test
    void everySettingIsParsed() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        CoreSettings s = CoreSettings.from(new Environment(Map.of("KOTAE_CORPUS_DIR", corpus + " ", "KOTAE_INDEX_DIR",
                tmp.resolve("index").toString(), "KOTAE_REINDEX_WATCH", "TRUE", "KOTAE_MIN_CONFIDENCE", "0.75",
                "KOTAE_HANDOFF", "総務部（内線 1234）へどうぞ。", "KOTAE_LOG_LEVEL", "debug", "KOTAE_DEBUG", "1")));
        assertEquals(corpus, s.corpusDir());
        assertEquals(tmp.resolve("index"), s.indexDir());
        assertTrue(s.reindexWatch());
        assertEquals(0.75, s.answer().threshold());
        assertEquals("総務部（内線 1234）へどうぞ。", s.answer().handoff());
        assertEquals("DEBUG", s.logLevel());
        assertTrue(s.debug());
    }

    /** Each malformed value: one line naming the variable, what is wrong, and an example of a good value. */
    @Test
    void aMalformedValueIsOneLineWithTheVariableTheProblemAndAnExample() throws Exception {
        Files.writeString(tmp.resolve("a-file"), "x");
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("KOTAE_MIN_CONFIDENCE=abc", "KOTAE_MIN_CONFIDENCE の値「abc」は 0 から 1 の数にしてください（例: KOTAE_MIN_CONFIDENCE=0.5）");
        bad.put("KOTAE_MIN_CONFIDENCE=1.5", "KOTAE_MIN_CONFIDENCE の値「1.5」は 0 から 1 の数にしてください（例: KOTAE_MIN_CONFIDENCE=0.5）");
        bad.put("KOTAE_MIN_CONFIDENCE=NaN", "KOTAE_MIN_CONFIDENCE の値「NaN」は 0 から 1 の数にしてください（例: KOTAE_MIN_CONFIDENCE=0.5）");
        bad.put("KOTAE_REINDEX_WATCH=yes please", "KOTAE_REINDEX_WATCH の値「yes please」は true か false にしてください（例: KOTAE_REINDEX_WATCH=true）");
        bad.put("KOTAE_LOG_LEVEL=LOUD", "KOTAE_LOG_LEVEL の値「LOUD」は TRACE、DEBUG、INFO、WARN、ERROR、OFF のどれかにしてください（例: KOTAE_LOG_LEVEL=DEBUG）");
        bad.put("KOTAE_CORPUS_DIR=" + tmp.resolve("missing"), "KOTAE_CORPUS_DIR のフォルダ「" + tmp.resolve("missing") + "」がありません");
        bad.put("KOTAE_INDEX_DIR=" + tmp.resolve("a-file"), "KOTAE_INDEX_DIR の「" + tmp.resolve("a-file") + "」はフォルダではなくファイルです");
        bad.put("KOTAE_HANDOFF=一行目\n二行目", "KOTAE_HANDOFF の値は、改行や制御文字を含まない 500 文字以内の一行にしてください");
        bad.put("KOTAE_DEBUG=sometimes", "KOTAE_DEBUG の値「sometimes」は true か false にしてください");
        bad.put("KOTAE_MAX_DOCUMENT_MB=0", "KOTAE_MAX_DOCUMENT_MB の値「0」は 1 から 4096 の整数にしてください（例: KOTAE_MAX_DOCUMENT_MB=50）");
        bad.put("KOTAE_INDEX_LOCK_WAIT_SECONDS=soon", "KOTAE_INDEX_LOCK_WAIT_SECONDS の値「soon」は 0 から 86400 の整数にしてください");
        for (var entry : bad.entrySet()) {
            String[] kv = entry.getKey().split("=", 2);
            var e = assertThrows(SettingException.class, () -> CoreSettings.from(new Environment(Map.of(kv[0], kv[1]))), entry.getKey());
            assertEquals(kv[0], e.variable());
            assertTrue(e.getMessage().startsWith(entry.getValue()), e.getMessage());
            assertTrue(e.getMessage().contains("（例: " + kv[0] + "="), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    @Test
    void aValueShownInAMessageIsCutAndHasNoControlCharacters() {
        var e = assertThrows(SettingException.class,
                () -> CoreSettings.from(new Environment(Map.of("KOTAE_MIN_CONFIDENCE", "\u001b[31m" + "9".repeat(100)))));
        assertFalse(e.getMessage().contains("\u001b"), e.getMessage());
        assertFalse(e.getMessage().contains("9".repeat(50)), e.getMessage());
    }
}
