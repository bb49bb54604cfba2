package dev.kotae.corpus.formats;

import dev.kotae.corpus.DocumentKind;
import dev.kotae.corpus.LineRepair;
import dev.kotae.corpus.SourceKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFGroupShape;
import org.apache.poi.xslf.usermodel.XSLFNotes;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextShape;

/**
 * PowerPoint (.pptx), read with POI: one slide, one passage, titled by the slide's title and cited as
 * {@code スライド N}; its text boxes, tables (rows with their headers) and speaker notes are the
 * passage's text. Slide numbers, dates and footers are not.
 */
final class SlideShowReader implements DocumentReader {

    @Override
    public ReadDocument read(SourceFile file, ReadBudget budget) throws Unreadable, IOException {
        OPCPackage pkg = OfficePackages.open(file, budget);
        XMLSlideShow show;
        try {
            show = new XMLSlideShow(pkg);
        } catch (RuntimeException e) {
            pkg.revert();
            throw OfficePackages.failure(e, budget);
        }
        try (show) {
            List<XSLFSlide> slides = show.getSlides();
            String title = show.getProperties() == null ? null : show.getProperties().getCoreProperties().getTitle();
            if ((title == null || title.isBlank()) && !slides.isEmpty() && slides.get(0).getTitle() != null) {
                title = OutlineBuilder.clean(slides.get(0).getTitle());
            }
            if (title == null || title.isBlank()) {
                title = file.name();
            }
            OutlineBuilder out = new OutlineBuilder(file.name(), SourceKind.SLIDES, title, false, budget);
            int number = 0;
            for (XSLFSlide slide : slides) {
                budget.check();
                number++;
                String slideTitle = slide.getTitle() == null || slide.getTitle().isBlank()
                        ? "スライド " + number : OutlineBuilder.clean(slide.getTitle());
                List<String> parts = new ArrayList<>();
                for (XSLFShape shape : slide.getShapes()) {
                    text(shape, parts);
                }
                XSLFNotes notes = slide.getNotes();
                if (notes != null) {
                    for (XSLFShape shape : notes.getShapes()) {
                        if (shape instanceof XSLFTextShape t && t.getPlaceholder() == Placeholder.BODY) {
                            parts.add(joined(t));
                        }
                    }
                }
                out.page("スライド " + number);
                out.heading(1, slideTitle, number);
                out.whole(String.join(" ", parts.stream().filter(s -> !s.isBlank()).toList()), number);
            }
            if (out.passageCount() == 0) {
                throw new Unreadable(slides.isEmpty() ? "スライドがありません" : "スライドにテキストがありません");
            }
            return new ReadDocument(DocumentKind.POWERPOINT, ContentTypes.PPTX, title, slides.size(), 0, out.build(), List.of());
        } catch (RuntimeException e) {
            if (e instanceof ReadBudget.LimitExceeded limit) {
                throw limit;
            }
            throw OfficePackages.failure(e, budget);
        }
    }

    private static void text(XSLFShape shape, List<String> parts) {
        if (shape instanceof XSLFGroupShape group) {
            for (XSLFShape child : group.getShapes()) {
                text(child, parts);
            }
        } else if (shape instanceof XSLFTable table) {
            List<String> headers = List.of();
            boolean first = true;
            for (XSLFTableRow row : table.getRows()) {
                List<String> cells = new ArrayList<>();
                for (XSLFTableCell cell : row.getCells()) {
                    cells.add(OutlineBuilder.clean(cell.getText()));
                }
                if (first && table.getRows().size() > 1) {
                    headers = cells;
                } else {
                    List<String> pairs = new ArrayList<>();
                    for (int c = 0; c < cells.size(); c++) {
                        String h = c < headers.size() ? headers.get(c) : "";
                        if (!cells.get(c).isEmpty()) {
                            pairs.add(h.isEmpty() || h.equals(cells.get(c)) ? cells.get(c) : h + "：" + cells.get(c));
                        }
                    }
                    parts.add(String.join(" ", pairs));
                }
                first = false;
            }
        } else if (shape instanceof XSLFTextShape t) {
            Placeholder p = t.getPlaceholder();
            if (p == Placeholder.TITLE || p == Placeholder.CENTERED_TITLE || p == Placeholder.SLIDE_NUMBER
                    || p == Placeholder.DATETIME || p == Placeholder.FOOTER || p == Placeholder.HEADER) {
                return;
            }
            parts.add(joined(t));
        }
    }

    /**
     * A text box's paragraphs, a line broken inside a sentence joined. The paragraphs of a content
     * placeholder are its bullet points, written {@code ・} (asking POI whether each paragraph is a
     * bullet walks the slide's master styles, most of the time of reading a deck).
     */
    private static String joined(XSLFTextShape shape) {
        List<String> lines = new ArrayList<>();
        Placeholder placeholder = shape.getPlaceholder();
        boolean points = placeholder == Placeholder.BODY || placeholder == Placeholder.CONTENT;
        List<XSLFTextParagraph> paragraphs = shape.getTextParagraphs();
        for (XSLFTextParagraph p : paragraphs) {
            String t = p.getText() == null ? "" : p.getText().replace('\u000B', '\n');
            StringBuilder b = new StringBuilder();
            for (String line : t.split("\n")) {
                LineRepair.appendLine(b, line);
            }
            if (!b.isEmpty()) {
                lines.add((points && paragraphs.size() > 1 ? "・" : "") + b);
            }
        }
        return String.join(" ", lines);
    }
}
