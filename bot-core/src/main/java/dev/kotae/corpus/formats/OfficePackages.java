package dev.kotae.corpus.formats;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Opens .docx, .pptx and .xlsx files with POI's zip-bomb protections on: an entry that inflates
 * more than 100 times (POI's ratio check) or beyond the per-part limit is refused while it is inflated.
 */
final class OfficePackages {
    private OfficePackages() {}

    static OPCPackage open(SourceFile file, ReadBudget budget) throws Unreadable {
        synchronized (OfficePackages.class) {
            ZipSecureFile.setMinInflateRatio(0.01);
            ZipSecureFile.setMaxEntrySize(budget.limits().maxPartBytes());
            long chars = budget.limits().maxDocumentChars();
            ZipSecureFile.setMaxTextSize(chars > (Integer.MAX_VALUE - 8) / 4 ? Integer.MAX_VALUE - 8 : chars * 4);
        }
        try {
            return OPCPackage.open(file.stream());
        } catch (InvalidFormatException | EncryptedDocumentException | IllegalArgumentException e) {
            throw corrupt(e);
        } catch (java.io.IOException | RuntimeException e) {
            throw failure(e, budget);
        }
    }

    /** What a failure while reading a package means to an admin. */
    static Unreadable failure(Throwable e, ReadBudget budget) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("exceeds the max entry size")
                    || m.contains("exceeded the max")) {
                return new Unreadable(ReadBudget.LimitExceeded.part(budget.limits()).getMessage());
            }
            if (t instanceof ReadBudget.LimitExceeded limit) {
                throw limit;
            }
        }
        return corrupt(e);
    }

    static Unreadable corrupt(Throwable e) {
        return new Unreadable("Office ファイルとして読めません（壊れているか、途中で切れています）: " + e.getMessage());
    }
}
