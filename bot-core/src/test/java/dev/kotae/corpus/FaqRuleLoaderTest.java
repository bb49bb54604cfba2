package dev.kotae.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FaqRuleLoaderTest {
    private static final Set<String> SECTIONS = Set.of(
            "4-1-1", "4-1-2", "4-2-1", "4-2-2", "4-2-3", "4-2-4", "4-2-5", "4-3-1", "4-3-2");
    private static final Pattern CITE_FORM = Pattern.compile("(\\d+-\\d+-\\d+)|glossary:(\\S.*)|slide:([1-9]\\d*)");
    private static final Pattern HEADWORD_LINE = Pattern.compile("^\\s*■(.+)$");
    private static final Pattern FIGURE = Pattern.compile("\\d+(?:[.,]\\d+)*%?");

    private static String seminarText;
    private static Set<String> headwords;
    private static List<FaqRule> shipped;
    private static List<CorpusProblem> shippedProblems;

    @BeforeAll
    static void loadShippedCorpus() throws IOException {
        Path corpus = corpusDir();
        seminarText = Files.readString(corpus.resolve("documents/seminar-text-ch4.txt"));
        headwords = glossaryHeadwords(seminarText);
        shipped = new ArrayList<>();
        shippedProblems = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus.resolve("faq"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                shipped.addAll(FaqRuleLoader.load("faq/" + file.getFileName(), Files.readString(file), shippedProblems));
            }
        }
    }

    /** The repository's {@code corpus} directory, found from the module directory Maven runs tests in. */
    private static Path corpusDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("corpus/faq"))) {
                return dir.resolve("corpus");
            }
        }
        throw new IllegalStateException("no corpus/faq above " + Path.of("").toAbsolutePath());
    }

    /**
     * Headwords of the {@code ■TERM（READING）} entries, without the reading. A headword may be wrapped
     * over up to three lines, so every join of the first one to three lines counts as a candidate.
     */
    static Set<String> glossaryHeadwords(String text) {
        Set<String> found = new HashSet<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = HEADWORD_LINE.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            StringBuilder joined = new StringBuilder(m.group(1).strip());
            for (int k = 1; ; k++) {
                int paren = joined.indexOf("（");
                found.add((paren < 0 ? joined.toString() : joined.substring(0, paren)).strip());
                if (k == 3 || i + k >= lines.size() || lines.get(i + k).isBlank()) {
                    break;
                }
                joined.append(lines.get(i + k).strip());
            }
        }
        return found;
    }

    private static boolean knownCitation(String cite) {
        return SECTIONS.contains(cite) || cite.startsWith("glossary:") && headwords.contains(cite.substring(9));
    }

    private static String normalise(String question) {
        return Normalizer.normalize(question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    // ---- the shipped rules ------------------------------------------------------------------------

    @Test
    void shippedRulesLoadWithoutProblems() {
        assertEquals(List.of(), shippedProblems.stream().map(CorpusProblem::toString).toList());
        assertEquals(List.of(), FaqRuleLoader.validate(shipped, FaqRuleLoaderTest::knownCitation)
                .stream().map(CorpusProblem::toString).toList());
        assertTrue(shipped.size() >= 32, "only " + shipped.size() + " rules");
        assertEquals(shipped.size(), shipped.stream().map(FaqRule::id).distinct().count(), "ids are not unique");
    }

    @Test
    void shippedRulesCiteSectionsOfChapter4AndGlossaryHeadwords() {
        assertTrue(headwords.contains("サイバーセキュリティお助け隊サービス制度"), "wrapped headwords are joined");
        assertTrue(headwords.contains("CSIRT"), "readings are dropped");
        for (FaqRule rule : shipped) {
            assertTrue(!rule.cite().isEmpty(), rule.id());
            for (String cite : rule.cite()) {
                Matcher m = CITE_FORM.matcher(cite);
                assertTrue(m.matches(), rule.id() + ": malformed citation " + cite);
                assertTrue(m.group(3) == null, rule.id() + ": slide citations are not used yet: " + cite);
                if (m.group(1) != null) {
                    assertTrue(SECTIONS.contains(cite), rule.id() + ": no section " + cite + " in chapter 4");
                } else {
                    assertTrue(headwords.contains(m.group(2)), rule.id() + ": no glossary headword ■" + m.group(2));
                }
            }
        }
    }

    @Test
    void shippedFiguresInAnswersAreQuotedFromTheSeminarText() {
        for (FaqRule rule : shipped) {
            Matcher m = FIGURE.matcher(rule.answer());
            while (m.find()) {
                assertTrue(seminarText.contains(m.group()), rule.id() + ": figure " + m.group() + " is not in the text");
            }
        }
    }

    @Test
    void shippedRulesHaveThreeToSixQuestionsAndTwoToFourSentences() {
        for (FaqRule rule : shipped) {
            assertTrue(rule.questions().size() >= 3 && rule.questions().size() <= 6,
                    rule.id() + ": " + rule.questions().size() + " questions");
            String[] lines = rule.answer().split("\n");
            if (lines.length > 1) {
                // steps one per line (a literal block): a lead sentence, then two to six numbered steps
                assertTrue(lines.length >= 3 && lines.length <= 7, rule.id() + ": " + lines.length + " lines");
                for (int i = 1; i < lines.length; i++) {
                    assertTrue(lines[i].matches("手順\\d：.+"), rule.id() + ": line " + i + " is not a numbered step");
                }
                continue;
            }
            long sentences = rule.answer().chars().filter(c -> c == '。').count();
            assertTrue(sentences >= 2 && sentences <= 4, rule.id() + ": " + sentences + " sentences");
            assertTrue(!rule.answer().matches(".*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}、。] .*"),
                    rule.id() + ": stray space in the answer");
        }
    }

    @Test
    void shippedQuestionsBelongToOneRuleAndFollowUpsAreQuestionsOfOtherRules() {
        Map<String, String> owner = new HashMap<>();
        for (FaqRule rule : shipped) {
            for (String question : rule.questions()) {
                String other = owner.putIfAbsent(normalise(question), rule.id());
                assertTrue(other == null, "'" + question + "' is asked in " + other + " and " + rule.id());
            }
        }
        for (FaqRule rule : shipped) {
            for (String followUp : rule.followUps()) {
                String target = owner.get(normalise(followUp));
                assertTrue(target != null && !target.equals(rule.id()),
                        rule.id() + ": follow-up '" + followUp + "' is not a question of another rule");
            }
        }
    }

    @Test
    void shippedPatternsMatchTheirOwnQuestionsOnly() {
        for (FaqRule rule : shipped) {
            for (String regex : rule.patterns()) {
                Pattern pattern = Pattern.compile(regex);
                for (FaqRule other : shipped) {
                    Set<String> hits = new TreeSet<>();
                    other.questions().stream().filter(q -> pattern.matcher(normalise(q)).find()).forEach(hits::add);
                    if (other == rule && hits.isEmpty()) {
                        fail(rule.id() + ": pattern '" + regex + "' matches none of its questions");
                    } else if (other != rule && !hits.isEmpty()) {
                        fail(rule.id() + ": pattern '" + regex + "' matches " + other.id() + ": " + hits);
                    }
                }
            }
        }
    }

    // ---- refusals --------------------------------------------------------------------------------

    private static final String FILE = "faq/x.yaml";

    private static List<String> problems(String yaml) {
        List<CorpusProblem> problems = new ArrayList<>();
        FaqRuleLoader.load(FILE, yaml, problems);
        return problems.stream().map(CorpusProblem::toString).toList();
    }

    @Test
    void readsAWellFormedRule() {
        List<CorpusProblem> problems = new ArrayList<>();
        List<FaqRule> rules = FaqRuleLoader.load(FILE, """
                # comment
                - id: dx-2025-cliff
                  questions:
                    - 2025年の崖とは何ですか
                  patterns: ["2025年の崖"]
                  answer: >-
                    「2025年の崖」とは、
                    DXレポートのキーワードです。
                    Society 5.0 とは別の話です。
                  cite: ["4-2-2", "glossary:Society 5.0"]
                  followUps: [2025年の崖の対応策は？]
                """, problems);
        assertEquals(List.of(), problems);
        assertEquals(List.of(new FaqRule("dx-2025-cliff", List.of("2025年の崖とは何ですか"), List.of("2025年の崖"),
                "「2025年の崖」とは、DXレポートのキーワードです。Society 5.0とは別の話です。",
                List.of("4-2-2", "glossary:Society 5.0"), List.of("2025年の崖の対応策は？"), FILE, 2)), rules);
    }

    @Test
    void refusesMalformedYamlAtTheLineOfTheError() {
        assertEquals(List.of("faq/x.yaml:7: YAML として読めません：mapping values are not allowed here"), problems("""
                - id: a
                  questions: [q]
                  answer: x
                  cite: ["4-2-2"]
                - id: b
                  answer: y
                   cite: ["4-2-2"]
                """));
        assertEquals(List.of("faq/x.yaml:2: YAML として読めません：字下げにタブは使えません。空白を使ってください"),
                problems("- id: a\n\tanswer: x\n"));
        assertEquals(List.of("faq/x.yaml:3: YAML として読めません：found unexpected end of stream"
                + "（2 行目の while scanning a quoted scalar）"), problems("- id: a\n  answer: \"x\n"));
    }

    @Test
    void refusesATopLevelThatIsNotAListAndRulesThatAreNotMappings() {
        assertEquals(List.of("faq/x.yaml:1: いちばん上はルールのリストにしてください（マッピングになっています）"),
                problems("id: a\nanswer: x\n"));
        assertEquals(List.of("faq/x.yaml:1: ファイルが空です。ルールのリストを書いてください"), problems("# nothing yet\n"));
        assertEquals(List.of("faq/x.yaml:1: ルール（id、questions、answer、cite をもつマッピング）を書いてください（文字列になっています）"),
                problems("- 2025年の崖とは\n"));
    }

    @Test
    void refusesUnknownKeysNamingTheAllowedOnes() {
        assertEquals(List.of(
                "faq/x.yaml:1: ルール「a」：answer がありません",
                "faq/x.yaml:3: ルール「a」：知らないキー「anwser」です。使えるキーは id, questions, patterns, answer, cite, followUps です"),
                problems("""
                        - id: a
                          questions: [q]
                          anwser: x
                          cite: ["4-2-2"]
                        """));
    }

    @Test
    void refusesMissingOrEmptyIdsAndDuplicateIdsWithinAFile() {
        List<CorpusProblem> problems = new ArrayList<>();
        List<FaqRule> rules = FaqRuleLoader.load(FILE, """
                - id: a
                  questions: [q]
                  answer: x
                  cite: ["4-2-2"]
                - id: a
                  questions: [r]
                  answer: y
                  cite: ["4-2-3"]
                - questions: [s]
                  answer: z
                  cite: ["4-2-4"]
                - id: ""
                  questions: [t]
                  answer: z
                  cite: ["4-2-4"]
                - id: Bad Id
                  questions: [u]
                  answer: z
                  cite: ["4-2-4"]
                """, problems);
        assertEquals(List.of(
                "faq/x.yaml:5: id「a」が重複しています（最初は faq/x.yaml:1）",
                "faq/x.yaml:9: ルールに id がありません",
                "faq/x.yaml:12: ルールの id が空です",
                "faq/x.yaml:16: ルールの id「Bad Id」は英小文字・数字・ハイフンだけにしてください"),
                problems.stream().map(CorpusProblem::toString).toList());
        assertEquals(List.of("x"), rules.stream().map(FaqRule::answer).toList());
    }

    @Test
    void validateRefusesDuplicateIdsAcrossFilesAndUnknownCitations() {
        List<CorpusProblem> problems = new ArrayList<>();
        List<FaqRule> rules = new ArrayList<>();
        rules.addAll(FaqRuleLoader.load("faq/a.yaml", """
                - id: same
                  questions: [q]
                  answer: x
                  cite: ["4-2-2"]
                """, problems));
        rules.addAll(FaqRuleLoader.load("faq/b.yaml", """
                # another file
                - id: same
                  questions: [r]
                  answer: y
                  cite: ["4-9-9", "glossary:WAF", "glossary:ワフ"]
                """, problems));
        assertEquals(List.of(), problems);
        assertEquals(List.of(
                "faq/b.yaml:2: id「same」が重複しています（最初は faq/a.yaml:1）",
                "faq/b.yaml:2: ルール「same」：出典「4-9-9」がコーパスにありません",
                "faq/b.yaml:2: ルール「same」：出典「glossary:ワフ」がコーパスにありません"),
                FaqRuleLoader.validate(rules, FaqRuleLoaderTest::knownCitation).stream().map(CorpusProblem::toString).toList());
    }

    @Test
    void refusesEmptyOrMissingAnswersAndCites() {
        assertEquals(List.of(
                "faq/x.yaml:3: ルール「a」：answer が空です",
                "faq/x.yaml:4: ルール「a」：cite が空です。出典を少なくとも一つ書いてください",
                "faq/x.yaml:5: ルール「b」：answer がありません",
                "faq/x.yaml:5: ルール「b」：cite がありません",
                "faq/x.yaml:8: ルール「c」：answer が空です"), problems("""
                - id: a
                  questions: [q]
                  answer: ""
                  cite: []
                - id: b
                  questions: [r]
                - id: c
                  answer:
                  questions: [s]
                  cite: ["4-2-2"]
                """));
    }

    @Test
    void refusesBadRegexesAndPatternsThatCanNeverMatch() {
        assertEquals(List.of(
                "faq/x.yaml:3: ルール「a」：パターン「(2025年の崖」は正規表現として読めません（Unclosed group、位置 8）",
                "faq/x.yaml:4: ルール「a」：パターン「DX\\d+」はどの質問にも一致しません（質問は NFKC で正規化し、小文字にしてから照合します）",
                "faq/x.yaml:5: ルール「a」：パターン「２０２５」はどの質問にも一致しません（質問は NFKC で正規化し、小文字にしてから照合します）"),
                problems("""
                        - id: a
                          patterns:
                            - "(2025年の崖"
                            - "DX\\\\d+"
                            - "２０２５"
                          answer: x
                          cite: ["4-2-2"]
                        """));
    }

    @Test
    void refusesWrongTypesAndMalformedCitations() {
        assertEquals(List.of(
                "faq/x.yaml:2: ルール「a」：questions は文字列のリストにしてください（文字列になっています）",
                "faq/x.yaml:3: ルール「a」：answer は文字列にしてください（リストになっています）",
                "faq/x.yaml:4: ルール「a」：出典「4-2」はセクション番号（4-2-2）、glossary:用語、slide:番号、doc:ファイル#見出しのどれでもありません",
                "faq/x.yaml:5: ルール「a」：followUps は文字列のリストにしてください（中にマッピングがあります）",
                "faq/x.yaml:6: ルール「a」：キー「cite」が2回書かれています",
                "faq/x.yaml:7: ルール「b」：questions か patterns が少なくとも一つ要ります"), problems("""
                - id: a
                  questions: 2025年の崖とは
                  answer: [x]
                  cite: ["4-2", "slide:3"]
                  followUps: [{q: r}]
                  cite: ["4-2-2"]
                - id: b
                  answer: y
                  cite: ["4-2-2"]
                """));
    }
}
