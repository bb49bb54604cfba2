package dev.kotae.corpus;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins the 事例 told on slides to the same 事例 in the seminar text, so a case summary can cite both.
 *
 * <p>A slide case matches the text case of the same section with the same number
 * ({@code 次世代技術の活用事例 2} ↔ {@code 事例2：…}); when a section has one text case and one slide
 * case they match whatever their numbers. Slide parts are added after the text's parts of the same
 * label (text first), unless the text already says the same. A slide case without a match becomes a
 * case of its own, placed among the text cases by section.
 */
public final class CaseMerger {
    private CaseMerger() {}

    private static final Pattern CASE_NUMBER = Pattern.compile("事例\\s*(\\d+)");

    public static List<CaseStudy> merge(List<CaseStudy> textCases, List<Slide> slides) {
        List<CaseStudy> texts = textCases == null ? List.of() : textCases.stream().filter(Objects::nonNull).toList();
        List<SlideCases.SlideCase> slideCases = SlideCases.read(slides == null ? List.of() : slides);

        Map<Integer, CaseStudy> merged = new LinkedHashMap<>();
        List<CaseStudy> unmatched = new ArrayList<>();
        for (SlideCases.SlideCase slideCase : slideCases) {
            int match = match(texts, slideCases, slideCase);
            if (match >= 0) {
                merged.put(match, withParts(merged.getOrDefault(match, texts.get(match)), slideCase.parts()));
            } else {
                unmatched.add(ownCase(slideCase, slideCases));
            }
        }

        List<CaseStudy> result = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            result.add(merged.getOrDefault(i, texts.get(i)));
        }
        unmatched.forEach(c -> insertBySection(result, c));
        return List.copyOf(result);
    }

    // ---- matching ----

    /** The index of the text case a slide case belongs to, or -1. */
    private static int match(List<CaseStudy> texts, List<SlideCases.SlideCase> slideCases, SlideCases.SlideCase slideCase) {
        String section = slideCase.sectionId();
        if (section == null) {
            return -1;
        }
        List<Integer> sameSection = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (section.equals(texts.get(i).sectionId())) {
                sameSection.add(i);
            }
        }
        for (int i : sameSection) {
            Integer ordinal = ordinal(texts.get(i).title());
            if (ordinal != null && ordinal.equals(slideCase.ordinal())) {
                return i;
            }
        }
        long slidesInSection = slideCases.stream().filter(c -> section.equals(c.sectionId())).count();
        return sameSection.size() == 1 && slidesInSection == 1 ? sameSection.get(0) : -1;
    }

    /** The number of {@code 事例2：…} in any width, or null for {@code 事例：…}. */
    static Integer ordinal(String title) {
        if (title == null) {
            return null;
        }
        Matcher m = CASE_NUMBER.matcher(Normalizer.normalize(title, Normalizer.Form.NFKC));
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    // ---- merging parts ----

    private static CaseStudy withParts(CaseStudy c, List<CasePart> slideParts) {
        List<CasePart> parts = new ArrayList<>(c.parts());
        for (CasePart part : slideParts) {
            if (saysTheSame(parts, part)) {
                continue;
            }
            int last = -1;
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).label().equals(part.label())) {
                    last = i;
                }
            }
            parts.add(last < 0 ? parts.size() : last + 1, part);
        }
        return new CaseStudy(c.id(), c.title(), c.organisation(), c.region(), c.industry(), c.theme(),
                c.sectionId(), c.doc(), c.page(), parts);
    }

    /** A slide part adds nothing when a part of the same label already contains its words. */
    private static boolean saysTheSame(List<CasePart> parts, CasePart part) {
        String words = SlideBody.comparable(part.text());
        return parts.stream().anyMatch(p -> p.label().equals(part.label())
                && SlideBody.comparable(p.text()).contains(words));
    }

    // ---- slide-only cases ----

    private static CaseStudy ownCase(SlideCases.SlideCase slideCase, List<SlideCases.SlideCase> all) {
        Slide first = slideCase.first();
        String section = first.sectionId() == null ? "slides" : first.sectionId();
        int number = slideCase.ordinal() != null ? slideCase.ordinal() : 1 + (int) all.stream()
                .takeWhile(c -> c != slideCase).filter(c -> Objects.equals(c.sectionId(), first.sectionId())).count();
        return new CaseStudy("case-" + section + "-slides-" + number, first.heading(), null, null, null,
                theme(first.heading()), first.sectionId(), first.doc(), first.page(), slideCase.parts());
    }

    /** The theme a slide case's heading names; the themes are those of {@link CaseStudy#theme()}. */
    static String theme(String heading) {
        String h = SlideText.norm(heading);
        if (h.contains("守り")) {
            return "守り";
        }
        if (h.contains("攻め")) {
            return "攻め";
        }
        if (h.contains("次世代")) {
            return "次世代技術";
        }
        if (h.contains("インシデント") || h.contains("被害")) {
            return "インシデント";
        }
        return null;
    }

    /** After the last case whose section comes no later; cases without a section go last. */
    private static void insertBySection(List<CaseStudy> cases, CaseStudy c) {
        if (c.sectionId() == null) {
            cases.add(c);
            return;
        }
        int at = 0;
        for (int i = 0; i < cases.size(); i++) {
            String other = cases.get(i).sectionId();
            if (other != null && compareSections(other, c.sectionId()) <= 0) {
                at = i + 1;
            }
        }
        cases.add(at, c);
    }

    /** {@code 4-2-3} before {@code 4-2-10}: numbers compared part by part. */
    static int compareSections(String a, String b) {
        String[] x = a.split("-");
        String[] y = b.split("-");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int cmp = compareNumbers(x[i], y[i]);
            if (cmp != 0) {
                return cmp;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static int compareNumbers(String a, String b) {
        try {
            return Integer.compare(Integer.parseInt(a.strip()), Integer.parseInt(b.strip()));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
