package dev.kotae.corpus;

/** Something wrong with a corpus file, printed as {@code file:line: message}. */
public record CorpusProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
