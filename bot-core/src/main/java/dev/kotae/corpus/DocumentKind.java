package dev.kotae.corpus;

/** The layouts a corpus document can have; decided from its content, not only its name. */
public enum DocumentKind {
    /** PDF-extracted seminar text: numbered sections, page numbers such as {@code 第4章 – 07}, maybe a glossary. */
    SEMINAR_TEXT,
    /** PDF-extracted slide deck with {@code 【参照：セミナーテキスト4-1-1.】} markers. */
    SLIDES,
    /** Markdown: headings are sections. */
    MARKDOWN
}
