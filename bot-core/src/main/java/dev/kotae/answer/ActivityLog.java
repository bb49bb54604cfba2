package dev.kotae.answer;

import java.time.Instant;

/**
 * Where the service notes what happened: admin actions (audit), questions it could not answer well,
 * and feedback. Adapters never write these themselves; they go through {@link KotaeService}.
 */
public interface ActivityLog {
    /** An admin action: who asked (platform and user id), what, and how it ended. Texts are capped ({@link StoredText}). */
    record AuditEntry(Instant at, String platform, String userId, String action, String result, String summary) {
        public AuditEntry {
            platform = StoredText.cap(platform, StoredText.NAME);
            userId = StoredText.cap(userId, StoredText.NAME);
            action = StoredText.cap(action, StoredText.NAME);
            result = StoredText.cap(result, StoredText.NAME);
            summary = StoredText.cap(summary, StoredText.SUMMARY);
        }
    }

    /** A question answered {@code none} or with low confidence: no user id is kept; the question is capped. */
    record Unanswered(Instant at, String platform, String question, AnswerKind kind, double confidence) {
        public Unanswered {
            platform = StoredText.cap(platform, StoredText.NAME);
            question = StoredText.cap(question, StoredText.QUESTION);
        }
    }

    /**
     * Any question answered, for usage counts: when, where, the answer's kind, confidence and citation
     * labels. Neither the question's text nor who asked is kept.
     */
    record Asked(Instant at, String platform, AnswerKind kind, double confidence, java.util.List<String> citations) {
        public Asked {
            platform = StoredText.cap(platform, StoredText.NAME);
            citations = StoredText.cap(java.util.List.copyOf(citations), StoredText.CITATIONS, StoredText.CITATION);
        }
    }

    void audit(AuditEntry entry);

    /** Usage counts; a log that keeps none (tests, one-shot commands) need not implement it. */
    default void asked(Asked entry) {}

    void unanswered(Unanswered entry);

    void feedback(Feedback entry);

    /** Keeps nothing: for tests and one-shot commands. */
    static ActivityLog none() {
        return new ActivityLog() {
            @Override
            public void audit(AuditEntry entry) {}

            @Override
            public void unanswered(Unanswered entry) {}

            @Override
            public void feedback(Feedback entry) {}
        };
    }
}
