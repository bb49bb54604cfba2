package dev.kotae.generation;

import dev.kotae.analysis.TextAnalysis;
import dev.kotae.corpus.EmbeddedCorpus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.apache.lucene.util.Version;

/**
 * What shipped tables ({@link ShippedTables}) were computed from, so that a start uses them only with
 * the same: the classes of the code that computes them (the corpus readers, the analysis, the index
 * and this package), Lucene's version and the analysis options, and the embedded corpus's files. Each
 * file is listed by name with its size and CRC-32. In a jar those come from its directory, so a start
 * reads no file and looks up only the names listed (the jar was written whole by the build that wrote
 * the tables); in a class folder (tests, an IDE) every file is listed and read again, so that one added
 * since is seen too.
 */
final class ShippedFiles {
    /** The packages of the code that computes the tables. */
    static final List<String> CODE = List.of("dev/kotae/analysis/", "dev/kotae/corpus/", "dev/kotae/generation/",
            "dev/kotae/index/");
    static final List<String> CORPUS = List.of(EmbeddedCorpus.ROOT + "/");

    private ShippedFiles() {}

    /** Lucene's version and the one analysis option that changes the tables. */
    static String build() {
        return "Lucene " + Version.LATEST + ", mappedInDictionary=" + TextAnalysis.mappedInDictionary();
    }

    /** The jar or class folder Kotae's code comes from. */
    static Path codeSource() throws IOException {
        try {
            return Path.of(ShippedFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("cannot locate Kotae's own classes: " + e.getMessage(), e);
        }
    }

    /** Every file under {@code prefixes} in a jar or folder, by name ({@code /}), with its size and CRC-32. */
    static Map<String, Long> list(Path source, List<String> prefixes) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        if (Files.isDirectory(source)) {
            for (String prefix : prefixes) {
                Path dir = source.resolve(prefix);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                List<Path> found = new ArrayList<>();
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.filter(Files::isRegularFile).forEach(found::add);
                }
                for (Path p : found) {
                    byte[] bytes = Files.readAllBytes(p);
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    files.put(source.relativize(p).toString().replace('\\', '/'), sizeAndCrc(bytes.length, crc.getValue()));
                }
            }
            return files;
        }
        try (JarFile jar = new JarFile(source.toFile())) {
            var entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && prefixes.stream().anyMatch(entry.getName()::startsWith)) {
                    files.put(entry.getName(), sizeAndCrc(entry.getSize(), entry.getCrc()));
                }
            }
        }
        return files;
    }

    /**
     * Whether {@code source} holds the files listed: in a jar, each of them, same size and CRC-32; in a
     * folder, exactly them.
     */
    static boolean same(Path source, List<String> prefixes, Map<String, Long> listed) throws IOException {
        if (Files.isDirectory(source)) {
            return list(source, prefixes).equals(listed);
        }
        try (JarFile jar = new JarFile(source.toFile())) {
            for (Map.Entry<String, Long> file : listed.entrySet()) {
                JarEntry entry = jar.getJarEntry(file.getKey());
                if (entry == null || !Objects.equals(file.getValue(), sizeAndCrc(entry.getSize(), entry.getCrc()))) {
                    return false;
                }
            }
        }
        return !listed.isEmpty();
    }

    private static long sizeAndCrc(long size, long crc) {
        return size << 32 | (crc & 0xFFFF_FFFFL);
    }
}
