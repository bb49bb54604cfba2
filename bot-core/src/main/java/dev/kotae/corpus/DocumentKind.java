package dev.kotae.corpus;

/** The layouts a corpus document can have; decided from its content, not only its name. */
public enum DocumentKind {
    /** PDF-extracted seminar text: numbered sections, page numbers such as {@code 第4章 – 07}, maybe a glossary. */
    SEMINAR_TEXT("テキスト"),
    /** PDF-extracted slide deck with {@code 【参照：セミナーテキスト4-1-1.】} markers. */
    SLIDES("スライド（テキスト）"),
    /** Markdown: headings are sections. */
    MARKDOWN("Markdown"),
    /** Plain text not in the seminar form: paragraphs. */
    PLAIN_TEXT("テキスト"),
    /** PDF: text per page, headings from the outline or from numbering. */
    PDF("PDF"),
    /** Word (.docx): heading styles make sections. */
    WORD("Word"),
    /** PowerPoint (.pptx): one slide, one passage. */
    POWERPOINT("PowerPoint"),
    /** Excel (.xlsx): each row with its header cells. */
    EXCEL("Excel"),
    /** A web page: the main content, headings make sections. */
    HTML("HTML");

    private final String label;

    DocumentKind(String label) {
        this.label = label;
    }

    /** How reports name the type. */
    public String label() {
        return label;
    }
}
