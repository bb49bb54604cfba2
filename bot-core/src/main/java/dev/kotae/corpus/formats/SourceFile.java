package dev.kotae.corpus.formats;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * A corpus file about to be read, as bytes read within the size limit and without following links.
 *
 * @param name      the file name, which citations use as {@code doc}
 * @param mediaType the content type detected from its bytes
 */
record SourceFile(byte[] bytes, String name, String mediaType) {
    InputStream stream() {
        return new ByteArrayInputStream(bytes);
    }
}
