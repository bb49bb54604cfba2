package dev.kotae.corpus.formats;

import dev.kotae.corpus.CorpusLimits;
import dev.kotae.corpus.formats.ContentTypes.Detected;
import dev.kotae.corpus.formats.ContentTypes.Family;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The reader registry: finds what a corpus file is from its content, picks the reader for it and
 * reads it within the limits. Every file has one outcome — read, skipped (a type Kotae does not
 * read, listed by name) or refused (named, with why) — so nothing is dropped silently.
 */
public final class DocumentReaders {

    /** What became of one file. */
    public sealed interface Outcome permits Read, Skipped, Refused {}

    public record Read(ReadDocument document) implements Outcome {}

    /** A type Kotae does not read: listed in validate and in the reindex report. */
    public record Skipped(String mediaType, String reason) implements Outcome {}

    /** The file cannot be read: the reindex is refused with {@code file:line: message}. */
    public record Refused(int line, String message) implements Outcome {}

    /**
     * Readers run on their own threads so that one that does not come back in time (a library stuck
     * inside a hostile file) is given up: the reindex is refused and the thread, a daemon, is left to end.
     */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(task, "kotae-document-reader");
        t.setDaemon(true);
        return t;
    });

    private DocumentReaders() {}

    /**
     * From a file's first bytes (see {@code CorpusFiles.head}): a type Kotae does not read, to list
     * as skipped without reading the file whole; null when the file is to be read.
     */
    public static Skipped skipped(byte[] head, String name) {
        try {
            Detected detected = ContentTypes.detect(head);
            Family claimed = ContentTypes.claimedBy(name);
            if (claimed == null && (detected.family() == Family.OTHER || detected.family() == Family.OLD_OFFICE)
                    && !detected.mediaType().equals("application/zip") && !detected.mediaType().equals(ContentTypes.OOXML_CONTAINER)) {
                return skippedAs(detected);
            }
        } catch (IOException | RuntimeException e) {
            // Read whole, it will be detected again and whatever is wrong reported.
        }
        return null;
    }

    /** Reads a document from its bytes (read within the size limit, links refused) under the other limits. */
    public static Outcome read(byte[] bytes, String name, CorpusLimits limits) {
        Detected detected;
        try {
            detected = ContentTypes.detect(bytes);
        } catch (IOException | RuntimeException e) {
            return new Refused(0, "cannot tell what the file is: " + e.getMessage());
        }
        Family claimed = ContentTypes.claimedBy(name);
        Family family = choose(detected, claimed);
        if (family == Family.ENCRYPTED_OFFICE) {
            return new Refused(0, "パスワードで保護されています。パスワードを外して保存し直してください");
        }
        if (family == null) {
            if (claimed != null) {
                return new Refused(0, "中身が拡張子と合いません（中身は " + describe(detected) + "、名前は " + claimedName(claimed) + "）");
            }
            return skippedAs(detected);
        }
        DocumentReader reader = readerFor(family, name);
        return timed(reader, new SourceFile(bytes, name, detected.mediaType()), limits);
    }

    private static Skipped skippedAs(Detected detected) {
        return new Skipped(detected.mediaType(), detected.family() == Family.OLD_OFFICE
                ? "古い Office 形式は読みません。.docx / .pptx / .xlsx で保存し直してください"
                : "読まない形式です");
    }

    /**
     * The family to read the file as, or null when it is not to be read. The content decides; the name
     * only chooses between the text formats (Markdown, seminar text, HTML), and lets a damaged Office or
     * PDF file reach its reader, which then says what is wrong with it.
     */
    static Family choose(Detected detected, Family claimed) {
        Family found = detected.family();
        switch (found) {
            case PDF, WORD, POWERPOINT, EXCEL -> {
                return claimed == null || claimed == found ? found : null;
            }
            case TEXT, HTML -> {
                if (claimed == null) {
                    return found;
                }
                return claimed == Family.TEXT || claimed == Family.HTML ? claimed : null;
            }
            case ENCRYPTED_OFFICE -> {
                return claimed == Family.WORD || claimed == Family.POWERPOINT || claimed == Family.EXCEL ? found : null;
            }
            default -> {
                boolean container = detected.mediaType().equals("application/zip")
                        || detected.mediaType().equals(ContentTypes.OOXML_CONTAINER)
                        || detected.mediaType().equals("application/octet-stream");
                boolean office = claimed == Family.WORD || claimed == Family.POWERPOINT || claimed == Family.EXCEL;
                if (container && (office || claimed == Family.PDF)) {
                    return claimed; // damaged: its reader names the damage
                }
                return null;
            }
        }
    }

    private static DocumentReader readerFor(Family family, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (family) {
            case PDF -> new PdfReader();
            case WORD -> new WordReader();
            case POWERPOINT -> new SlideShowReader();
            case EXCEL -> new SpreadsheetReader();
            case HTML -> new HtmlReader();
            default -> lower.endsWith(".md") || lower.endsWith(".markdown") ? new MarkdownReader() : new TextReader();
        };
    }

    private static Outcome timed(DocumentReader reader, SourceFile file, CorpusLimits limits) {
        ReadBudget budget = new ReadBudget(limits);
        Future<ReadDocument> future = READERS.submit(() -> reader.read(file, budget));
        try {
            return new Read(future.get(limits.maxDocumentTime().toMillis() + 1000, TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            budget.cancel();
            future.cancel(true);
            return new Refused(0, ReadBudget.LimitExceeded.time(limits).getMessage());
        } catch (InterruptedException e) {
            budget.cancel();
            future.cancel(true);
            Thread.currentThread().interrupt();
            return new Refused(0, "読み込みが中断されました");
        } catch (ExecutionException e) {
            return refusal(e.getCause());
        }
    }

    private static Refused refusal(Throwable cause) {
        if (cause instanceof Unreadable u) {
            return new Refused(u.line(), u.getMessage());
        }
        if (cause instanceof ReadBudget.LimitExceeded limit) {
            return new Refused(0, limit.getMessage());
        }
        if (cause instanceof IOException io) {
            return new Refused(0, "cannot read the file: " + io.getMessage());
        }
        if (cause instanceof OutOfMemoryError) {
            return new Refused(0, "読み込みにメモリが足りません（ファイルが大きすぎるか、壊れています）");
        }
        if (cause instanceof StackOverflowError) {
            return new Refused(0, "入れ子が深すぎて読めません");
        }
        return new Refused(0, "読めません（壊れているか、対応していない作りです）: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }

    private static String describe(Detected d) {
        return switch (d.family()) {
            case PDF -> "PDF";
            case WORD -> "Word 文書";
            case POWERPOINT -> "PowerPoint";
            case EXCEL -> "Excel";
            case HTML -> "HTML";
            case TEXT -> "テキスト";
            case OLD_OFFICE -> "古い Office 形式";
            default -> d.mediaType();
        };
    }

    private static String claimedName(Family f) {
        return switch (f) {
            case PDF -> "PDF";
            case WORD -> "Word 文書";
            case POWERPOINT -> "PowerPoint";
            case EXCEL -> "Excel";
            case HTML -> "HTML";
            default -> "テキスト";
        };
    }
}
