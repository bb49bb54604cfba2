package dev.kotae.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.answer.AnswerSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pieces of the FAQ pattern budget: the deadline text, a budgeted match, and the probes. */
class PatternProbeTest {
    @Test
    void probesAreAsLongAsTheLongestQuestion() {
        assertEquals(AnswerSettings.MAX_QUESTION_LENGTH, PatternProbe.LENGTH);
        assertTrue(PatternProbe.probes("2025年の崖.*対策").stream().allMatch(p -> p.length() >= PatternProbe.LENGTH - 8
                && p.length() <= PatternProbe.LENGTH + 1));
    }

    @Test
    void nestedRepetitionIsFoundAndOrdinaryPatternsPass() {
        for (String slow : new String[] {"(.*a){10}$", "(a+)+$", "(\\w+\\s?)+$", ".*.*.*=.*", "((パス)+)+$"}) {
            assertTrue(PatternProbe.overBudget(FaqPattern.compile(slow)).isPresent(), slow);
        }
        for (String fine : new String[] {"2025年の崖.*(対策|対応策|回避|陥らない)", "(society|ソサエティ) ?5\\.0(とは|って|\\?|$)",
                "vpn.*sdp|sdp.*vpn", "^パスワード(を|の)?(忘れ|わすれ)"}) {
            assertEquals(java.util.Optional.empty(), PatternProbe.overBudget(FaqPattern.compile(fine)), fine);
        }
    }

    @Test
    void aBudgetedMatchStopsAndSaysSo() {
        FaqPattern slow = FaqPattern.compile("(.*a){10}$");
        assertEquals(FaqPattern.Match.OVER_BUDGET, slow.find("a".repeat(60) + "!", Duration.ofMillis(20)));
        assertEquals(FaqPattern.Match.FOUND, slow.find("a".repeat(10)));
        assertEquals(FaqPattern.Match.NOT_FOUND, FaqPattern.compile("waf").find("ゼロトラストとは"));
        assertTrue(slow.firstTimeOverBudget());
        assertTrue(!slow.firstTimeOverBudget(), "reported once");
    }

    @Test
    void theDeadlineTextReadsLikeItsTextUntilTheDeadline() {
        DeadlineCharSequence open = new DeadlineCharSequence("WAFとは", System.nanoTime() + Duration.ofSeconds(60).toNanos());
        assertEquals("WAFとは", open.toString());
        assertEquals("とは", open.subSequence(3, 5).toString());
        DeadlineCharSequence past = new DeadlineCharSequence("a".repeat(1000), System.nanoTime() - 1);
        assertThrows(DeadlineCharSequence.Expired.class, () -> {
            for (int i = 0; i < 1000; i++) {
                past.charAt(i);
            }
        });
    }
}
