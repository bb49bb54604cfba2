package dev.kotae.usage;

import dev.kotae.answer.ActivityLog;
import dev.kotae.answer.Feedback;
import java.nio.file.Path;

/** The activity log as JSON-lines files in the index folder: audit, unanswered questions, feedback. */
public final class FileActivityLog implements ActivityLog {
    public static final String AUDIT = "audit.jsonl";
    public static final String UNANSWERED = "unanswered.jsonl";
    public static final String FEEDBACK = "feedback.jsonl";

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
    public void feedback(Feedback entry) {
        JsonLines.append(dir.resolve(FEEDBACK), entry);
    }
}
