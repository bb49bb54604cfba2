package dev.kotae.corpus.formats;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDFBox's text extraction, kept line by line with each line's position, so that paragraphs are
 * found from the layout: a gap between lines clearly wider than the page's usual line pitch is a
 * paragraph break (written as an empty line).
 */
final class PdfLines extends PDFTextStripper {
    private record Line(String text, float y, float height) {}

    private final List<Line> lines = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private float y = Float.NaN;
    private float height;

    /** The lines of one page (1-based), an empty line where a paragraph ends. */
    List<String> page(PDDocument pdf, int number) throws IOException {
        lines.clear();
        current.setLength(0);
        y = Float.NaN;
        setStartPage(number);
        setEndPage(number);
        writeText(pdf, Writer.nullWriter());
        endLine();
        return withParagraphBreaks();
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        if (!positions.isEmpty() && Float.isNaN(y)) {
            y = positions.get(0).getYDirAdj();
        }
        for (TextPosition p : positions) {
            height = Math.max(height, p.getHeightDir());
        }
        current.append(text);
    }

    @Override
    protected void writeWordSeparator() {
        current.append(' ');
    }

    @Override
    protected void writeLineSeparator() {
        endLine();
    }

    @Override
    protected void endPage(PDPage page) {
        endLine();
    }

    private void endLine() {
        if (!current.isEmpty()) {
            lines.add(new Line(current.toString().replace('\u00A0', ' '), y, height));
        }
        current.setLength(0);
        y = Float.NaN;
        height = 0;
    }

    private List<String> withParagraphBreaks() {
        List<Float> gaps = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            float gap = lines.get(i).y() - lines.get(i - 1).y();
            if (gap > 0) {
                gaps.add(gap);
            }
        }
        float pitch = gaps.isEmpty() ? 0 : gaps.stream().sorted().toList().get(gaps.size() / 2);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (i > 0 && pitch > 0) {
                float gap = line.y() - lines.get(i - 1).y();
                // Wider than usual, or going back up the page (a new column or a text box).
                if (gap > pitch * 1.45f || gap < -line.height()) {
                    out.add("");
                }
            }
            out.add(line.text());
        }
        return out;
    }
}
