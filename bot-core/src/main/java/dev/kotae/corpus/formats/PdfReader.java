package dev.kotae.corpus.formats;

import dev.kotae.corpus.DocumentKind;
import dev.kotae.corpus.ParsedText;
import dev.kotae.corpus.SeminarTextParser;
import dev.kotae.corpus.SourceKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;

/**
 * PDF, read with PDFBox page by page: every passage carries the page it is printed on ({@code p. 3},
 * or the document's own page label). Headings come from the outline (bookmarks) when there is one,
 * else from numbering ({@code 第2章}, {@code 第3条}, {@code 1.}, {@code 2-1.}); {@code （1）} and
 * bullets are list items. Lines broken mid-sentence are joined, page numbers and running headers
 * and footers are dropped. The printed seminar chapter in PDF form is read by the seminar parser,
 * like its text form.
 */
final class PdfReader implements DocumentReader {
    private static final Pattern SEMINAR_SECTION = Pattern.compile("^\\s*[0-9]+-[0-9]+-[0-9]+[.．]\\s*\\S.*$");
    private static final Pattern SEMINAR_PAGE = Pattern.compile("^\\s*第\\s*[0-9０-９]+\\s*章\\s*[–—−-]\\s*[0-9０-９]+\\s*$");

    @Override
    public ReadDocument read(SourceFile file, ReadBudget budget) throws Unreadable, IOException {
        requireEnd(file.bytes());
        PDDocument pdf;
        try {
            pdf = Loader.loadPDF(file.bytes(), "", null, null,
                    MemoryUsageSetting.setupMainMemoryOnly(budget.limits().maxPartBytes()).streamCache);
        } catch (InvalidPasswordException e) {
            throw new Unreadable("パスワードで保護されています。パスワードを外して保存し直してください");
        } catch (IOException e) {
            throw new Unreadable("PDF として読めません（壊れているか、途中で切れています）: " + e.getMessage());
        }
        try (pdf) {
            int count = pdf.getNumberOfPages();
            if (count == 0) {
                throw new Unreadable("ページがありません");
            }
            String[] labels = pageLabels(pdf, count);
            List<List<String>> pages = new ArrayList<>();
            PdfLines stripper = new PdfLines();
            long chars = 0;
            for (int i = 1; i <= count; i++) {
                budget.check();
                List<String> lines = stripper.page(pdf, i);
                for (String line : lines) {
                    budget.charge(line);
                    chars += line.strip().length();
                }
                pages.add(lines);
            }
            if (chars == 0) {
                throw new Unreadable("テキスト層がありません（画像をスキャンしただけの PDF）。OCR には対応していません");
            }
            String title = title(pdf, pages, file.name());
            if (seminarForm(pages)) {
                List<String> lines = seminarLines(pages);
                return new ReadDocument(DocumentKind.SEMINAR_TEXT, "application/pdf", title, count, 0,
                        SeminarTextParser.parse(file.name(), lines), List.of());
            }
            Map<Integer, List<Bookmark>> outline = outline(pdf);
            PdfLayout layout = new PdfLayout(new OutlineBuilder(file.name(), SourceKind.TEXT, title, true, budget), outline.isEmpty());
            PageFurniture furniture = PageFurniture.of(pages);
            for (int i = 0; i < pages.size(); i++) {
                budget.check();
                layout.page("p. " + labels[i], outline.getOrDefault(i, List.of()), furniture.strip(pages.get(i)));
            }
            ParsedText parsed = layout.finish();
            return new ReadDocument(DocumentKind.PDF, "application/pdf", title, count, 0, parsed, List.of());
        }
    }

    /**
     * A PDF ends with {@code %%EOF}. PDFBox repairs what it can of a file cut short and would read its
     * first pages as if they were all: such a file is refused, not half-indexed.
     */
    private static void requireEnd(byte[] bytes) throws Unreadable {
        int tail = Math.min(bytes.length, 4096);
        String end = new String(bytes, bytes.length - tail, tail, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!end.contains("%%EOF")) {
            throw new Unreadable("PDF が途中で切れています（ファイルの終わりの %%EOF がありません）。元のファイルをもう一度コピーしてください");
        }
    }

    /** The labels the document prints ({@code iii}, {@code 4-7}) where it defines them, else 1, 2, 3… */
    private static String[] pageLabels(PDDocument pdf, int count) {
        String[] labels = new String[count];
        try {
            PDPageLabels defined = pdf.getDocumentCatalog().getPageLabels();
            if (defined != null) {
                String[] byIndex = defined.getLabelsByPageIndices();
                for (int i = 0; i < count && i < byIndex.length; i++) {
                    labels[i] = byIndex[i] == null || byIndex[i].isBlank() ? null : byIndex[i].strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // A broken label tree: physical numbers are still right.
        }
        for (int i = 0; i < count; i++) {
            if (labels[i] == null) {
                labels[i] = String.valueOf(i + 1);
            }
        }
        return labels;
    }

    private static String title(PDDocument pdf, List<List<String>> pages, String fallback) {
        String meta = pdf.getDocumentInformation() == null ? null : pdf.getDocumentInformation().getTitle();
        if (meta != null && !meta.isBlank()) {
            return meta.strip();
        }
        for (List<String> page : pages) {
            for (String line : page) {
                if (!line.isBlank()) {
                    return OutlineBuilder.clean(line);
                }
            }
        }
        return fallback;
    }

    /** A bookmark: its level (1 = top) and title. */
    record Bookmark(int level, String title) {}

    /** Bookmarks by the 0-based index of the page they point to, in outline order. */
    private static Map<Integer, List<Bookmark>> outline(PDDocument pdf) {
        Map<Integer, List<Bookmark>> byPage = new HashMap<>();
        try {
            var root = pdf.getDocumentCatalog().getDocumentOutline();
            if (root != null) {
                collect(pdf, root, 1, byPage, new int[] {0});
            }
        } catch (IOException | RuntimeException e) {
            return Map.of(); // a broken outline: headings come from numbering instead
        }
        return byPage;
    }

    private static void collect(PDDocument pdf, PDOutlineNode node, int level, Map<Integer, List<Bookmark>> byPage, int[] seen)
            throws IOException {
        for (PDOutlineItem item : node.children()) {
            if (++seen[0] > 10_000 || level > 6) {
                return; // a looping or absurd outline
            }
            PDPage page = item.findDestinationPage(pdf);
            int index = page == null ? -1 : pdf.getPages().indexOf(page);
            String title = item.getTitle() == null ? "" : OutlineBuilder.clean(item.getTitle());
            if (index >= 0 && !title.isEmpty()) {
                byPage.computeIfAbsent(index, k -> new ArrayList<>()).add(new Bookmark(level, title));
            }
            collect(pdf, item, level + 1, byPage, seen);
        }
    }

    /**
     * The seminar text prints page numbers such as {@code 第4章 – 07} and numbers its sections
     * {@code 4-2-5.}: a PDF with both is read by the seminar parser.
     */
    static boolean seminarForm(List<List<String>> pages) {
        boolean pageNumber = false;
        boolean section = false;
        for (List<String> page : pages) {
            for (String line : page) {
                pageNumber |= SEMINAR_PAGE.matcher(line).matches();
                section |= SEMINAR_SECTION.matcher(line).matches();
            }
        }
        return pageNumber && section;
    }

    /**
     * The pages as the seminar parser reads text extracted from the printed chapter: each page opens
     * with a line indented by one space, paragraphs are separated by blank lines.
     */
    static List<String> seminarLines(List<List<String>> pages) {
        List<String> lines = new ArrayList<>();
        for (List<String> page : pages) {
            boolean first = true;
            for (String line : page) {
                if (line.isBlank()) {
                    if (!lines.isEmpty() && !lines.get(lines.size() - 1).isEmpty()) {
                        lines.add("");
                    }
                    continue;
                }
                lines.add(first ? " " + line.strip() : line.stripTrailing());
                first = false;
            }
        }
        return lines;
    }
}
