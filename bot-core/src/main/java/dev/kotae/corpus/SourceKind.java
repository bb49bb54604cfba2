package dev.kotae.corpus;

/** Where a piece of the corpus came from; the lower-case name is what citations print. */
public enum SourceKind {
    TEXT, SLIDES, GLOSSARY, FAQ;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
