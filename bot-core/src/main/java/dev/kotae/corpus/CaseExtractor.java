package dev.kotae.corpus;

import dev.kotae.corpus.PageSplitter.Page;
import dev.kotae.corpus.ParagraphAssembler.Para;
import dev.kotae.corpus.SeminarTextParser.SectionInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the 事例 of a seminar text and splits each into labelled parts.
 *
 * <p>A case is one page of the layout: its heading may be printed above its content or below it
 * (the extraction moved it), so a case owns the paragraphs of the page its heading is on. When a
 * page tells two cases, each owns what follows its heading. The narrative (概要) is the text right
 * after the heading; when the heading has no text of its own (printed at the bottom), the
 * unlabelled text of its page is the narrative — but only when the page tells one case, since
 * otherwise that text is the page's own introduction.
 */
final class CaseExtractor {
    private static final Pattern STEP = Pattern.compile("^手順\\s*([0-9０-９]+)\\s*[：:]?\\s*(.*)$");
    private static final Pattern ORGANISATION = Pattern.compile("(某[^（(\\s]+)\\s*[（(]([^）)]*)[）)]");
    private static final Pattern TITLE_BODY = Pattern.compile("^事例\\s*[0-9０-９]*\\s*[：:\\s]\\s*(.*)$");
    private static final Pattern RESULT = Pattern.compile("^(その)?結果[、，]");
    private static final Map<String, String> PART_LABELS = Map.ofEntries(
            Map.entry("概要", "概要"), Map.entry("背景", "概要"),
            Map.entry("課題", "課題"), Map.entry("問題", "課題"),
            Map.entry("解決への取組み", "取組み"), Map.entry("解決への取り組み", "取組み"),
            Map.entry("取組み", "取組み"), Map.entry("取り組み", "取組み"), Map.entry("対策", "取組み"),
            Map.entry("結果", "結果"), Map.entry("成果", "結果"), Map.entry("効果", "結果"));

    private record Heading(int line, String text, String title, int page, int section) {}

    private CaseExtractor() {}

    static List<CaseStudy> cases(String doc, List<String> lines, List<Para> paras, List<SectionInfo> sections,
                                 List<Page> pages, int[] sectionOf) {
        List<Heading> headings = headings(lines, pages, sectionOf);
        Map<Heading, List<Para>> owned = new LinkedHashMap<>();
        for (Heading h : headings) {
            owned.put(h, new ArrayList<>());
        }
        for (Para p : paras) {
            Heading owner = null;
            for (Heading h : headings) {
                if (h.page() != p.page()) {
                    continue;
                }
                if (owner == null || h.line() <= p.line()) {
                    owner = h;
                }
            }
            if (owner != null) {
                owned.get(owner).add(p);
            }
        }
        List<CaseStudy> out = new ArrayList<>();
        Map<String, Integer> ordinals = new HashMap<>();
        for (Heading h : headings) {
            SectionInfo s = h.section() >= 0 ? sections.get(h.section()) : null;
            String sectionId = s == null ? null : s.id;
            int n = ordinals.merge(String.valueOf(sectionId), 1, Integer::sum);
            String id = sectionId == null ? "case-" + n : "case-" + sectionId + "-" + n;
            boolean alone = headings.stream().filter(o -> o.page() == h.page()).count() == 1;
            List<CasePart> parts = parts(doc, h, owned.get(h), alone, sectionId, pages);
            Matcher org = ORGANISATION.matcher(h.title());
            String organisation;
            String region = null;
            String industry = null;
            if (org.find()) {
                organisation = org.group(1);
                String[] where = org.group(2).split("[・･]", 2);
                if (where.length == 2) {
                    region = where[0].strip();
                    industry = where[1].strip();
                } else if (where[0].matches(".*[都道府県市]$")) {
                    region = where[0].strip();
                }
            } else {
                Matcher tb = TITLE_BODY.matcher(h.title());
                organisation = tb.matches() ? tb.group(1).replaceAll("[（(].*$", "").strip() : h.title();
            }
            String theme = theme(h.title(), s == null ? null : s.title);
            out.add(new CaseStudy(id, h.title(), organisation, region, industry, theme, sectionId, doc,
                    pages.get(h.page()).label(), parts));
        }
        return out;
    }

    private static List<Heading> headings(List<String> lines, List<Page> pages, int[] sectionOf) {
        List<Heading> out = new ArrayList<>();
        for (Page page : pages) {
            for (int i = page.from(); i < page.to(); i++) {
                String t = lines.get(i).strip();
                if (LineKind.of(lines.get(i)) != LineKind.CONTENT || !TextBlock.isCaseHeading(t)) {
                    continue;
                }
                String title = t;
                if (!t.contains("某")) {
                    for (int j = i + 1; j < page.to(); j++) {
                        String next = lines.get(j).strip();
                        if (next.isEmpty()) {
                            continue;
                        }
                        if (next.startsWith("某")) {
                            title = t + " " + next;
                        }
                        break;
                    }
                }
                out.add(new Heading(i + 1, t, title, page.index(), sectionOf[i]));
            }
        }
        return out;
    }

    private static List<CasePart> parts(String doc, Heading h, List<Para> paras, boolean alone, String sectionId,
                                        List<Page> pages) {
        List<CasePart> out = new ArrayList<>();
        List<Para> free = new ArrayList<>();
        boolean narrative = false;
        boolean hasOverview = false;
        for (Para p : paras) {
            if (p.kind() == ParagraphAssembler.Kind.ROW) {
                narrative = false;
                continue;
            }
            String page = pages.get(p.page()).label();
            String lastLabel = p.labels().isEmpty() ? null : p.labels().get(p.labels().size() - 1);
            Matcher step = lastLabel == null ? null : STEP.matcher(lastLabel);
            if (step != null && step.matches()) {
                String label = "手順" + toAscii(step.group(1));
                out.add(new CasePart(label, (step.group(2) + " " + p.body()).strip(), SourceKind.TEXT, doc,
                        sectionId, page, p.line()));
                narrative = false;
            } else if (lastLabel != null && PART_LABELS.containsKey(lastLabel)) {
                addWithResult(out, PART_LABELS.get(lastLabel), p, doc, sectionId, page);
                narrative = false;
            } else if (p.labelLines().contains(h.line())) {
                addWithResult(out, "概要", p, doc, sectionId, page);
                narrative = true;
                hasOverview = true;
            } else if (p.labels().isEmpty() && narrative) {
                addWithResult(out, "概要", p, doc, sectionId, page);
            } else {
                narrative = false;
                if (p.labels().isEmpty() && p.kind() == ParagraphAssembler.Kind.TEXT) {
                    free.add(p);
                }
            }
        }
        if (!hasOverview && alone) {
            List<CasePart> overview = new ArrayList<>();
            for (Para p : free) {
                addWithResult(overview, "概要", p, doc, sectionId, pages.get(p.page()).label());
            }
            out.addAll(0, overview);
        }
        List<CasePart> merged = mergeOverviews(out);
        merged.sort(java.util.Comparator.comparingInt(CaseExtractor::rank)); // stable: steps keep their order
        return merged;
    }

    /**
     * Parts in the order a summary tells them (what happened, the problem, what was done, the
     * steps, what came of it), whatever order the layout printed them in.
     */
    private static int rank(CasePart p) {
        return switch (p.label()) {
            case "概要" -> 0;
            case "課題" -> 1;
            case "取組み" -> 2;
            case "結果" -> 4;
            default -> 3;
        };
    }

    /** A narrative told in several paragraphs is one 概要, cited at its first line. */
    private static List<CasePart> mergeOverviews(List<CasePart> parts) {
        List<CasePart> out = new ArrayList<>();
        for (CasePart p : parts) {
            CasePart last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.label().equals("概要") && p.label().equals("概要")) {
                out.set(out.size() - 1, new CasePart("概要", last.text() + p.text(), last.source(), last.doc(),
                        last.sectionId(), last.page(), last.line()));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** Splits a trailing {@code 結果、…}/{@code その結果、…} off a narrative: it answers "what came of it". */
    private static void addWithResult(List<CasePart> out, String label, Para p, String doc, String sectionId,
                                      String page) {
        String body = p.body();
        if (!label.equals("結果")) {
            for (int[] span : LineRepair.sentenceSpans(body)) {
                if (span[0] > 0 && RESULT.matcher(body.substring(span[0])).find()) {
                    out.add(new CasePart(label, body.substring(0, span[0]).strip(), SourceKind.TEXT, doc, sectionId,
                            page, p.lineAt(0)));
                    out.add(new CasePart("結果", body.substring(span[0]).strip(), SourceKind.TEXT, doc, sectionId,
                            page, p.lineAt(span[0])));
                    return;
                }
            }
        }
        out.add(new CasePart(label, body.strip(), SourceKind.TEXT, doc, sectionId, page, p.lineAt(0)));
    }

    /**
     * The theme comes from words, not from section numbers, so that another chapter's cases get
     * one too: an incident title wins, then the section's subject.
     */
    static String theme(String caseTitle, String sectionTitle) {
        if (caseTitle.matches(".*(被害|流出|攻撃|漏えい|漏洩|インシデント).*")) {
            return "インシデント";
        }
        String s = sectionTitle == null ? "" : sectionTitle;
        if (s.contains("次世代技術")) {
            return "次世代技術";
        }
        if (s.contains("攻め") || s.contains("デジタルトランスフォーメーション")) {
            return "攻め";
        }
        if (s.contains("守り") || s.contains("デジタルオプティマイゼーション")) {
            return "守り";
        }
        return null;
    }

    private static String toAscii(String digits) {
        StringBuilder b = new StringBuilder();
        for (char c : digits.toCharArray()) {
            b.append(Character.digit(c, 10));
        }
        return b.toString();
    }
}
