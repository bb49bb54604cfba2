package dev.kotae.corpus.formats;

import java.nio.file.Path;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * Opens .docx, .pptx and .xlsx files with POI's zip-bomb protections on: an entry that inflates
 * more than 100 times (POI's ratio check) or beyond the per-part limit is refused before it is read.
 */
final class OfficePackages {
    private OfficePackages() {}

    static OPCPackage open(Path file, ReadBudget budget) throws Unreadable {
        synchronized (OfficePackages.class) {
            ZipSecureFile.setMinInflateRatio(0.01);
            ZipSecureFile.setMaxEntrySize(budget.limits().maxPartBytes());
            ZipSecureFile.setMaxTextSize(Math.min(budget.limits().maxDocumentChars() * 4, Integer.MAX_VALUE - 8));
        }
        try {
            return OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | EncryptedDocumentException | IllegalArgumentException e) {
            throw corrupt(e);
        } catch (RuntimeException e) {
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
