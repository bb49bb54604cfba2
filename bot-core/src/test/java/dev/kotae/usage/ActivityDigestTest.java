package dev.kotae.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.answer.ActivityLog;
import dev.kotae.answer.AnswerKind;
import dev.kotae.answer.AnswerSettings;
import dev.kotae.answer.Feedback;
import dev.kotae.answer.KotaeService;
import dev.kotae.answer.Knowledge;
import dev.kotae.answer.NearestSources;
import dev.kotae.answer.Question;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.EmbeddedCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivityDigestTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void theServiceLogsEveryAnswerForUsageWithoutTextOrUser(@TempDir Path dir) throws Exception {
        try (Knowledge k = Knowledge.build(CorpusLoader.load(EmbeddedCorpus.root()))) {
            KotaeService service = new KotaeService(k, AnswerSettings.defaults(), null, new FileActivityLog(dir));
            service.answer(new Question("WAFとは？", "slack", "U-SECRET"));
            service.answer(new Question("社員食堂の営業時間は何時から？", "teams", "aad-secret"));
            String usage = Files.readString(dir.resolve(FileActivityLog.USAGE));
            assertEquals(2, usage.lines().count());
            assertTrue(usage.contains("\"kind\":\"glossary\"") && usage.contains("用語集「WAF（ワフ）」"), usage);
            assertTrue(!usage.contains("U-SECRET") && !usage.contains("aad-secret") && !usage.contains("社員食堂"),
                    "neither the asker nor the question is in the usage log: " + usage);

            ActivityDigest digest = new ActivityDigest(dir, TOKYO, q -> NearestSources.topicKey(k, q));
            digest.refresh();
            var view = digest.usage(ActivityDigest.Filter.all(), 10);
            assertEquals(2, view.total());
            assertEquals(1, view.none());
            assertEquals(List.of(new ActivityDigest.Topic("用語集「WAF（ワフ）」", 1)), view.glossaryTerms());
            assertEquals(1, digest.unanswered(ActivityDigest.Filter.all(), 10).total());
        }
    }

    @Test
    void groupsCountsFiltersAndReadsOnlyWhatWasAppended(@TempDir Path dir) throws Exception {
        FileActivityLog log = new FileActivityLog(dir);
        Instant day1 = Instant.parse("2026-11-01T03:00:00Z"); // 12:00 in Tokyo
        Instant lateDay1 = Instant.parse("2026-11-01T16:30:00Z"); // 01:30 on 11-02 in Tokyo
        log.unanswered(new ActivityLog.Unanswered(day1, "slack", "VPNの料金は？", AnswerKind.NONE, 0));
        log.unanswered(new ActivityLog.Unanswered(day1, "teams", "vpnの料金は", AnswerKind.NONE, 0));
        log.unanswered(new ActivityLog.Unanswered(lateDay1, "slack", "社員食堂は？", AnswerKind.NONE, 0));
        ActivityDigest digest = new ActivityDigest(dir, TOKYO, q -> q.contains("食堂") ? "食堂" : "vpn 料金");
        digest.refresh();

        var all = digest.unanswered(ActivityDigest.Filter.all(), 10);
        assertEquals(3, all.total());
        assertEquals("vpn 料金", all.groups().get(0).key(), "most frequent first");
        assertEquals(2, all.groups().get(0).count());
        assertEquals(2, all.groups().get(0).phrasings().size());
        assertEquals(1, all.perDay().get(LocalDate.of(2026, 11, 2)), "days are Tokyo days");

        var slackOnly = digest.unanswered(new ActivityDigest.Filter(null, null, "slack"), 10);
        assertEquals(2, slackOnly.total());
        var secondDay = digest.unanswered(new ActivityDigest.Filter(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 2), null), 10);
        assertEquals(List.of("食堂"), secondDay.groups().stream().map(ActivityDigest.Group::key).toList());

        // A torn line, a line that is not JSON, one whose time is not UTF-8, then a good one: only the bad are skipped.
        Path file = dir.resolve(FileActivityLog.UNANSWERED);
        Files.write(file, "{\"at\":\"2026-11-03T00:00:00Z\",\"platform\":\"slack\",\"question\":\"壊れ\n".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        Files.write(file, "not json\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        Files.write(file, new byte[] {'{', '"', 'a', 't', '"', ':', '"', (byte) 0xff, '"', '}', '\n'}, StandardOpenOption.APPEND);
        log.unanswered(new ActivityLog.Unanswered(Instant.parse("2026-11-03T00:00:00Z"), "slack", "VPNの料金は？", AnswerKind.NONE, 0));
        byte[] badByte = "{\"at\":\"2026-11-03T00:00:00Z\",\"platform\":\"slack\",\"question\":\"VPN?の料金\"}\n".getBytes(StandardCharsets.UTF_8);
        badByte[badByte.length - 13] = (byte) 0xff; // the '?' becomes a byte that is not UTF-8
        Files.write(file, badByte, StandardOpenOption.APPEND);
        digest.refresh();
        assertEquals(5, digest.unanswered(ActivityDigest.Filter.all(), 10).total(),
                "appended lines are added, bad ones skipped, a bad byte in a question costs one character");
        assertTrue(digest.unanswered(ActivityDigest.Filter.all(), 10).groups().stream()
                .anyMatch(g -> g.phrasings().stream().anyMatch(p -> p.text().equals("VPN\uFFFDの料金"))));
        assertEquals(3, digest.counts().skipped());

        // A log replaced (rotated) is read again from its start.
        Files.writeString(file, "");
        log.unanswered(new ActivityLog.Unanswered(day1, "slack", "社員食堂は？", AnswerKind.NONE, 0));
        digest.refresh();
        assertEquals(1, digest.unanswered(ActivityDigest.Filter.all(), 10).total());
    }

    @Test
    void feedbackIsCountedPerDayAndKindAndTheUnhelpfulAnswersRankFirst(@TempDir Path dir) {
        FileActivityLog log = new FileActivityLog(dir);
        Instant at = Instant.parse("2026-11-05T01:00:00Z");
        log.feedback(new Feedback(at, "slack", "ISMSの費用は？", AnswerKind.PASSAGE, List.of("テキスト 4-3-2"), false));
        log.feedback(new Feedback(at, "teams", "ISMSの費用は？", AnswerKind.PASSAGE, List.of("テキスト 4-3-2"), false));
        log.feedback(new Feedback(at, "slack", "WAFとは？", AnswerKind.GLOSSARY, List.of("用語集「WAF（ワフ）」"), true));
        ActivityDigest digest = new ActivityDigest(dir, TOKYO, q -> q);
        digest.refresh();
        var view = digest.feedback(ActivityDigest.Filter.all(), 10);
        assertEquals(1, view.up());
        assertEquals(2, view.down());
        assertEquals(2, view.perKind().get("passage")[1]);
        assertEquals("ISMSの費用は？", view.unhelpful().get(0).question());
        assertEquals(2, view.unhelpful().get(0).down());
        assertEquals(List.of("テキスト 4-3-2"), view.unhelpful().get(0).citations());
    }
}
