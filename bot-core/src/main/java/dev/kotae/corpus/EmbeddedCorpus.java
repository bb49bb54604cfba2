package dev.kotae.corpus;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/** The default corpus that ships inside the jar (the {@code corpus} module), under {@code kotae-corpus/}. */
public final class EmbeddedCorpus {
    public static final String ROOT = "kotae-corpus";

    private EmbeddedCorpus() {}

    /**
     * The jar or class folder the embedded corpus comes from ({@link #ROOT} is in it), found without
     * opening the jar as a file system as {@link #root} does (~0.1 s of a cold start: the shaded jar
     * has some 20,000 entries).
     */
    public static Path source() throws IOException {
        URL url = EmbeddedCorpus.class.getClassLoader().getResource(ROOT + "/synonyms.txt");
        if (url == null) {
            throw new IOException("the embedded corpus is missing from the class path (" + ROOT + "/)");
        }
        try {
            if ("jar".equals(url.getProtocol())) {
                String file = url.getPath(); // file:/…/kotae.jar!/kotae-corpus/synonyms.txt
                return Path.of(new URI(file.substring(0, file.indexOf("!/"))));
            }
            return Path.of(url.toURI()).getParent().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("bad embedded corpus location " + url, e);
        }
    }

    /** The embedded corpus directory, inside the jar or on the class path. */
    public static Path root() throws IOException {
        URL url = EmbeddedCorpus.class.getClassLoader().getResource(ROOT + "/synonyms.txt");
        if (url == null) {
            throw new IOException("the embedded corpus is missing from the class path (" + ROOT + "/)");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.getPath("/" + ROOT);
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException e) {
            throw new IOException("bad embedded corpus location " + url, e);
        }
    }
}
