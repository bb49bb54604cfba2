package dev.kotae.corpus;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How an FAQ rule cites a document by name: {@code doc:FILE} (the document), {@code doc:FILE#HEADING}
 * (a section, by its heading as written, or by its whole heading path) and {@code doc:FILE#PAGE}
 * ({@code doc:manual.pdf#p.3}, {@code doc:deck.pptx#スライド3}; spaces do not matter). Each key cites
 * the first passage it names.
 */
public final class DocumentCitations {
    public static final String PREFIX = "doc:";
    private static final String PATH_SEPARATOR = " › ";

    private DocumentCitations() {}

    /** Every key that names this passage, the most general first. */
    public static Set<String> keysOf(Passage p) {
        Set<String> keys = new LinkedHashSet<>();
        String doc = PREFIX + p.doc();
        keys.add(doc);
        if (p.title() != null && !p.title().isBlank()) {
            keys.add(normalise(doc + "#" + p.title()));
            int last = p.title().lastIndexOf(PATH_SEPARATOR);
            if (last >= 0) {
                keys.add(normalise(doc + "#" + p.title().substring(last + PATH_SEPARATOR.length())));
            }
        }
        if (p.sectionId() != null) {
            keys.add(doc + "#" + p.sectionId());
        }
        if (p.page() != null && !p.page().isBlank()) {
            keys.add(normalise(doc + "#" + p.page()));
        }
        return keys;
    }

    /** The form a key is compared in: as written by an admin, spaces removed after the file name. */
    public static String normalise(String key) {
        if (!key.startsWith(PREFIX)) {
            return key;
        }
        int hash = key.indexOf('#');
        if (hash < 0) {
            return key.strip();
        }
        return key.substring(0, hash).strip() + "#" + key.substring(hash + 1).replaceAll("[\\s\\u3000]+", "");
    }
}
