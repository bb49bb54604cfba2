package dev.kotae.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComparisonTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ウイルス対策ソフトとEDRは何が違うの? | ウイルス対策ソフト | EDR",
            "守りのIT投資と攻めのIT投資の違いを教えて | 守りのIT投資 | 攻めのIT投資",
            "WAFと普通のファイアウォールってどう違う? | WAF | ファイアウォール",
            "脆弱性とセキュリティホールって同じ意味? | 脆弱性 | セキュリティホール",
            "DXとデジタル化の関係は? | DX | デジタル化",
            "What is the difference between IPS and IDS? | ips | ids",
            "EDR vs antivirus | edr | antivirus",
    })
    void bothSidesAreFound(String question, String first, String second) {
        Comparison c = Comparison.of(question).orElseThrow();
        assertEquals(first, c.first());
        assertEquals(second, c.second());
    }

    @ParameterizedTest
    @CsvSource({"WAFとは?", "攻めのIT投資の事例をまとめて", "DXに取組む企業の割合"})
    void otherQuestionsAreNoComparison(String question) {
        assertTrue(Comparison.of(question).isEmpty(), question);
    }
}
