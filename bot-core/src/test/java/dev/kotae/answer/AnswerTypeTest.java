package dev.kotae.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerTypeTest {
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "DXに取組む企業の割合, PERCENT",
            "ISMS認証の取得費用は？, MONEY",
            "人的費用を削減できる理由, -",
            "IT人材は何万人不足する？, PEOPLE",
            "DXレポートは何年に発表された？, YEAR",
            "有給休暇は何日？, DAYS",
            "社長は誰ですか, PERSON",
            "情報システム部の担当者は誰？, PERSON",
            "Who is our CEO?, PERSON",
            "セキュリティ対策を主導すべきなのは誰？, -",
            "Who should lead cybersecurity?, -",
            "Who is responsible for security?, -",
            "ウイルスに感染したら誰に連絡する？, CONTACT",
            "情報漏えいの相談窓口は？, CONTACT",
            "Who should I contact about a phishing email?, CONTACT",
            "うちのセキュリティポリシーはどこにある？, LOCATION",
            "Where can I find the security policy?, LOCATION",
            "Where is zero trust used?, -",
            "IoTはどこで活用されている？, -",
    })
    void recognisesTheKindOfValueAskedFor(String question, AnswerType expected) {
        assertEquals(expected, AnswerType.of(question), question);
    }

    @ParameterizedTest
    @CsvSource({
            "PERSON, 担当は山田さんです, true",
            "PERSON, 経営者が自ら主体となって指揮をとる, false",
            "PERCENT, 69.3%の企業が取組んでいる, true",
            "MONEY, 最大12兆円の経済損失, true",
            "CONTACT, 連絡先は内線1234です, true",
            "CONTACT, 経営者が自ら主体となって指揮をとる, false",
            "LOCATION, 規程はイントラネットのポータルにあります, true",
    })
    void aSourceAnswersOnlyIfItStatesSuchAValue(AnswerType type, String text, boolean stated) {
        assertEquals(stated, type.statedIn(text), text);
    }
}
