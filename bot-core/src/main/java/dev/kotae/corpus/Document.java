package dev.kotae.corpus;

/** One file of the corpus. {@code name} is the file name, which citations use as {@code doc}. */
public record Document(String name, DocumentKind kind, String title, int lines) {}
