package dev.kotae.analysis;

import dev.kotae.corpus.GlossaryEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads synonym groups out of the glossary itself, so that a new glossary brings its own synonyms:
 * headword and reading (WAF, ワフ), the expansion of an abbreviation ({@code Web Application
 * Firewallの略}), a Japanese rendering in brackets ({@code （事業継続計画）の略}, {@code 日本語では
 * 「モノのインターネット」}), abbreviations in the headword ({@code （CSF）}), and the other names a
 * definition mentions ({@code …とも略される}, {@code …とも呼ばれる}, {@code 「CIA」と呼ぶ}).
 */
public final class GlossarySynonyms {
    private static final Pattern EXPANSION = Pattern.compile("^([A-Za-z][A-Za-z0-9 .,&'/-]{3,}?)\\s*(?:[（(]([^）)]{2,20})[）)])?\\s*の略");
    private static final Pattern INNER_ABBREVIATION = Pattern.compile("([A-Za-z]{2,10})\\s*は\\s*([A-Za-z][A-Za-z ]{3,}?)\\s*の略");
    private static final Pattern JAPANESE_NAME = Pattern.compile("日本語では「([^」]{2,20})」");
    private static final Pattern ALSO_ABBREVIATED = Pattern.compile("([A-Z]{2,10})(?:[（(]([ァ-ヶー]{2,10})[）)])?\\s*([A-Za-z][A-Za-z ]{3,}?)\\s*とも略される");
    private static final Pattern ALSO_CALLED = Pattern.compile("(?:単に)?「?([^、。「」\\s]{2,20}?)」?(?:や「([^」]{2,20})」)?(?:など)?と(?:も)?呼ばれ");
    /** 「…の頭文字をとって「CIA」と呼ぶ」: only a quoted name, since an unquoted one has no clear start. */
    private static final Pattern QUOTED_NAME = Pattern.compile("「([^」]{2,20})」と(?:も)?呼ぶ");
    /** A headword with its short name in quotes: 「情報セキュリティの3要素「CIA」」. */
    private static final Pattern QUOTED_ALIAS = Pattern.compile("^(.{2,}?)\\s*「([^」]{2,20})」\\s*$");
    private static final Pattern BRACKETED = Pattern.compile("[（(]([^）)]{2,20})[）)]");

    private GlossarySynonyms() {}

    public static List<List<String>> groups(List<GlossaryEntry> glossary) {
        List<List<String>> groups = new ArrayList<>();
        for (GlossaryEntry entry : glossary) {
            Set<String> names = namesOf(entry);
            if (names.size() > 1) {
                groups.add(List.copyOf(names));
            }
            String definition = TextNormalizer.normalize(entry.definition());
            Matcher inner = INNER_ABBREVIATION.matcher(definition);
            if (inner.find() && !entry.headword().equalsIgnoreCase(inner.group(1))) {
                groups.add(List.of(inner.group(1), inner.group(2).strip()));
            }
        }
        return groups;
    }

    /** Every name the glossary gives the entry's concept, the headword first. */
    public static Set<String> namesOf(GlossaryEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        String headword = TextNormalizer.normalize(entry.headword());
        names.add(headword);
        if (entry.reading() != null && !entry.reading().isBlank()) {
            names.add(TextNormalizer.normalize(entry.reading()));
        }
        Matcher bracketed = BRACKETED.matcher(headword);
        if (bracketed.find()) {
            names.add(bracketed.group(1));
            names.add(headword.substring(0, bracketed.start()).strip());
        }
        Matcher quotedAlias = QUOTED_ALIAS.matcher(headword);
        if (quotedAlias.find()) {
            names.add(quotedAlias.group(1).strip());
            names.add(quotedAlias.group(2).strip());
        }
        String definition = TextNormalizer.normalize(entry.definition());
        Matcher expansion = EXPANSION.matcher(definition);
        if (expansion.find()) {
            names.add(expansion.group(1).strip());
            if (expansion.group(2) != null) {
                names.add(expansion.group(2).strip());
            }
        }
        Matcher japanese = JAPANESE_NAME.matcher(definition);
        if (japanese.find()) {
            names.add(japanese.group(1));
        }
        Matcher abbreviated = ALSO_ABBREVIATED.matcher(definition);
        if (abbreviated.find()) {
            names.add(abbreviated.group(1));
            if (abbreviated.group(2) != null) {
                names.add(abbreviated.group(2));
            }
            names.add(abbreviated.group(3).strip());
        }
        Matcher called = ALSO_CALLED.matcher(definition);
        while (called.find()) {
            names.add(called.group(1));
            if (called.group(2) != null) {
                names.add(called.group(2));
            }
        }
        Matcher quoted = QUOTED_NAME.matcher(definition);
        while (quoted.find()) {
            names.add(quoted.group(1));
        }
        names.removeIf(name -> name.isBlank() || name.length() < 2);
        return names;
    }
}
