package dev.kotae.corpus;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a single line of PDF-extracted seminar text is, judged from the line alone. */
enum LineKind {
    BLANK,
    /** {@code 第4章 – 07}. */
    PAGE_NUMBER,
    /** {@code 第4章. 企業経営で…}: the chapter title, printed again as a running header on every page. */
    CHAPTER_HEADER,
    /** {@code 4-2. 守りのIT投資と攻めのIT投資}: the part title, a running header. */
    PART_HEADER,
    /** {@code 4-2-5. 次世代技術を活用したビジネス展開}. */
    SECTION_HEADING,
    /** {@code 編集後記}: an unnumbered closing part. */
    AFTERWORD,
    /** {@code 用語集}: the glossary starts here. */
    GLOSSARY,
    /** {@code 図17. …}, {@code 図❷}. */
    FIGURE_CAPTION,
    /** {@code （出典）…}. */
    SOURCE,
    /** {@code [10]:経済産業省…}. */
    FOOTNOTE,
    /** A line that is only a URL (typically the tail of a footnote or source). */
    URL,
    CONTENT;

    static final Pattern PAGE_NUMBER_RE = Pattern.compile("^\\s*(第\\s*[0-9０-９]+\\s*章\\s*[–—−-]\\s*)([0-9０-９]+)\\s*$");
    static final Pattern CHAPTER_RE = Pattern.compile("^\\s*(第[0-9０-９]+章)[.．]\\s*(\\S.*?)\\s*$");
    static final Pattern PART_RE = Pattern.compile("^\\s*[0-9]+-[0-9]+[.．]\\s*\\S.*$");
    static final Pattern SECTION_RE = Pattern.compile("^\\s*([0-9]+-[0-9]+-[0-9]+)[.．]\\s*(\\S.*?)\\s*$");
    private static final Pattern FIGURE_RE = Pattern.compile("^\\s*図\\s*[0-9０-９❶-❿①-⑳]+([.．:：\\s].*)?$");
    private static final Pattern SOURCE_RE = Pattern.compile("^\\s*[（(]\\s*出典\\s*[）)].*$");
    private static final Pattern FOOTNOTE_RE = Pattern.compile("^\\s*\\[[0-9]{1,3}]\\s*[:：].*$");
    private static final Pattern URL_RE = Pattern.compile("^\\s*https?://\\S*.*$");

    static LineKind of(String line) {
        if (line == null || line.isBlank()) {
            return BLANK;
        }
        String t = line.strip();
        if (PAGE_NUMBER_RE.matcher(line).matches()) {
            return PAGE_NUMBER;
        }
        if (CHAPTER_RE.matcher(line).matches()) {
            return CHAPTER_HEADER;
        }
        if (SECTION_RE.matcher(line).matches()) {
            return SECTION_HEADING;
        }
        if (PART_RE.matcher(line).matches()) {
            return PART_HEADER;
        }
        if (t.equals("編集後記")) {
            return AFTERWORD;
        }
        if (t.equals("用語集")) {
            return GLOSSARY;
        }
        if (FIGURE_RE.matcher(line).matches()) {
            return FIGURE_CAPTION;
        }
        if (SOURCE_RE.matcher(line).matches()) {
            return SOURCE;
        }
        if (FOOTNOTE_RE.matcher(line).matches()) {
            return FOOTNOTE;
        }
        if (URL_RE.matcher(line).matches()) {
            return URL;
        }
        return CONTENT;
    }

    /** Furniture never becomes passage text. */
    boolean isFurniture() {
        return this != BLANK && this != CONTENT;
    }

    static Matcher section(String line) {
        return SECTION_RE.matcher(line);
    }
}
