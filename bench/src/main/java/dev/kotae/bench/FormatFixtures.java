package dev.kotae.bench;

import dev.kotae.corpus.formats.Fixtures;
import dev.kotae.corpus.formats.Fixtures.SlideText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the documents of the format benchmark ({@code scripts/bench.sh formats}) into a folder: a
 * 100-page Japanese PDF manual (numbered headings, 30 lines a page, lines broken mid-sentence) and
 * a 50-slide deck with speaker notes. Varied sentences, not one page copied.
 */
public final class FormatFixtures {
    private static final String[] SUBJECTS = {"申請書", "社用車", "会議室", "経費精算", "入館証", "複合機", "社内ポータル", "勤怠システム",
            "研修", "名刺", "宅配便", "備品", "出張", "在宅勤務", "健康診断", "防災訓練"};
    private static final String[] ACTIONS = {"総務部に提出します", "前日までに予約します", "上長の承認を受けます", "専用の台帳に記入します",
            "社内ポータルから申し込みます", "受付で受け取ります", "翌営業日までに返却します", "担当者に連絡します"};

    private FormatFixtures() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[0].equals("read")) {
            read(List.of(args).subList(1, args.length));
            return;
        }
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);
        Fixtures.pdfLines(dir.resolve("manual-100p.pdf"), pdfPages(100));
        Fixtures.pptx(dir.resolve("deck-50.pptx"), slides(50));
        System.out.println("wrote " + dir.resolve("manual-100p.pdf") + " and " + dir.resolve("deck-50.pptx"));
    }

    /** Reads each file alone, in one JVM: 2 warm-up reads, then the median of 5 (milliseconds). */
    static void read(List<String> files) throws Exception {
        for (String f : files) {
            Path file = Path.of(f);
            Path root = Files.createTempDirectory("kotae-read");
            Files.createDirectories(root.resolve("documents"));
            Files.copy(file, root.resolve("documents").resolve(file.getFileName()));
            long[] ms = new long[7];
            dev.kotae.corpus.Corpus corpus = null;
            for (int i = 0; i < ms.length; i++) {
                long start = System.nanoTime();
                corpus = dev.kotae.corpus.CorpusLoader.load(root);
                ms[i] = (System.nanoTime() - start) / 1_000_000;
            }
            long[] measured = java.util.Arrays.copyOfRange(ms, 2, ms.length);
            java.util.Arrays.sort(measured);
            System.out.printf("read %s: first %d ms, then median %d ms (%s)%n", file.getFileName(), ms[0], measured[2],
                    String.join("; ", dev.kotae.corpus.CorpusSummary.documents(corpus)));
        }
    }

    static List<List<String>> pdfPages(int count) {
        List<List<String>> pages = new ArrayList<>();
        int n = 0;
        for (int p = 0; p < count; p++) {
            List<String> lines = new ArrayList<>();
            lines.add((p / 10 + 1) + "-" + (p % 10 + 1) + ". " + SUBJECTS[p % SUBJECTS.length] + "の手続き（その" + (p + 1) + "）");
            StringBuilder running = new StringBuilder();
            while (lines.size() < 30) {
                n++;
                running.append(SUBJECTS[n % SUBJECTS.length]).append("の件で番号").append(1000 + n).append("を使うときは、")
                        .append(ACTIONS[n % ACTIONS.length]).append("。");
                while (running.length() >= 38 && lines.size() < 30) {
                    lines.add(running.substring(0, 38)); // broken mid-sentence, as a PDF's lines are
                    running.delete(0, 38);
                }
                if (n % 4 == 0 && lines.size() < 30) {
                    if (!running.isEmpty()) {
                        lines.add(running.toString());
                        running.setLength(0);
                    }
                    lines.add("");
                }
            }
            lines.add(String.valueOf(p + 1));
            pages.add(lines);
        }
        return pages;
    }

    static List<SlideText> slides(int count) {
        List<SlideText> slides = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            StringBuilder body = new StringBuilder();
            for (int b = 0; b < 5; b++) {
                int n = s * 5 + b;
                body.append(SUBJECTS[n % SUBJECTS.length]).append("は").append(ACTIONS[n % ACTIONS.length]).append('\n');
            }
            slides.add(new SlideText("第" + (s + 1) + "回 " + SUBJECTS[s % SUBJECTS.length] + "の説明", body.toString().strip(),
                    "話す内容：" + SUBJECTS[(s + 3) % SUBJECTS.length] + "との違いを説明する。所要時間は" + (s % 5 + 2) + "分。"));
        }
        return slides;
    }
}
