package dev.kotae.corpus.formats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;

/**
 * Finds what a file is from its bytes, not from its name. Text (UTF-8 without control bytes) is
 * recognised directly, so the seminar files cost nothing at start-up; anything binary goes to
 * Tika's detector (magic numbers, zip containers), and the package's declared content types name
 * the kind of an Office file.
 */
final class ContentTypes {
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String OOXML_CONTAINER = "application/x-tika-ooxml";
    static final String OLE2_CONTAINER = "application/x-tika-msoffice";

    /** The families of content Kotae tells apart. */
    enum Family { PDF, WORD, POWERPOINT, EXCEL, HTML, TEXT, ENCRYPTED_OFFICE, OLD_OFFICE, OTHER }

    record Detected(Family family, String mediaType) {}

    private static final int HEAD = 8192;

    private ContentTypes() {}

    /** The family the file name claims, or null when the extension is not one Kotae reads. */
    static Family claimedBy(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String ext = dot < 0 ? "" : lower.substring(dot + 1);
        return switch (ext) {
            case "pdf" -> Family.PDF;
            case "docx", "docm" -> Family.WORD;
            case "pptx", "pptm" -> Family.POWERPOINT;
            case "xlsx", "xlsm" -> Family.EXCEL;
            case "html", "htm", "xhtml" -> Family.HTML;
            case "md", "markdown", "txt", "text" -> Family.TEXT;
            default -> null;
        };
    }

    /**
     * The type of a file from its bytes: all of them, or only its first ones (then an Office file is
     * only known to be a zip or OLE2 container).
     */
    static Detected detect(byte[] bytes) throws IOException {
        byte[] head = bytes.length <= HEAD ? bytes : java.util.Arrays.copyOf(bytes, HEAD);
        if (looksLikeText(head) && !startsWith(head, "%PDF") && !startsWith(head, "{\\rtf")) {
            return new Detected(looksLikeHtml(head) ? Family.HTML : Family.TEXT, looksLikeHtml(head) ? "text/html" : "text/plain");
        }
        String type;
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            type = Tika.DETECTOR.detect(in, new Metadata()).getBaseType().toString();
        }
        return switch (type) {
            case "application/pdf" -> new Detected(Family.PDF, type);
            case OOXML_CONTAINER -> office(bytes);
            case OLE2_CONTAINER -> encrypted(bytes) ? new Detected(Family.ENCRYPTED_OFFICE, type) : new Detected(Family.OLD_OFFICE, type);
            case "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint" -> new Detected(Family.OLD_OFFICE, type);
            case "text/html", "application/xhtml+xml" -> new Detected(Family.HTML, type);
            default -> type.startsWith("text/") ? new Detected(Family.TEXT, type) : new Detected(Family.OTHER, type);
        };
    }

    /** Tika's detector, built on first use: reading the seminar text never pays for it. */
    private static final class Tika {
        static final Detector DETECTOR = TikaConfig.getDefaultConfig().getDetector();
    }

    /**
     * Word, PowerPoint or Excel, from the content type the package declares for its main part. Only
     * the zip's directory and its small {@code [Content_Types].xml} are read, not the parts.
     */
    private static Detected office(byte[] bytes) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            ZipArchiveEntry entry = zip.getEntry("[Content_Types].xml");
            if (entry != null && entry.getSize() >= 0 && entry.getSize() < 1_000_000) {
                String types;
                try (var in = zip.getInputStream(entry)) {
                    types = new String(in.readNBytes(1_000_000), StandardCharsets.UTF_8);
                }
                if (types.contains("wordprocessingml.document.main+xml") || types.contains("ms-word.document.macroEnabled.main+xml")) {
                    return new Detected(Family.WORD, DOCX);
                }
                if (types.contains("presentationml.presentation.main+xml") || types.contains("ms-powerpoint.presentation.macroEnabled.main+xml")) {
                    return new Detected(Family.POWERPOINT, PPTX);
                }
                if (types.contains("spreadsheetml.sheet.main+xml") || types.contains("ms-excel.sheet.macroEnabled.main+xml")) {
                    return new Detected(Family.EXCEL, XLSX);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not a readable package: whatever reads it next says why.
        }
        return new Detected(Family.OTHER, OOXML_CONTAINER);
    }

    /** A password-protected .docx/.xlsx/.pptx is an OLE2 container holding the encrypted package. */
    private static boolean encrypted(byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new java.io.ByteArrayInputStream(bytes))) {
            return fs.getRoot().hasEntryCaseInsensitive("EncryptedPackage");
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * No NUL or other control bytes than tab, CR, LF, FF and ESC. Text in another encoding than UTF-8
     * (Shift_JIS, EUC-JP) passes too: the text readers refuse it as not UTF-8, with its line.
     */
    static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            int c = b & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] head, String magic) {
        if (head.length < magic.length()) {
            return false;
        }
        for (int i = 0; i < magic.length(); i++) {
            if (head[i] != magic.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean looksLikeHtml(byte[] head) {
        String start = new String(head, 0, Math.min(head.length, 1024), StandardCharsets.ISO_8859_1)
                .replace("\uFEFF", "").replace("ï»¿", "").stripLeading().toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html")
                || (start.startsWith("<?xml") || start.startsWith("<!--")) && start.contains("<html");
    }
}
