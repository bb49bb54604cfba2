package dev.kotae.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a glossary (用語集) printed as {@code ■TERM（READING）}, a definition, and a dotted line of
 * references ({@code …………………    2-2-2、}).
 *
 * <p>The glossary is set in narrow columns, so a long headword wraps like any other line and
 * nothing marks where it ends. A headword goes on to the next line only when the line so far is
 * unfinished: a bracket is still open, or the line runs to the column edge and the next line is
 * the short rest of a word (or ends with a closing bracket) with no 。、 — definitions start with
 * full lines and punctuation, headwords have none. A third line is allowed only when the second
 * is full too and the third is such a short rest.
 *
 * <p>Readings are given in katakana; a hiragana reading ({@code ディードスこうげき}) is converted
 * so that every reading has one form. A bracket after the term is a reading only when it is all
 * kana and repeats the term's own katakana ({@code ウイルス定義ファイル（パターンファイル）} is an
 * alias, not a reading, and stays part of the headword).
 */
public final class GlossaryParser {
    private static final Pattern TRAILING_BRACKET = Pattern.compile("^(.*?)\\s*[（(]([^（）()]+)[）)]$");
    private static final Pattern KANA = Pattern.compile("^[\\p{IsHiragana}\\p{IsKatakana}・ー]+$");
    private static final Pattern KATAKANA_RUN = Pattern.compile("[\\p{IsKatakana}ー]{2,}");
    private static final Pattern FIGURE = Pattern.compile("^図\\s*[0-9０-９❶-❿①-⑳].*$");
    private static final int DEFAULT_COLUMN = 26;

    private GlossaryParser() {}

    /**
     * @param from 0-based index of the {@code 用語集} heading (or of any line before the first entry)
     */
    public static List<GlossaryEntry> parse(String doc, List<String> lines, int from) {
        List<GlossaryEntry> out = new ArrayList<>();
        if (lines == null || from < 0 || from >= lines.size()) {
            return out;
        }
        List<String> safe = lines.stream().map(l -> l == null ? "" : l).toList();
        List<Integer> starts = new ArrayList<>();
        for (int i = from; i < safe.size(); i++) {
            if (safe.get(i).strip().startsWith("■")) {
                starts.add(i);
            }
        }
        int column = column(safe, from);
        for (int k = 0; k < starts.size(); k++) {
            int s = starts.get(k);
            int e = k + 1 < starts.size() ? starts.get(k + 1) : safe.size();
            GlossaryEntry entry = entry(doc, safe, s, e, column);
            if (entry != null) {
                out.add(entry);
            }
        }
        return out;
    }

    private static GlossaryEntry entry(String doc, List<String> lines, int s, int e, int column) {
        List<String> head = new ArrayList<>();
        head.add(lines.get(s).strip().substring(1).strip());
        int j = s;
        while (head.size() < 3) {
            int n = nextContent(lines, j, e);
            if (n < 0 || !continuesHeadword(lines, head, n, e, column)) {
                break;
            }
            head.add(lines.get(n).strip());
            j = n;
        }
        String term = LineRepair.join(head);
        if (term.isEmpty()) {
            return null;
        }
        String headword = term;
        String reading = null;
        Matcher m = TRAILING_BRACKET.matcher(term);
        if (m.matches() && isReading(m.group(1), m.group(2))) {
            headword = m.group(1).strip();
            reading = toKatakana(m.group(2));
        }
        List<String> definition = new ArrayList<>();
        List<String> references = new ArrayList<>();
        int i = j + 1;
        for (; i < e; i++) {
            String t = lines.get(i).strip();
            if (isDots(t)) {
                break;
            }
            if (!t.isEmpty() && !isFurniture(t)) {
                definition.add(t);
            }
        }
        if (i < e) {
            StringBuilder refs = new StringBuilder(lines.get(i).strip().replaceFirst("^[…‥.・]+", "").strip());
            for (int r = i + 1; r < e; r++) {
                String t = lines.get(r).strip();
                if (t.isEmpty() || isFurniture(t)) {
                    break;
                }
                refs.append(t); // a reference wraps mid-token: "4-" + "2-5", "第一回コ" + "ラム"
            }
            for (String ref : refs.toString().split("[、,，]")) {
                String t = ref.strip();
                if (!t.isEmpty()) {
                    references.add(t);
                }
            }
        }
        return new GlossaryEntry(term, headword, reading, LineRepair.join(definition), references, doc, s + 1);
    }

    private static boolean continuesHeadword(List<String> lines, List<String> head, int n, int e, int column) {
        String cand = lines.get(n).strip();
        if (isDots(cand) || cand.startsWith("■")) {
            return false;
        }
        if (unbalanced(String.join("", head))) {
            return true;
        }
        String last = head.get(head.size() - 1);
        int lastWidth = LineRepair.width(last) + (head.size() == 1 ? 2 : 0); // the ■ takes a column too
        if (lastWidth < column - 3 || hasPunctuation(cand)) {
            return false;
        }
        if (endsHeadword(cand, column)) {
            return true;
        }
        if (head.size() >= 2 || LineRepair.width(cand) < column - 3) {
            return false;
        }
        int n2 = nextContent(lines, n, e);
        if (n2 < 0) {
            return false;
        }
        String after = lines.get(n2).strip();
        return !isDots(after) && !hasPunctuation(after) && endsHeadword(after, column);
    }

    private static boolean endsHeadword(String line, int column) {
        return LineRepair.width(line) <= column * 7 / 10 || line.endsWith("）") || line.endsWith("」")
                || line.endsWith(")");
    }

    private static boolean hasPunctuation(String s) {
        return s.indexOf('。') >= 0 || s.indexOf('、') >= 0;
    }

    private static boolean unbalanced(String s) {
        int depth = 0;
        for (char c : s.toCharArray()) {
            if (c == '（' || c == '(' || c == '「') {
                depth++;
            } else if (c == '）' || c == ')' || c == '」') {
                depth--;
            }
        }
        return depth > 0;
    }

    private static boolean isReading(String base, String bracket) {
        if (!KANA.matcher(bracket).matches()) {
            return false;
        }
        String reading = toKatakana(bracket);
        Matcher run = KATAKANA_RUN.matcher(base);
        while (run.find()) {
            if (!reading.contains(run.group())) {
                return false;
            }
        }
        return true;
    }

    public static String toKatakana(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= 'ぁ' && c <= 'ゖ' ? (char) (c + 0x60) : c);
        }
        return b.toString();
    }

    private static boolean isDots(String t) {
        return t.startsWith("…") || t.startsWith("‥") || t.startsWith("・・・") || t.startsWith("...");
    }

    /** Page furniture inside the glossary: the repeated title and figure markers. */
    private static boolean isFurniture(String t) {
        return t.equals("用語集") || FIGURE.matcher(t).matches();
    }

    private static int nextContent(List<String> lines, int j, int e) {
        for (int n = j + 1; n < e; n++) {
            String t = lines.get(n).strip();
            if (!t.isEmpty() && !isFurniture(t)) {
                return n;
            }
        }
        return -1;
    }

    /** The glossary's column width: the most common width of its definition lines. */
    private static int column(List<String> lines, int from) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = from; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (t.isEmpty() || t.startsWith("■") || isDots(t)) {
                continue;
            }
            counts.merge(LineRepair.width(t), 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .filter(en -> en.getKey() >= 10)
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(DEFAULT_COLUMN);
    }
}
