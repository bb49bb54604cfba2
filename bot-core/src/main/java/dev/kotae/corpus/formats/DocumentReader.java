package dev.kotae.corpus.formats;

import java.io.IOException;

/** Reads one corpus file of one format into sections, passages and the rest. */
interface DocumentReader {
    ReadDocument read(SourceFile file, ReadBudget budget) throws Unreadable, IOException;
}
