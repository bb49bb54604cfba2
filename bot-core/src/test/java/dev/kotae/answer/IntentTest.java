package dev.kotae.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kotae.answer.Intent.Type;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntentTest {
    @ParameterizedTest
    @CsvSource({
            "WAFとは?, DEFINITION, waf",
            "WAFとは, DEFINITION, waf",
            "2025年の崖って何ですか, DEFINITION, 2025年の崖",
            "ゼロデイ攻撃の意味, DEFINITION, ゼロデイ攻撃",
            "ランサムウェアについて教えて, DEFINITION, ランサムウェア",
            "WAFを簡単に説明して, DEFINITION, waf",
            "ゼロトラストについて詳しく教えてください, DEFINITION, ゼロトラスト",
            "「CSIRT」とは何ですか, DEFINITION, csirt",
            "What is a VPN?, DEFINITION, vpn",
            "what's zero trust, DEFINITION, zero trust",
            "ヘルプ, HELP, ",
            "help, HELP, ",
            "使い方を教えて, HELP, ",
            "事例の一覧を見せて, CASE_LIST, ",
            "どんな事例がありますか, CASE_LIST, ",
            "攻めのIT投資の事例をまとめて, CASE, ",
            "IoT機器のリスク対策は?, QUESTION, ",
            "'  ', EMPTY, ",
            "What does EDR stand for?, DEFINITION, edr",
            "Can you explain zero trust?, DEFINITION, zero trust",
            "What is the meaning of BCP, DEFINITION, bcp",
            "Show me all case studies, CASE_LIST, ",
            "Summarize the metal works case, CASE, ",
            "Give me an example of IoT in agriculture, CASE, ",
            "In case of ransomware infection what happens?, QUESTION, ",
    })
    void recognisesTheIntentFromTheWording(String question, Type type, String subject) {
        Intent intent = Intent.of(question);
        assertEquals(type, intent.type());
        if (subject != null) {
            assertEquals(subject, intent.subject().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @ParameterizedTest
    @CsvSource({
            "VPNの設定方法を教えて, true",
            "新しいPCの申請方法は？, true",
            "パスワードを忘れた, true",
            "VPNに接続できない, true",
            "パスワードを変更したい, true",
            "How do I connect to the VPN?, true",
            "VPNの設定はどうすればいい？, true",
            "DXを進めるにはどうすればいい？, false",
            "取引先経由で攻撃されないようにするには何をすべき？, false",
            "IoT機器のリスク対策方法は？, false",
            "情報漏えいを防ぐ方法, false",
            "IoTの活用方法の例, false",
            "ゼロトラストについて知りたい, false",
            "WAFとは？, false",
            // "how" about how something works, not about doing it
            "DDos攻撃ってどうやってサービス止めてくるの, false",
            "ISMS認証ってどうやったらもらえるの？, false",
            "VPNにはどうやって接続する？, true",
            "経費精算のやり方, true",
    })
    void recognisesRequestsForSteps(String question, boolean procedure) {
        assertEquals(procedure, Intent.asksProcedure(question), question);
    }

    @ParameterizedTest
    @CsvSource({
            "取引先経由で攻撃されないようにするには何をすべき？, true",
            "うちみたいな小さい会社でもサイバー攻撃の対策って必要？, true",
            "テレワークを始めたいけど、セキュリティ面で気をつけることは？, true",
            "What should a small company do first about cyber security?, true",
            "感染が疑われる端末はどうすればいい？, true",
            "セキュリティは後回しでもいいですかね？, true",
            "何を入れればいい？, true",
            "もっと安全にする方法ってある？, true",
            "まとめて守ってくれる製品ってない？, true",
            "なに設定すればいい？, true",
            "外からの攻撃に備えて最低限やっておくべきことは？, true",
            "どういう手順でやればいい？, true",
            "WAFとは？, false",
            "DXに取組む企業の割合, false",
            "事例の一覧を見せて, false",
    })
    void recognisesRequestsForAdvice(String question, boolean advice) {
        assertEquals(advice, Intent.asksAdvice(question), question);
    }

    @ParameterizedTest
    @CsvSource({
            "DXを始めたいけど何から始めれば？, true",
            "まず何をすればいい？, true",
            "What should we do first?, true",
            "DXとは？, false",
    })
    void recognisesRequestsForTheFirstStep(String question, boolean first) {
        assertEquals(first, Intent.asksFirstStep(question), question);
    }

    @ParameterizedTest
    @CsvSource({
            "これって何という攻撃ですか？, true",
            "こういう手口って何ていうんですか, true",
            "これって何かの詐欺ですか？, true",
            "What is this called?, true",
            "DDoS攻撃とは？, false",
            "何をすればいい？, false",
    })
    void recognisesRequestsForTheNameOfWhatIsDescribed(String question, boolean name) {
        assertEquals(name, Intent.asksName(question), question);
    }

    @ParameterizedTest
    @CsvSource({
            "身代金って払ったほうがいいの？, true",
            "EDRは入れるべきですか？, true",
            "Should we pay the ransom?, true",
            "What should we do first?, false",
            "EDRとは？, false",
    })
    void recognisesRequestsWhetherToDoSomething(String question, boolean whether) {
        assertEquals(whether, Intent.asksWhether(question), question);
    }


    @ParameterizedTest
    @CsvSource({
            "山形の農業の会社の事例をざっくり教えて, CASE",
            "リーマンショックで受注が半分になった町工場が立て直した例って？, CASE",
            "きのこ栽培にIoTを入れた農家の話ってどんなの？, CASE",
            "Do you have an example of a farm using IoT sensors?, CASE",
            "製造業の事例一覧, CASE_LIST",
            "どんな事例がありますか, CASE_LIST",
            "AIの活用方法の例をいくつか教えて, QUESTION",
            "「セキュリティインシデント」の定義を教えて, DEFINITION",
            // a demonstrative points back at a story: no name to look up
            "その攻撃は何ですか？, QUESTION",
            // a survey's respondents asked for a figure are no case
            "人材が不足してるって答えた企業は何パーセント？, QUESTION",
            "人材不足の事例で、不足と答えた企業は何パーセント？, CASE",
    })
    void recognisesCasesBySituation(String question, Type type) {
        assertEquals(type, Intent.of(question).type(), question);
    }

    @ParameterizedTest
    @CsvSource({
            "社内規程の改定にあたり、「セキュリティインシデント」の定義を教えて, セキュリティインシデント",
            "まず無線LANとは, 無線lan",
            "そもそも不正アクセスとは, 不正アクセス",
    })
    void theSubjectOfADefinitionIsTheNameAsked(String question, String subject) {
        assertEquals(subject, Intent.of(question).subject().toLowerCase(java.util.Locale.ROOT));
    }
}
