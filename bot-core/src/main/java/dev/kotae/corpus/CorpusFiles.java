package dev.kotae.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The only way corpus files are found, read and copied, so that nothing outside the corpus folder
 * is ever read: a symbolic link (to {@code /etc/passwd}, to {@code /proc/self/environ}, to another
 * share) or a device, pipe or socket is a named problem, never followed; a file is opened without
 * following a link swapped in after it was listed; and no file is read past {@link CorpusLimits}.
 *
 * <p>The corpus root itself may be a link: it is the admin's setting, not the corpus' content.
 */
public final class CorpusFiles {
    static final String LINK = "シンボリックリンクは読みません。ファイルそのものをコーパスのフォルダにコピーしてください";
    static final String NOT_REGULAR = "普通のファイルではありません（デバイス、パイプ、ソケット）。読むのは普通のファイルだけです";

    private CorpusFiles() {}

    /** What a corpus entry is, looked at without following a link. */
    enum Kind { MISSING, FILE, FOLDER, LINK, OTHER }

    static Kind kindOf(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (attributes.isSymbolicLink()) {
                return Kind.LINK;
            }
            return attributes.isRegularFile() ? Kind.FILE : attributes.isDirectory() ? Kind.FOLDER : Kind.OTHER;
        } catch (IOException e) {
            return Kind.MISSING;
        }
    }

    /** The problem for an entry that must not be read, or null for a regular file or a folder. */
    static CorpusProblem refusal(Kind kind, String shownName) {
        return switch (kind) {
            case LINK -> new CorpusProblem(shownName, 0, LINK);
            case OTHER -> new CorpusProblem(shownName, 0, NOT_REGULAR);
            default -> null;
        };
    }

    /**
     * The regular files directly in {@code dir}, by name. Links and other non-regular entries are
     * reported; subfolders are not read (as before), so they are skipped.
     */
    static List<Path> list(Path dir, String shownDir, List<CorpusProblem> problems) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.sorted().toList()) {
                String shown = shownDir + "/" + entry.getFileName();
                Kind kind = kindOf(entry);
                CorpusProblem refused = refusal(kind, shown);
                if (refused != null) {
                    problems.add(refused);
                } else if (kind == Kind.FILE) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            problems.add(new CorpusProblem(shownDir, 0, "フォルダの中を読めません：" + e.getMessage()));
        }
        return files;
    }

    /**
     * The bytes of a corpus file, or null after reporting why not: a link (also one swapped in since
     * the folder was listed), not a regular file, larger than the limit, or unreadable.
     */
    static byte[] read(Path file, String shownName, CorpusLimits limits, List<CorpusProblem> problems) {
        CorpusProblem refused = refusal(kindOf(file), shownName);
        if (refused != null) {
            problems.add(refused);
            return null;
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file, openOptions(file))) {
            if (channel.size() > limits.maxFileBytes()) {
                problems.add(tooLarge(shownName, limits));
                return null;
            }
            // The size can grow between the check and the read; never read past the limit.
            InputStream in = Channels.newInputStream(channel);
            int atMost = (int) Math.min(limits.maxFileBytes(), Integer.MAX_VALUE - 9) + 1;
            byte[] bytes = in.readNBytes(atMost);
            if (bytes.length > limits.maxFileBytes()) {
                problems.add(tooLarge(shownName, limits));
                return null;
            }
            return bytes;
        } catch (FileSystemException e) {
            problems.add(kindOf(file) == Kind.LINK ? new CorpusProblem(shownName, 0, LINK)
                    : new CorpusProblem(shownName, 0, "ファイルを読めません：" + e.getMessage()));
            return null;
        } catch (IOException e) {
            problems.add(new CorpusProblem(shownName, 0, "ファイルを読めません：" + e.getMessage()));
            return null;
        }
    }

    /**
     * Copies one corpus file, named as {@link CorpusLoader.Result#files()} names it, from one corpus
     * folder to another, by the same rules as reading it: a file that became a link or too large
     * since it was loaded is refused, not copied.
     */
    public static void copy(Path fromRoot, String relative, Path toRoot, CorpusLimits limits) throws IOException, CorpusException {
        List<CorpusProblem> problems = new ArrayList<>();
        Path source = fromRoot.resolve(relative);
        Path parent = source.getParent();
        // documents/ or faq/ swapped for a link since the folder was listed: refused like the file.
        if (parent != null && !parent.equals(fromRoot) && kindOf(parent) == Kind.LINK) {
            throw new CorpusException(List.of(new CorpusProblem(fromRoot.relativize(parent).toString(), 0, LINK)));
        }
        byte[] bytes = read(source, relative, limits, problems);
        if (bytes == null) {
            throw new CorpusException(problems);
        }
        Path target = toRoot.resolve(relative);
        Files.createDirectories(target.getParent());
        Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private static CorpusProblem tooLarge(String shownName, CorpusLimits limits) {
        return new CorpusProblem(shownName, 0, "1ファイルの上限 " + limits.describeMaxFileSize()
                + " を超えています（KOTAE_MAX_DOCUMENT_MB）。ファイルを分けるか、上限を上げてください");
    }

    /** NOFOLLOW_LINKS on the default file system; the embedded corpus (a jar) has no links to follow. */
    private static OpenOption[] openOptions(Path file) {
        return file.getFileSystem() == FileSystems.getDefault()
                ? new OpenOption[] {StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS}
                : new OpenOption[] {StandardOpenOption.READ};
    }
}
