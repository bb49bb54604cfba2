package dev.kotae.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.corpus.CorpusProblem;
import dev.kotae.corpus.FaqRule;
import dev.kotae.corpus.FaqRuleLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DraftRuleTest {
    /** Phrasings come from chat: quotes, YAML syntax, line breaks, control and C1 characters, emoji. */
    static final List<String> HOSTILE = List.of("VPNの料金は？", "a: b # c", "\"quoted\" 'single' \\back\\",
            "line1\nline2\r\n- id: injected", "tab\there \u0085 nel \u2028 ls \u0007 bell \u009b csi", "😀 emoji & <b>html</b>",
            "- [x] {y} *z* &anchor !tag |");

    @Test
    void aDraftPastedUneditedIsRefusedByNameForItsEmptyAnswer() {
        String yaml = DraftRule.yaml("vpn 料金", HOSTILE, List.of("4-2-2", "glossary:VPN", "4-2", "slide:12"));
        List<CorpusProblem> problems = new ArrayList<>();
        List<FaqRule> rules = FaqRuleLoader.load("faq/drafts.yaml", yaml, problems);
        assertTrue(rules.isEmpty());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).toString().startsWith("faq/drafts.yaml:"), problems.toString());
        assertTrue(problems.get(0).message().contains("answer") && problems.get(0).message().contains(DraftRule.id("vpn 料金")),
                "the problem names the rule and its empty answer: " + problems);
    }

    @Test
    void withItsAnswerWrittenTheDraftLoadsWithEveryPhrasingAsTypedAndOnlyValidCitations() {
        String yaml = DraftRule.yaml("vpn 料金", HOSTILE, List.of("4-2-2", "glossary:VPN", "4-2", "slide:12"))
                .replace("answer: \"\"", "answer: \"VPNの費用は資料にありません。\"");
        List<CorpusProblem> problems = new ArrayList<>();
        List<FaqRule> rules = FaqRuleLoader.load("faq/drafts.yaml", yaml, problems);
        assertEquals(List.of(), problems);
        assertEquals(1, rules.size(), "one rule, nothing injected");
        FaqRule rule = rules.get(0);
        assertEquals(DraftRule.id("vpn 料金"), rule.id());
        assertEquals(HOSTILE.size(), rule.questions().size());
        for (int i = 0; i < HOSTILE.size(); i++) {
            String expected = HOSTILE.get(i).strip();
            if (!expected.contains("\u0085") && !expected.contains("\u2028")) { // YAML folds these line breaks
                assertEquals(expected, rule.questions().get(i));
            }
        }
        assertEquals(List.of("4-2-2", "glossary:VPN", "slide:12"), rule.cite(), "4-2 is not a citation the corpus accepts");
    }
}
