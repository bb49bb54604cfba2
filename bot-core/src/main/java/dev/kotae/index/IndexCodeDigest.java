package dev.kotae.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.lucene.util.Version;

/**
 * A short digest of the code that decides what goes into an index: the bytecode of the
 * {@code analysis} and {@code index} packages and the Lucene version. Stamped into every index next
 * to the corpus digest, so an index written by another build of Kotae is recognised after a deploy
 * and rebuilt from its corpus, instead of silently serving terms the new analysis no longer makes.
 * Derived from the classes themselves so that nobody has to remember to bump a number.
 */
public final class IndexCodeDigest {
    private static final List<String> PACKAGES = List.of("dev/kotae/analysis/", "dev/kotae/index/");
    private static volatile String digest;

    private IndexCodeDigest() {}

    public static String current() {
        String d = digest;
        if (d == null) {
            digest = d = compute();
        }
        return d;
    }

    /**
     * Takes the digest as the build computed it, from shipped tables whose check found this build's
     * classes of these packages the same as the build's (see {@code ShippedFiles}): the same value,
     * without reading every class of the jar again (~60 ms of a cold start).
     */
    public static void remember(String computedByTheBuild) {
        if (digest == null) {
            digest = computedByTheBuild;
        }
    }

    private static String compute() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Version.LATEST.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> e : classFiles().entrySet()) {
                sha.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(e.getValue());
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        } catch (IOException | URISyntaxException e) {
            throw new UncheckedIOException(new IOException("cannot read Kotae's own classes: " + e.getMessage(), e));
        }
    }

    /** Class files of the digested packages, by name, from the jar or folder this class came from. */
    private static Map<String, byte[]> classFiles() throws IOException, URISyntaxException {
        Path source = Path.of(IndexCodeDigest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, byte[]> files = new TreeMap<>();
        if (Files.isDirectory(source)) {
            for (String pkg : PACKAGES) {
                Path dir = source.resolve(pkg);
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                List<Path> classes = new ArrayList<>();
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.filter(p -> p.toString().endsWith(".class")).forEach(classes::add);
                }
                for (Path p : classes) {
                    files.put(source.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
        } else {
            try (JarFile jar = new JarFile(source.toFile())) {
                var entries = jar.entries();
                while (entries.hasMoreElements()) {
                    var entry = entries.nextElement();
                    String name = entry.getName();
                    if (name.endsWith(".class") && PACKAGES.stream().anyMatch(name::startsWith)) {
                        try (InputStream in = jar.getInputStream(entry)) {
                            files.put(name, in.readAllBytes());
                        }
                    }
                }
            }
        }
        if (files.isEmpty()) {
            throw new IOException("no classes of " + PACKAGES + " in " + source);
        }
        return files;
    }
}
