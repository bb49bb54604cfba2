package dev.kotae.answer;

import java.time.Instant;

/**
 * Where the service notes what happened: admin actions (audit), questions it could not answer well,
 * and feedback. Adapters never write these themselves; they go through {@link KotaeService}.
 */
public interface ActivityLog {
    /** An admin action: who asked (platform and user id), what, and how it ended. */
    record AuditEntry(Instant at, String platform, String userId, String action, String result, String summary) {}

    /** A question answered {@code none} or with low confidence: no user id is kept. */
    record Unanswered(Instant at, String platform, String question, AnswerKind kind, double confidence) {}

    /**
     * Any question answered, for usage counts: when, where, the answer's kind, confidence and citation
     * labels. Neither the question's text nor who asked is kept.
     */
    record Asked(Instant at, String platform, AnswerKind kind, double confidence, java.util.List<String> citations) {
        public Asked {
            citations = java.util.List.copyOf(citations);
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
