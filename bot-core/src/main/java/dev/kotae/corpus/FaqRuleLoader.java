package dev.kotae.corpus;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads FAQ rules from {@code corpus/faq/*.yaml}: a YAML list of mappings with the keys
 * {@link #KEYS}. The format is described at the top of every shipped file.
 *
 * <p>Nothing is thrown for a bad file: every problem found is reported as a {@link CorpusProblem}
 * pointing at the offending line, and only rules without problems are returned. The YAML is read as
 * a token stream so that every value keeps its line.
 */
public final class FaqRuleLoader {
    /** The keys a rule may have, in the order the files write them. */
    public static final List<String> KEYS = List.of("id", "questions", "patterns", "answer", "cite", "followUps");

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern CITE = Pattern.compile("\\d+-\\d+-\\d+|glossary:\\S.*|slide:[1-9]\\d*|doc:[^#\\s][^#]*(#\\S.*)?");
    /** Regex escapes, removed before checking that a pattern's literal text is normalised. */
    private static final Pattern ESCAPES = Pattern.compile("\\\\[pP]\\{[^}]*}|\\\\.");
    /**
     * Spaces next to Japanese text: YAML folds an answer's line breaks into them ({@code >-}). The line
     * breaks of a literal block ({@code |-}), which lists steps one per line, are kept.
     */
    private static final Pattern JAPANESE_SPACE = Pattern.compile(
            "[ \\t\\u3000]+(?=[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\u3000-\\u303F\\uFF00-\\uFFEF])"
            + "|(?<=[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\u3000-\\u303F\\uFF00-\\uFFEF])[ \\t\\u3000]+");

    private FaqRuleLoader() {}

    /**
     * Parses one rule file.
     *
     * @param fileName the name printed in problems, e.g. {@code faq/it-investment.yaml}
     * @param problems receives every problem found, in line order
     * @return the rules that have no problem, in file order
     */
    public static List<FaqRule> load(String fileName, String yamlText, List<CorpusProblem> problems) {
        return load(fileName, yamlText, problems, true);
    }

    /**
     * @param probePatterns whether each pattern's time is probed ({@link PatternProbe}); not for a
     *                      generation's snapshot, which a reindex accepted with the probes already
     */
    static List<FaqRule> load(String fileName, String yamlText, List<CorpusProblem> problems, boolean probePatterns) {
        List<CorpusProblem> found = new ArrayList<>();
        List<FaqRule> rules = new ArrayList<>();
        try (JsonParser parser = YAML.createParser(yamlText)) {
            Node top = parser.nextToken() == null ? null : read(parser);
            if (top == null) {
                found.add(new CorpusProblem(fileName, 1, "ファイルが空です。ルールのリストを書いてください"));
            } else if (parser.nextToken() != null) {
                found.add(new CorpusProblem(fileName, line(parser), "2つ目の YAML 文書があります。ルールはすべて一つのリストに入れてください"));
            } else if (!(top instanceof Sequence list)) {
                found.add(new CorpusProblem(fileName, top.line(),
                        "いちばん上はルールのリストにしてください（" + describe(top) + "になっています）"));
            } else {
                Map<String, Integer> firstLine = new HashMap<>();
                for (Node item : list.items()) {
                    FaqRule rule = new RuleReader(fileName, found, probePatterns).read(item, firstLine);
                    if (rule != null) {
                        rules.add(rule);
                    }
                }
            }
        } catch (JsonProcessingException e) { // the whole document is read before any rule is built
            found.add(malformed(fileName, e));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen when reading a String
        }
        found.sort(Comparator.comparingInt(CorpusProblem::line));
        problems.addAll(found);
        return rules;
    }

    /**
     * Checks rules loaded from all files together: ids are unique across files (the second occurrence
     * is reported) and every citation is known to the corpus.
     */
    public static List<CorpusProblem> validate(List<FaqRule> rules, Predicate<String> knownCitation) {
        List<CorpusProblem> problems = new ArrayList<>();
        Map<String, FaqRule> first = new HashMap<>();
        for (FaqRule rule : rules) {
            FaqRule earlier = first.putIfAbsent(rule.id(), rule);
            if (earlier != null) {
                problems.add(new CorpusProblem(rule.file(), rule.line(),
                        duplicateId(rule.id(), earlier.file(), earlier.line())));
            }
            for (String cite : rule.cite()) {
                if (!knownCitation.test(cite)) {
                    problems.add(new CorpusProblem(rule.file(), rule.line(),
                            "ルール「" + rule.id() + "」：出典「" + cite + "」がコーパスにありません"));
                }
            }
        }
        return problems;
    }

    // ---- YAML with lines -------------------------------------------------------------------------

    /** A YAML value and the line it starts on. A scalar's text is null for an empty value. */
    private sealed interface Node {
        int line();
    }

    private record Scalar(String text, int line) implements Node {}

    private record Sequence(List<Node> items, int line) implements Node {}

    private record Mapping(List<Field> fields, int line) implements Node {}

    private record Field(String key, Node value, int line) {}

    /** Reads the value starting at the parser's current token. */
    private static Node read(JsonParser parser) throws IOException {
        int line = line(parser);
        switch (parser.currentToken()) {
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser));
                }
                return new Sequence(items, line);
            }
            case START_OBJECT -> {
                List<Field> fields = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = line(parser);
                    parser.nextToken();
                    fields.add(new Field(key, read(parser), keyLine));
                }
                return new Mapping(fields, line);
            }
            case VALUE_NULL -> {
                return new Scalar(null, line);
            }
            default -> {
                return new Scalar(parser.getText(), line);
            }
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private static String describe(Node node) {
        return switch (node) {
            case Sequence s -> "リスト";
            case Mapping m -> "マッピング";
            case Scalar s -> s.text() == null ? "空" : "文字列";
        };
    }

    /** One sentence from the YAML parser's error, at the line where it noticed the problem. */
    private static CorpusProblem malformed(String fileName, JsonProcessingException e) {
        String problem;
        int line;
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getProblem() != null) {
            problem = marked.getProblem().strip();
            line = marked.getProblemMark() != null ? marked.getProblemMark().getLine() + 1 : 1;
            if (marked.getContext() != null && marked.getContextMark() != null
                    && marked.getContextMark().getLine() + 1 != line) {
                problem += "（" + (marked.getContextMark().getLine() + 1) + " 行目の " + marked.getContext() + "）";
            }
        } else {
            problem = e.getOriginalMessage().lines().findFirst().orElse("").strip();
            line = e.getLocation() != null ? Math.max(1, e.getLocation().getLineNr()) : 1;
        }
        if (problem.contains("(TAB)")) {
            problem = "字下げにタブは使えません。空白を使ってください";
        } else if (problem.contains("<block end>")) {
            problem = "字下げがそろっていません";
        }
        return new CorpusProblem(fileName, line, "YAML として読めません：" + problem);
    }

    private static String duplicateId(String id, String file, int line) {
        return "id「" + id + "」が重複しています（最初は " + file + ":" + line + "）";
    }

    // ---- one rule --------------------------------------------------------------------------------

    /** Turns one list item into a rule, reporting every problem in it. */
    private record RuleReader(String file, List<CorpusProblem> problems, boolean probePatterns) {

        FaqRule read(Node node, Map<String, Integer> firstLine) {
            if (!(node instanceof Mapping rule)) {
                report(node.line(), "ルール（id、questions、answer、cite をもつマッピング）を書いてください（"
                        + describe(node) + "になっています）");
                return null;
            }
            int before = problems.size();
            Map<String, Field> fields = new HashMap<>();
            for (Field field : rule.fields()) {
                fields.putIfAbsent(field.key(), field);
            }
            String id = id(rule, fields.get("id"));
            String who = id == null ? "id のないルール" : "ルール「" + id + "」";
            int line = fields.containsKey("id") ? fields.get("id").line() : rule.line();
            if (id != null) {
                Integer earlier = firstLine.putIfAbsent(id, line);
                if (earlier != null) {
                    report(line, duplicateId(id, file, earlier));
                }
            }
            for (Field field : rule.fields()) {
                if (!KEYS.contains(field.key())) {
                    report(field.line(), who + "：知らないキー「" + field.key() + "」です。使えるキーは "
                            + String.join(", ", KEYS) + " です");
                } else if (fields.get(field.key()) != field) {
                    report(field.line(), who + "：キー「" + field.key() + "」が2回書かれています");
                }
            }
            List<String> questions = texts(who, fields.get("questions"));
            List<String> patterns = patterns(who, fields.get("patterns"));
            String answer = text(who, "answer", fields.get("answer"), line);
            List<String> cite = cites(who, fields.get("cite"), line);
            List<String> followUps = texts(who, fields.get("followUps"));
            if (questions != null && questions.isEmpty() && patterns != null && patterns.isEmpty()) {
                report(line, who + "：questions か patterns が少なくとも一つ要ります");
            }
            if (problems.size() > before) {
                return null;
            }
            answer = JAPANESE_SPACE.matcher(answer).replaceAll("");
            return new FaqRule(id, questions, patterns, answer, cite, followUps, file, line);
        }

        private String id(Mapping rule, Field field) {
            if (field == null) {
                report(rule.line(), "ルールに id がありません");
                return null;
            }
            if (!(field.value() instanceof Scalar scalar)) {
                report(field.line(), "ルールの id は文字列にしてください（" + describe(field.value()) + "になっています）");
                return null;
            }
            if (scalar.text() == null || scalar.text().isBlank()) {
                report(field.line(), "ルールの id が空です");
                return null;
            }
            String id = scalar.text().strip();
            if (!ID.matcher(id).matches()) {
                report(field.line(), "ルールの id「" + id + "」は英小文字・数字・ハイフンだけにしてください");
            }
            return id;
        }

        /** A required non-empty string; null after reporting a problem. */
        private String text(String who, String key, Field field, int ruleLine) {
            if (field == null) {
                report(ruleLine, who + "：" + key + " がありません");
                return null;
            }
            if (!(field.value() instanceof Scalar scalar)) {
                report(field.line(), who + "：" + key + " は文字列にしてください（" + describe(field.value()) + "になっています）");
                return null;
            }
            if (scalar.text() == null || scalar.text().isBlank()) {
                report(field.line(), who + "：" + key + " が空です");
                return null;
            }
            return scalar.text().strip();
        }

        /** An optional list of non-empty strings: empty when absent, null after reporting a problem. */
        private List<String> texts(String who, Field field) {
            List<Scalar> items = items(who, field);
            return items == null ? null : items.stream().map(s -> s.text().strip()).toList();
        }

        private List<Scalar> items(String who, Field field) {
            if (field == null) {
                return List.of();
            }
            if (!(field.value() instanceof Sequence list)) {
                report(field.line(), who + "：" + field.key() + " は文字列のリストにしてください（"
                        + describe(field.value()) + "になっています）");
                return null;
            }
            List<Scalar> items = new ArrayList<>();
            for (Node item : list.items()) {
                if (!(item instanceof Scalar scalar)) {
                    report(item.line(), who + "：" + field.key() + " は文字列のリストにしてください（中に"
                            + describe(item) + "があります）");
                } else if (scalar.text() == null || scalar.text().isBlank()) {
                    report(item.line(), who + "：" + field.key() + " に空の項目があります");
                } else {
                    items.add(scalar);
                }
            }
            return items.size() == list.items().size() ? items : null;
        }

        private List<String> patterns(String who, Field field) {
            List<Scalar> items = items(who, field);
            if (items == null) {
                return null;
            }
            int before = problems.size();
            for (Scalar item : items) {
                String pattern = item.text();
                FaqPattern compiled;
                try {
                    compiled = FaqPattern.compile(pattern);
                } catch (PatternSyntaxException e) {
                    report(item.line(), who + "：パターン「" + pattern + "」は正規表現として読めません（" + e.getDescription()
                            + (e.getIndex() >= 0 ? "、位置 " + e.getIndex() : "") + "）");
                    continue;
                }
                String literal = ESCAPES.matcher(pattern).replaceAll("");
                if (!Normalizer.normalize(literal, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).equals(literal)) {
                    report(item.line(), who + "：パターン「" + pattern
                            + "」はどの質問にも一致しません（質問は NFKC で正規化し、小文字にしてから照合します）");
                    continue;
                }
                if (!probePatterns) {
                    continue;
                }
                // A pattern that backtracks for seconds would hold every answering thread: refused here.
                PatternProbe.overBudget(compiled).ifPresent(probe -> report(item.line(), who + "：パターン「" + pattern
                        + "」は質問 " + probe + " で " + FaqPattern.BUDGET.toMillis() + " ms を超えます。回答が止まるので、"
                        + "(.*a){10} や (a+)+ のような繰り返しの入れ子は避けてください"));
            }
            return problems.size() == before ? items.stream().map(Scalar::text).toList() : null;
        }

        private List<String> cites(String who, Field field, int ruleLine) {
            if (field == null) {
                report(ruleLine, who + "：cite がありません");
                return null;
            }
            List<Scalar> items = items(who, field);
            if (items == null) {
                return null;
            }
            if (items.isEmpty()) {
                report(field.line(), who + "：cite が空です。出典を少なくとも一つ書いてください");
                return null;
            }
            int before = problems.size();
            for (Scalar item : items) {
                if (!CITE.matcher(item.text().strip()).matches()) {
                    report(item.line(), who + "：出典「" + item.text()
                            + "」はセクション番号（4-2-2）、glossary:用語、slide:番号、doc:ファイル#見出しのどれでもありません");
                }
            }
            return problems.size() == before ? items.stream().map(s -> s.text().strip()).toList() : null;
        }

        private void report(int line, String message) {
            problems.add(new CorpusProblem(file, line, message));
        }
    }
}
