package dev.kotae.corpus.formats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a PDF prints on every page around the text — page numbers, the document title as a running
 * header, a confidentiality footer — found at the top or bottom of pages and dropped, so that it
 * neither answers questions nor splits sentences that run over a page break.
 */
final class PageFurniture {
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^[-–—−\\s]*(?:[0-9０-９]{1,4}|[ivxlcIVXLC]{1,6})[-–—−\\s]*$"
                    + "|^[0-9]{1,4}\\s*/\\s*[0-9]{1,4}$|^(?:p\\.|P\\.|Page|page)\\s*[0-9]{1,4}$|^[0-9]{1,4}\\s*ページ$");
    private static final int EDGE = 2;

    private final Set<String> repeated;

    private PageFurniture(Set<String> repeated) {
        this.repeated = repeated;
    }

    static PageFurniture of(List<List<String>> pages) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> page : pages) {
            Set<String> seen = new HashSet<>();
            for (int i : edges(page)) {
                String key = key(page.get(i));
                if (seen.add(key)) {
                    counts.merge(key, 1, Integer::sum);
                }
            }
        }
        Set<String> repeated = new HashSet<>();
        int needed = Math.max(3, (pages.size() + 1) / 2);
        counts.forEach((key, n) -> {
            if (n >= needed && !key.isEmpty()) {
                repeated.add(key);
            }
        });
        return new PageFurniture(repeated);
    }

    /** The page without its furniture lines. */
    List<String> strip(List<String> page) {
        Set<Integer> drop = new HashSet<>();
        for (int i : edges(page)) {
            String line = page.get(i).strip();
            if (PAGE_NUMBER.matcher(line).matches() || repeated.contains(key(line))) {
                drop.add(i);
            }
        }
        if (drop.isEmpty()) {
            return page;
        }
        List<String> kept = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            if (!drop.contains(i)) {
                kept.add(page.get(i));
            }
        }
        return kept;
    }

    /** Indexes of the first and last {@link #EDGE} non-blank lines. */
    private static List<Integer> edges(List<String> page) {
        List<Integer> nonBlank = new ArrayList<>();
        for (int i = 0; i < page.size(); i++) {
            if (!page.get(i).isBlank()) {
                nonBlank.add(i);
            }
        }
        Set<Integer> edges = new HashSet<>();
        for (int k = 0; k < nonBlank.size() && k < EDGE; k++) {
            edges.add(nonBlank.get(k));
            edges.add(nonBlank.get(nonBlank.size() - 1 - k));
        }
        return edges.stream().sorted().toList();
    }

    /** Digits do not count: {@code 社外秘 – 3} on page 3 and {@code 社外秘 – 4} on page 4 are the same footer. */
    private static String key(String line) {
        return line.replaceAll("[0-9０-９]+", "#").replaceAll("\\s+", "");
    }
}
