package dev.kotae.console;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Charts drawn on the server as SVG inside the page: nothing to download, no script, readable on a
 * phone (the SVG scales to the width). Each bar carries a title with its figures, for a pointer or a
 * screen reader; colours come from the stylesheet's series classes {@code s0…s5}.
 */
final class Charts {
    private static final int W = 800;
    private static final int H = 240;
    private static final int LEFT = 48;
    private static final int RIGHT = 8;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;

    private Charts() {}

    /** Buckets of a period: days up to three months, then weeks (from Monday), then months. */
    record Bucket(LocalDate start, String label) {}

    static List<Bucket> buckets(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        List<Bucket> out = new ArrayList<>();
        if (days <= 92) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                out.add(new Bucket(d, d.getMonthValue() + "/" + d.getDayOfMonth()));
            }
        } else if (days <= 731) {
            for (LocalDate d = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !d.isAfter(to); d = d.plusWeeks(1)) {
                out.add(new Bucket(d, d.getMonthValue() + "/" + d.getDayOfMonth() + "〜"));
            }
        } else {
            for (LocalDate d = from.withDayOfMonth(1); !d.isAfter(to); d = d.plusMonths(1)) {
                out.add(new Bucket(d, d.getYear() + "/" + d.getMonthValue()));
            }
        }
        return out;
    }

    /** Sums per-day series into the buckets of the period. */
    static List<int[]> bucketed(List<Bucket> buckets, SortedMap<LocalDate, int[]> perDay, int series) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            LocalDate start = buckets.get(i).start();
            LocalDate end = i + 1 < buckets.size() ? buckets.get(i + 1).start() : LocalDate.MAX;
            int[] sum = new int[series];
            for (int[] v : perDay.subMap(start, end).values()) {
                for (int s = 0; s < series; s++) {
                    sum[s] += v[s];
                }
            }
            out.add(sum);
        }
        return out;
    }

    /**
     * Stacked bars over time.
     *
     * @param names the series' names, for the legend and the titles
     */
    static String stacked(String id, String caption, List<Bucket> buckets, List<int[]> values, List<String> names) {
        int max = 1;
        for (int[] v : values) {
            int sum = 0;
            for (int x : v) {
                sum += x;
            }
            max = Math.max(max, sum);
        }
        max = niceMax(max);
        Html h = new Html();
        h.raw("<figure class=\"chart\" id=\"").text(id).raw("\"><svg viewBox=\"0 0 " + W + " " + H + "\" role=\"img\" aria-label=\"")
                .text(caption).raw("\" preserveAspectRatio=\"xMidYMid meet\">");
        axes(h, max);
        int n = Math.max(1, buckets.size());
        double slot = (W - LEFT - RIGHT) / (double) n;
        double bar = Math.max(1, slot * 0.75);
        double plot = H - TOP - BOTTOM;
        for (int i = 0; i < buckets.size(); i++) {
            int[] v = values.get(i);
            double x = LEFT + i * slot + (slot - bar) / 2;
            double y = H - BOTTOM;
            StringBuilder title = new StringBuilder(buckets.get(i).start().toString()).append('：');
            for (int s = 0; s < v.length; s++) {
                title.append(s == 0 ? "" : "、").append(names.get(s)).append(' ').append(v[s]);
            }
            h.raw("<g class=\"bar\"><title>").text(title).raw("</title>");
            for (int s = 0; s < v.length; s++) {
                if (v[s] == 0) {
                    continue;
                }
                double height = plot * v[s] / max;
                y -= height;
                h.raw(String.format("<rect class=\"s%d\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"></rect>", s, x, y, bar, height));
            }
            h.raw("</g>");
        }
        int every = Math.max(1, (int) Math.ceil(buckets.size() / 8.0));
        for (int i = 0; i < buckets.size(); i += every) {
            double x = LEFT + i * slot + slot / 2;
            h.raw(String.format("<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">", x, H - 8))
                    .text(buckets.get(i).label()).raw("</text>");
        }
        h.raw("</svg>");
        legend(h, caption, names);
        h.raw("</figure>");
        return h.toString();
    }

    /** Horizontal bars for a ranking (top topics, answer kinds). */
    static String ranking(String id, String caption, Map<String, Integer> items) {
        Map<String, int[]> single = new LinkedHashMap<>();
        items.forEach((k, v) -> single.put(k, new int[] {v}));
        return ranking(id, caption, single, List.of(caption));
    }

    /** Horizontal stacked bars, one row per item, one colour per series (👍 and 👎 per answer kind). */
    static String ranking(String id, String caption, Map<String, int[]> items, List<String> names) {
        int max = 1;
        for (int[] v : items.values()) {
            int sum = 0;
            for (int x : v) {
                sum += x;
            }
            max = Math.max(max, sum);
        }
        int row = 26;
        int labelWidth = 300;
        int height = Math.max(row, items.size() * row) + 4;
        Html h = new Html();
        h.raw("<figure class=\"chart ranking\" id=\"").text(id).raw("\"><svg viewBox=\"0 0 " + W + " " + height + "\" role=\"img\" aria-label=\"")
                .text(caption).raw("\">");
        int i = 0;
        for (Map.Entry<String, int[]> e : items.entrySet()) {
            int y = i * row + 2;
            int[] v = e.getValue();
            int sum = 0;
            StringBuilder title = new StringBuilder(e.getKey()).append('：');
            for (int s = 0; s < v.length; s++) {
                sum += v[s];
                title.append(s == 0 ? "" : "、").append(names.size() > 1 ? names.get(s) + " " : "").append(v[s]);
            }
            String label = e.getKey().length() > 28 ? e.getKey().substring(0, 27) + "…" : e.getKey();
            h.raw("<g class=\"bar\"><title>").text(title).raw("</title>")
                    .raw(String.format("<text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">", labelWidth - 8, y + 17)).text(label)
                    .raw("</text>");
            double x = labelWidth;
            for (int s = 0; s < v.length; s++) {
                double width = (W - labelWidth - 90) * v[s] / (double) max;
                if (v[s] > 0) {
                    h.raw(String.format("<rect class=\"s%d\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"></rect>", s, x, y + 3,
                            Math.max(1, width), row - 8));
                }
                x += width;
            }
            String value = v.length == 1 ? Html.number(sum) : Html.number(sum) + "（" + join(v) + "）";
            h.raw(String.format("<text class=\"value\" x=\"%.1f\" y=\"%d\">", x + 6, y + 17)).text(value).raw("</text></g>");
            i++;
        }
        h.raw("</svg>");
        legend(h, caption, names.size() > 1 ? names : List.of());
        h.raw("</figure>");
        return h.toString();
    }

    private static String join(int[] v) {
        StringBuilder b = new StringBuilder();
        for (int x : v) {
            b.append(b.isEmpty() ? "" : "／").append(Html.number(x));
        }
        return b.toString();
    }

    private static void axes(Html h, int max) {
        double plot = H - TOP - BOTTOM;
        for (int k = 0; k <= 4; k++) {
            double y = H - BOTTOM - plot * k / 4;
            h.raw(String.format("<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"></line>", LEFT, W - RIGHT, y, y))
                    .raw(String.format("<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">", LEFT - 6, y + 4))
                    .text(Html.number(Math.round(max * k / 4.0))).raw("</text>");
        }
    }

    private static void legend(Html h, String caption, List<String> names) {
        h.raw("<figcaption>").text(caption);
        if (names.size() > 1) {
            h.raw(" <span class=\"legend\">");
            for (int s = 0; s < names.size(); s++) {
                h.raw("<span class=\"key\"><svg viewBox=\"0 0 10 10\" class=\"swatch\"><rect class=\"s" + s
                        + "\" width=\"10\" height=\"10\"></rect></svg>").text(names.get(s)).raw("</span>");
            }
            h.raw("</span>");
        }
        h.raw("</figcaption>");
    }

    /** The top of the axis: four gridlines at 1, 2 or 5 × 10ⁿ each. */
    private static int niceMax(int max) {
        int step = Math.max(1, (max + 3) / 4);
        int magnitude = 1;
        while (magnitude * 10 <= step) {
            magnitude *= 10;
        }
        for (int s : new int[] {1, 2, 5, 10}) {
            if (s * magnitude >= step) {
                return 4 * s * magnitude;
            }
        }
        return 40 * magnitude;
    }

    /** A map in insertion order from parallel lists (for {@link #ranking}). */
    static Map<String, Integer> ordered(List<String> labels, List<Integer> counts) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            m.put(labels.get(i), counts.get(i));
        }
        return m;
    }
}
