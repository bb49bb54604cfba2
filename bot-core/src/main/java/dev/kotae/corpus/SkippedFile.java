package dev.kotae.corpus;

/** A file in {@code documents/} of a type Kotae does not read: listed by validate and the reindex report, never dropped silently. */
public record SkippedFile(String name, String mediaType, String reason) {
    @Override
    public String toString() {
        return "documents/" + name + "（" + mediaType + "）: " + reason;
    }
}
