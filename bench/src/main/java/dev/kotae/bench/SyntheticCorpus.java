package dev.kotae.bench;

import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.Passage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A corpus {@code factor} times the seed: the seed itself (so every FAQ citation still resolves)
 * plus {@code factor - 1} Markdown documents made from the seed's passages, each varied so no two
 * are identical copies: sections renumbered (chapter 100+n), sections and their passages shuffled,
 * sentences rotated or dropped, terms replaced by near-synonyms, numbers shifted. Deterministic for
 * a given random seed. Written as it is generated, so memory stays flat whatever the factor.
 */
public final class SyntheticCorpus {
    private static final String[][] REPLACEMENTS = {
            {"中小企業", "小規模事業者"}, {"経営者", "経営層"}, {"企業", "会社"}, {"対策", "施策"},
            {"導入", "採用"}, {"重要", "大切"}, {"情報", "データ"}, {"必要", "不可欠"}, {"顧客", "取引先"},
            {"業務", "仕事"}, {"社員", "従業員"}, {"被害", "損害"}, {"活用", "利用"}, {"向上", "改善"}};

    private SyntheticCorpus() {}

    public static void generate(Corpus seed, Path seedRoot, int factor, Path out, long randomSeed) throws IOException {
        Files.createDirectories(out.resolve("documents"));
        Files.createDirectories(out.resolve("faq"));
        copyTree(seedRoot.resolve("documents"), out.resolve("documents"));
        copyTree(seedRoot.resolve("faq"), out.resolve("faq"));
        Files.writeString(out.resolve("synonyms.txt"), Files.readString(seedRoot.resolve("synonyms.txt")));

        Map<String, List<Passage>> bySection = new LinkedHashMap<>();
        for (Passage p : seed.passages()) {
            String key = p.doc() + "|" + (p.sectionId() != null ? p.sectionId() : p.title());
            bySection.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        List<List<Passage>> sections = new ArrayList<>(bySection.values());
        Random random = new Random(randomSeed);
        for (int n = 1; n < factor; n++) {
            Path file = out.resolve("documents").resolve(String.format("synthetic-%04d.md", n));
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("# 合成資料 " + n + "\n\n");
                List<List<Passage>> order = new ArrayList<>(sections);
                Collections.shuffle(order, random);
                int s = 0;
                for (List<Passage> section : order) {
                    s++;
                    Passage first = section.get(0);
                    String title = first.title() == null ? "節" + s : vary(first.title(), random, n);
                    w.write("## " + (100 + n) + "-" + (1 + s / 10) + "-" + (1 + s % 10) + ". " + oneLine(title) + "\n\n");
                    List<Passage> passages = new ArrayList<>(section);
                    Collections.shuffle(passages, random);
                    for (Passage p : passages) {
                        if (random.nextInt(10) == 0) {
                            continue; // dropped in this variant
                        }
                        w.write(oneLine(vary(p.text(), random, n)) + "\n\n");
                    }
                }
            }
        }
    }

    /** Rotates the sentences, replaces some terms and shifts the numbers of {@code text}. */
    static String vary(String text, Random random, int n) {
        String[] sentences = text.split("(?<=。)");
        List<String> list = new ArrayList<>(List.of(sentences));
        if (list.size() > 1) {
            Collections.rotate(list, random.nextInt(list.size()));
        }
        String joined = String.join("", list);
        for (String[] r : REPLACEMENTS) {
            if (random.nextBoolean()) {
                joined = joined.replace(r[0], r[1]);
            }
        }
        StringBuilder out = new StringBuilder(joined.length());
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            out.append(c >= '0' && c <= '9' && random.nextInt(4) == 0 ? (char) ('0' + (c - '0' + n) % 10) : c);
        }
        return out.toString();
    }

    /** Markdown structure stays ours: no line breaks or leading markup from the seed text. */
    private static String oneLine(String s) {
        return s.replace('\n', ' ').replaceAll("^[#\\-*+|>\\s0-9.)]+", "").strip();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f)) {
                    Files.write(to.resolve(f.getFileName().toString()), Files.readAllBytes(f));
                }
            }
        }
    }
}
