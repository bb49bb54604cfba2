package dev.kotae.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerTypeTest {
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "DXに取組む企業の割合, PERCENT",
            "おすすめのEDR製品を3つ教えて, RECOMMENDATION",
            "How much does an EDR licence cost?, MONEY",
            "How much did internet usage rise between 1997 and 2022?, AMOUNT",
            "Can you recommend a good EDR product?, RECOMMENDATION",
            "おすすめの対策は？, -",
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
            "ゼロトラストって最初に提唱したのは誰？, ORIGINATOR",
            "情報が流出したA社って、具体的にどこの会社？, ORGANISATION",
            "IPv6のアドレスって何ビット？, AMOUNT",
            "基本方針の最新版はどちらに格納されていますか, LOCATION",
            "情報共有が追いつかなかった会社の事例, -",
            "2025年の崖でIT人材はどんくらい足りなくなる？, AMOUNT",
    })
    void recognisesTheKindOfValueAskedFor(String question, AnswerType expected) {
        assertEquals(expected, AnswerType.of(question), question);
    }

    @ParameterizedTest
    @CsvSource({
            "PERSON, 担当は山田さんです, true",
            "RECOMMENDATION, EDRは未知のマルウェアを検知する, false",
            "PERSON, 経営者が自ら主体となって指揮をとる, false",
            "PERCENT, 69.3%の企業が取組んでいる, true",
            "MONEY, 最大12兆円の経済損失, true",
            "CONTACT, 連絡先は内線1234です, true",
            "CONTACT, 経営者が自ら主体となって指揮をとる, false",
            "LOCATION, 規程はイントラネットのポータルにあります, true",
            "AMOUNT, 2025年の崖, false",
            "AMOUNT, IT人材の不足が約43万人, true",
            "ORIGINATOR, ガートナー社が2019年に提唱した, true",
            "ORIGINATOR, 社内外を問わず全てを信用しない考え方, false",
            "ORGANISATION, 某生命保険会社（2社）, false",
    })
    void aSourceAnswersOnlyIfItStatesSuchAValue(AnswerType type, String text, boolean stated) {
        assertEquals(stated, type.statedIn(text), text);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "パスフレーズは何文字以上？, 文字, 8文字以上にします, true",
            "パスフレーズは何文字以上？, 文字, WPA2以上の暗号化, false",
            "攻めのIT活用指針は何ステップ？, ステップ, STEP4 競争力強化ステージ, true",
            "How many characters should a password have?, 文字, 十四文字以上, true",
    })
    void aCountIsStatedInTheCounterAsked(String question, String counter, String text, boolean stated) {
        assertEquals(counter, AnswerType.counterAsked(question), question);
        assertEquals(stated, AnswerType.statesCount(text, counter), text);
    }

    /** What a value is asked of: the name before the words asking for it, hedges and time words left out. */
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "うちの会社のIT予算って年間いくら？, MONEY, IT予算",
            "2025年の崖の話で、IT人材はどれくらい足りなくなる？, AMOUNT, IT人材",
            "保険会社の情報漏れの件、結局いくら損したの？, MONEY, -",
            "ゼロトラストって最初に提唱したのは誰？, ORIGINATOR, ゼロトラスト",
            "What did the breach cost?, MONEY, -",
            // per what, and who answered a survey, are not what the value is of
            "お詫びのクオカードって1人いくら分？, MONEY, クオカード",
            "人材が不足してるって答えた企業は何パーセント？, PERCENT, -",
    })
    void theThingAValueIsAskedOf(String question, AnswerType type, String thing) {
        assertEquals(thing, type.thingAskedOf(question), question);
    }
}
