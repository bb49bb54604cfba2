package dev.kotae.corpus.formats;

import java.nio.file.Path;

/**
 * A corpus file about to be read.
 *
 * @param name      the file name, which citations use as {@code doc}
 * @param mediaType the content type detected from its bytes
 */
record SourceFile(Path path, String name, String mediaType) {}
