package dev.kotae.corpus.formats;

import dev.kotae.corpus.DocumentKind;
import dev.kotae.corpus.SourceKind;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xwpf.usermodel.BodyElementType;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBrType;

/**
 * Word (.docx), read with POI: paragraphs in heading styles (Heading 1–6, 見出し 1–6, or an outline
 * level) make sections titled by their heading path; numbered and bulleted paragraphs make lists
 * with their numbers ({@code 1.}, {@code 第1条}, {@code （1）}); a table's rows keep their column
 * headers. Word has no fixed pages: where Word recorded its page breaks when saving, passages carry
 * {@code p. N}.
 */
final class WordReader implements DocumentReader {
    private static final Pattern HEADING_STYLE = Pattern.compile("(?i)^(?:heading|見出し)\\s*([1-6])$");
    private static final Pattern TITLE_STYLE = Pattern.compile("(?i)^(?:title|表題)$");

    @Override
    public ReadDocument read(SourceFile file, ReadBudget budget) throws Unreadable, IOException {
        OPCPackage pkg = OfficePackages.open(file, budget);
        XWPFDocument doc;
        try {
            doc = new XWPFDocument(pkg);
        } catch (IOException | RuntimeException e) {
            pkg.revert();
            throw OfficePackages.failure(e, budget);
        }
        try (doc) {
            return read(file, doc, budget);
        } catch (RuntimeException e) {
            if (e instanceof ReadBudget.LimitExceeded limit) {
                throw limit;
            }
            throw OfficePackages.failure(e, budget);
        }
    }

    private ReadDocument read(SourceFile file, XWPFDocument doc, ReadBudget budget) throws Unreadable {
        String title = doc.getProperties() == null || doc.getProperties().getCoreProperties().getTitle() == null
                ? null : doc.getProperties().getCoreProperties().getTitle().strip();
        boolean paged = hasPageBreaks(doc);
        Walker w = new Walker(doc, paged, budget);
        // The first paragraph in the Title style names the document when its properties do not.
        for (IBodyElement e : doc.getBodyElements()) {
            if (e instanceof XWPFParagraph p && TITLE_STYLE.matcher(w.styleName(p)).matches() && !p.getText().isBlank()) {
                title = title == null || title.isBlank() ? p.getText().strip() : title;
                break;
            }
        }
        if (title == null || title.isBlank()) {
            title = file.name();
        }
        w.out = new OutlineBuilder(file.name(), SourceKind.TEXT, title, true, budget);
        w.out.page(paged ? "p. 1" : null);
        int index = 0;
        for (IBodyElement e : doc.getBodyElements()) {
            w.element(e, ++index);
        }
        w.flushList();
        if (w.out.passageCount() == 0 && !w.out.hasSections()) {
            throw new Unreadable("本文のテキストがありません");
        }
        return new ReadDocument(DocumentKind.WORD, ContentTypes.DOCX, title, paged ? w.page : 0, 0, w.out.build(), List.of());
    }

    /** Whether Word recorded where its pages break (it does when it saves), or the author put page breaks. */
    private static boolean hasPageBreaks(XWPFDocument doc) {
        for (XWPFParagraph p : doc.getParagraphs()) {
            for (XWPFRun r : p.getRuns()) {
                if (r.getCTR().sizeOfLastRenderedPageBreakArray() > 0) {
                    return true;
                }
                for (CTBr br : r.getCTR().getBrList()) {
                    if (br.getType() == STBrType.PAGE) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static final class Walker {
        final XWPFDocument doc;
        final boolean paged;
        final ReadBudget budget;
        OutlineBuilder out;
        int page = 1;
        final List<String> items = new ArrayList<>();
        BigInteger listId;
        int listLine;
        String listPage;
        final Map<String, int[]> counters = new HashMap<>();

        Walker(XWPFDocument doc, boolean paged, ReadBudget budget) {
            this.doc = doc;
            this.paged = paged;
            this.budget = budget;
        }

        void element(IBodyElement e, int line) throws Unreadable {
            budget.check();
            if (e.getElementType() == BodyElementType.PARAGRAPH) {
                paragraph((XWPFParagraph) e, line);
            } else if (e.getElementType() == BodyElementType.TABLE) {
                flushList();
                table((XWPFTable) e, line);
            } else if (e instanceof XWPFSDT sdt) {
                flushList();
                out.paragraph(sdt.getContent().getText(), line);
            }
        }

        void paragraph(XWPFParagraph p, int line) {
            int breaksBefore = paged ? breaks(p) : 0;
            String text = p.getText();
            String style = styleName(p);
            int level = headingLevel(p, style);
            if (breaksBefore > 0 && text.isBlank()) {
                turnPages(breaksBefore);
                return;
            }
            turnPages(breaksBefore);
            if (text.isBlank()) {
                return;
            }
            if (TITLE_STYLE.matcher(style).matches()) {
                return; // the document's title: it titles the passages before the first heading
            }
            if (level > 0) {
                flushList();
                out.heading(level, text, line);
                return;
            }
            BigInteger numId = p.getNumID();
            if (numId != null) {
                if (listId != null && !listId.equals(numId)) {
                    flushList();
                }
                if (items.isEmpty()) {
                    listLine = line;
                    listPage = paged ? "p. " + page : null;
                }
                listId = numId;
                items.add(marker(p, numId) + text.strip());
                return;
            }
            flushList();
            out.paragraph(text, line);
        }

        void turnPages(int n) {
            if (n > 0) {
                page += n;
                out.page("p. " + page);
            }
        }

        /** Page breaks Word rendered, or the author typed, before this paragraph's text. */
        int breaks(XWPFParagraph p) {
            int n = 0;
            if (p.isPageBreak()) {
                n++;
            }
            for (XWPFRun r : p.getRuns()) {
                n += r.getCTR().sizeOfLastRenderedPageBreakArray();
                for (CTBr br : r.getCTR().getBrList()) {
                    if (br.getType() == STBrType.PAGE) {
                        n++;
                    }
                }
            }
            return n;
        }

        /** The item's number as Word shows it: {@code 1. }, {@code 第2条 }, {@code （3） }, or {@code ・} for bullets. */
        String marker(XWPFParagraph p, BigInteger numId) {
            String format = p.getNumFmt();
            if (format == null || format.equals("bullet") || format.equals("none")) {
                return "・";
            }
            int level = p.getNumIlvl() == null ? 0 : Math.min(8, p.getNumIlvl().intValue());
            int[] counts = counters.computeIfAbsent(numId.toString(), k -> new int[9]);
            counts[level]++;
            for (int k = level + 1; k < counts.length; k++) {
                counts[k] = 0;
            }
            String template = p.getNumLevelText();
            if (template == null || template.isBlank()) {
                template = "%" + (level + 1) + ".";
            }
            Matcher m = Pattern.compile("%([1-9])").matcher(template);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                int l = m.group(1).charAt(0) - '1';
                m.appendReplacement(b, String.valueOf(Math.max(1, counts[l])));
            }
            m.appendTail(b);
            String marker = b.toString().strip();
            return marker.isEmpty() ? "・" : marker + " ";
        }

        void flushList() {
            if (!items.isEmpty()) {
                String now = paged ? "p. " + page : null;
                out.page(listPage);
                out.list(List.copyOf(items), listLine);
                out.page(now);
                items.clear();
            }
            listId = null;
        }

        void table(XWPFTable table, int line) {
            List<XWPFTableRow> rows = table.getRows();
            if (rows.isEmpty()) {
                return;
            }
            List<String> headers = rows.size() > 1 ? cells(rows.get(0)) : List.of();
            for (int r = rows.size() > 1 ? 1 : 0; r < rows.size(); r++) {
                budget.check();
                out.row(headers, cells(rows.get(r)), line);
            }
        }

        static List<String> cells(XWPFTableRow row) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                cells.add(cell.getText());
            }
            return cells;
        }

        String styleName(XWPFParagraph p) {
            XWPFStyle style = p.getStyleID() == null || doc.getStyles() == null ? null : doc.getStyles().getStyle(p.getStyleID());
            for (int depth = 0; style != null && depth < 8; depth++) {
                String name = style.getName() == null ? "" : style.getName().strip();
                if (HEADING_STYLE.matcher(name).matches() || TITLE_STYLE.matcher(name).matches()) {
                    return name;
                }
                style = style.getBasisStyleID() == null ? null : doc.getStyles().getStyle(style.getBasisStyleID());
            }
            return p.getStyleID() == null ? "" : p.getStyleID();
        }

        /** 1–6 for a heading, by style name or outline level; 0 for body text. */
        int headingLevel(XWPFParagraph p, String style) {
            Matcher m = HEADING_STYLE.matcher(style);
            if (m.matches()) {
                return m.group(1).charAt(0) - '0';
            }
            var ppr = p.getCTP().getPPr();
            if (ppr != null && ppr.getOutlineLvl() != null && ppr.getOutlineLvl().getVal() != null) {
                int outline = ppr.getOutlineLvl().getVal().intValue();
                return outline < 6 ? outline + 1 : 0;
            }
            return 0;
        }
    }
}
