package dev.kotae.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class StoryReferentTest {
    /** A glossary that knows VPN and SDP only. */
    private static final Function<String, Optional<String>> GLOSSARY =
            text -> text.lastIndexOf("SDP") > text.lastIndexOf("VPN") ? Optional.of("SDP")
                    : text.contains("VPN") ? Optional.of("VPN") : Optional.empty();

    @Test
    void aPronounPointingBackBecomesTheGlossaryWordTheStoryUsed() {
        assertEquals("VPNってそもそも何をしてくれるもの?",
                StoryReferent.resolve("それってそもそも何をしてくれるもの?", "「VPN使えばいいよ」と言われたんですが", GLOSSARY));
        assertEquals("SDPは何が違う?", StoryReferent.resolve("これは何が違う?", "VPNの代わりにSDPを勧められました", GLOSSARY));
    }

    @Test
    void withoutAGlossaryWordTheLastQuotedPhraseIsMeant() {
        assertEquals("2025年の崖って誰がいつ言い出した話?",
                StoryReferent.resolve("これって誰がいつ言い出した話?", "社長が「DX」と「2025年の崖」を何度も口にしてて", GLOSSARY));
    }

    @Test
    void otherwiseTheQuestionIsLeftAsItIs() {
        // asking what the story describes is called is answered from the story's words
        assertEquals("これって何という攻撃ですか?",
                StoryReferent.resolve("これって何という攻撃ですか?", "「VPN」経由でアクセスが殺到しました", GLOSSARY));
        assertEquals("それって何?", StoryReferent.resolve("それって何?", "", GLOSSARY));
        assertEquals("それって何?", StoryReferent.resolve("それって何?", "昨日から調子が悪い", GLOSSARY));
        assertEquals("VPNとは?", StoryReferent.resolve("VPNとは?", "SDPを勧められました", GLOSSARY));
    }
}
