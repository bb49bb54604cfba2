package dev.kotae.corpus.formats;

import dev.kotae.corpus.DocumentKind;
import dev.kotae.corpus.LineRepair;
import dev.kotae.corpus.ParsedText;
import dev.kotae.corpus.SeminarTextParser;
import dev.kotae.corpus.SlideDeckParser;
import dev.kotae.corpus.SourceKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code .txt} files: the seminar text and slide deck forms (read exactly as before), or plain text
 * in paragraphs, titled by the file.
 */
final class TextReader implements DocumentReader {
    private static final Pattern SLIDE_MARKER = Pattern.compile("【参照[：:]");
    /** A printed page number {@code 第4章 – 07} or a numbered section {@code 4-2-5.}: the seminar form. */
    private static final Pattern SEMINAR_LINE = Pattern.compile(
            "^\\s*(?:第\\s*[0-9０-９]+\\s*章\\s*[–—−-]\\s*[0-9０-９]+|[0-9]+-[0-9]+-[0-9]+[.．]\\s*\\S.*)\\s*$");

    @Override
    public ReadDocument read(SourceFile file, ReadBudget budget) throws Unreadable, IOException {
        String text = TextFiles.decode(file.bytes());
        budget.admit(text.length());
        return read(file.name(), file.mediaType(), text, budget);
    }

    static ReadDocument read(String name, String mediaType, String text, ReadBudget budget) {
        List<String> lines = text.lines().toList();
        DocumentKind kind = kindOf(name.toLowerCase(Locale.ROOT), lines);
        String title = titleOf(lines, name);
        return switch (kind) {
            case SLIDES -> new ReadDocument(kind, mediaType, title, 0, lines.size(), ParsedText.empty(),
                    SlideDeckParser.parse(name, lines));
            case SEMINAR_TEXT -> new ReadDocument(kind, mediaType, title, 0, lines.size(),
                    SeminarTextParser.parse(name, lines), List.of());
            default -> new ReadDocument(DocumentKind.PLAIN_TEXT, mediaType, title, 0, lines.size(),
                    paragraphs(name, lines, budget), List.of());
        };
    }

    static DocumentKind kindOf(String lowerName, List<String> lines) {
        boolean marker = false;
        boolean seminar = false;
        for (String line : lines) {
            marker |= SLIDE_MARKER.matcher(line).find();
            seminar |= SEMINAR_LINE.matcher(line).matches();
        }
        if (marker || (seminar && lowerName.contains("slide"))) {
            return DocumentKind.SLIDES;
        }
        return seminar ? DocumentKind.SEMINAR_TEXT : DocumentKind.PLAIN_TEXT;
    }

    /** Blank lines separate paragraphs; lines inside one are joined as Japanese text is. */
    private static ParsedText paragraphs(String name, List<String> lines, ReadBudget budget) {
        OutlineBuilder out = new OutlineBuilder(name, SourceKind.TEXT, name, false, budget);
        List<String> paragraph = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            if (line.isBlank()) {
                if (!paragraph.isEmpty()) {
                    out.paragraph(LineRepair.join(paragraph), start + 1);
                    paragraph.clear();
                }
                continue;
            }
            if (paragraph.isEmpty()) {
                start = i;
            }
            paragraph.add(line);
        }
        return out.build();
    }

    private static String titleOf(List<String> lines, String fallback) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                .map(l -> l.replaceFirst("^#+\\s*", "")).orElse(fallback);
    }
}
