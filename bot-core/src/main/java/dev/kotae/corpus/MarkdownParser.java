package dev.kotae.corpus;

import dev.kotae.corpus.formats.MarkdownReader;
import java.util.List;
import java.util.Objects;

/**
 * Parses an admin-written Markdown document: see {@link MarkdownReader}, which reads it with
 * commonmark-java. Kept for callers that hold the document as lines.
 */
public final class MarkdownParser {
    private MarkdownParser() {}

    public static ParsedText parse(String doc, List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return ParsedText.empty();
        }
        return MarkdownReader.parse(doc, String.join("\n", lines.stream().map(l -> Objects.requireNonNullElse(l, "")).toList()));
    }
}
