package dev.kotae.usage;

import dev.kotae.answer.ActivityLog;
import dev.kotae.answer.Feedback;
import java.nio.file.Path;

/** The activity log as JSON-lines files in the index folder: audit, unanswered questions, feedback, usage counts. */
public final class FileActivityLog implements ActivityLog {
    public static final String AUDIT = "audit.jsonl";
    public static final String UNANSWERED = "unanswered.jsonl";
    public static final String FEEDBACK = "feedback.jsonl";
    /** Every answer's kind, confidence and citations (no question text, no user): the usage charts. */
    public static final String USAGE = "usage.jsonl";

    private final Path dir;

    public FileActivityLog(Path dir) {
        this.dir = dir;
    }

    @Override
    public void audit(AuditEntry entry) {
        JsonLines.append(dir.resolve(AUDIT), entry);
    }

    @Override
    public void unanswered(Unanswered entry) {
        JsonLines.append(dir.resolve(UNANSWERED), entry);
    }

    @Override
    public void asked(Asked entry) {
        JsonLines.append(dir.resolve(USAGE), entry);
    }

    @Override
    public void feedback(Feedback entry) {
        JsonLines.append(dir.resolve(FEEDBACK), entry);
    }
}
