package dev.kotae.corpus;

/**
 * Something wrong with a corpus file, printed as {@code file:line: message}, or {@code file: message}
 * when it is about the whole file (line 0).
 */
public record CorpusProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
