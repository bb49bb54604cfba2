package dev.kotae.answer;

import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusProblem;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one object every adapter shares: ask a question, get an answer; admins reindex; users give
 * feedback. Answers always come from one complete {@link Knowledge} generation; a reindex builds
 * the next generation beside the current one and swaps it in atomically (as Lucene's
 * SearcherManager swaps searchers), so questions asked during a reindex see the old generation or
 * the new, never a mix, and never fail.
 */
public final class KotaeService {
    /** Below this confidence an answered question is still recorded as a candidate FAQ. */
    static final double LOW_CONFIDENCE = 0.6;

    private final AtomicReference<Knowledge> current;
    private final Answerer answerer;
    private final Reindexer reindexer;
    private final ActivityLog log;
    private final ReentrantLock reindexing = new ReentrantLock();
    /** Answers in progress: a ticket each, with when it started (as many entries as answering threads). */
    private final java.util.concurrent.ConcurrentHashMap<Long, Long> inProgress = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong tickets = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.LongAdder answered = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder failed = new java.util.concurrent.atomic.LongAdder();
    /** The latest feedback, for a running bot's own view; the activity log keeps all of it. */
    private final java.util.Deque<Feedback> feedback = new java.util.ArrayDeque<>();
    private static final int RECENT_FEEDBACK = 1000;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KotaeService.class);

    public KotaeService(Knowledge knowledge, AnswerSettings settings) {
        this(knowledge, settings, null, ActivityLog.none());
    }

    public KotaeService(Knowledge knowledge, AnswerSettings settings, Reindexer reindexer, ActivityLog log) {
        this.current = new AtomicReference<>(knowledge);
        this.answerer = new Answerer(settings);
        this.reindexer = reindexer;
        this.log = log;
    }

    /**
     * The service adapters start with: the corpus from {@code KOTAE_CORPUS_DIR} (else the embedded
     * one), index generations in {@code KOTAE_INDEX_DIR} (else in memory).
     */
    public static KotaeService fromEnvironment() throws Exception {
        return dev.kotae.generation.Services.fromEnvironment();
    }

    /**
     * Never throws: a failure inside answering (a generation closed under a very long question, a
     * bug) becomes an honest "could not answer" with the hand-off line, and is logged without the
     * question's text.
     */
    public Answer answer(Question question) {
        Answer answer;
        long ticket = tickets.incrementAndGet();
        inProgress.put(ticket, System.nanoTime());
        try {
            answer = answerer.answer(current.get(), question);
        } catch (RuntimeException e) {
            failed.increment();
            LOG.error("answering failed on {} ({}); answered none", question.platform(), e.toString());
            answer = answerer.failed();
        } finally {
            inProgress.remove(ticket);
            answered.increment();
        }
        if (!question.text().isBlank()) {
            log.asked(new ActivityLog.Asked(Instant.now(), question.platform(), answer.kind(), answer.confidence(),
                    answer.citations().stream().map(Citation::label).toList()));
        }
        if ((answer.kind() == AnswerKind.NONE || answer.confidence() < LOW_CONFIDENCE)
                && answer.kind() != AnswerKind.HELP && !question.text().isBlank()) {
            log.unanswered(new ActivityLog.Unanswered(Instant.now(), question.platform(),
                    StoredText.cap(question.text(), 500),
                    answer.kind(), answer.confidence()));
        }
        return answer;
    }

    public Answer answer(String question) {
        return answer(Question.of(question));
    }

    /**
     * A snapshot for {@code /healthz}: answers in progress and the age of the oldest (a stuck worker),
     * with counters since start. Safe to call from any thread at any rate.
     */
    public AnswerHealth health() {
        long now = System.nanoTime();
        long oldest = 0;
        int count = 0;
        for (long started : inProgress.values()) {
            count++;
            oldest = Math.max(oldest, now - started);
        }
        long oldestMillis = oldest / 1_000_000;
        return new AnswerHealth(count, oldestMillis, oldestMillis > AnswerHealth.STUCK_AFTER.toMillis(),
                answered.sum(), failed.sum(), answerer.patternsOverBudget());
    }

    public Knowledge knowledge() {
        return current.get();
    }

    /** A reindex asked for by nobody in particular (the console, the watcher). */
    public ReindexReport reindex() {
        return reindex("system", null);
    }

    /**
     * Rebuilds and swaps the new generation in. One reindex at a time: a second request while one
     * runs is told so. A refused corpus leaves the current generation answering. Every request is
     * audited with who asked.
     */
    public ReindexReport reindex(String platform, String userId) {
        ReindexReport report;
        if (reindexer == null) {
            report = ReindexReport.refused(List.of(new CorpusProblem("corpus", 0,
                    "このサービスはコーパスの場所を知らずに起動したため、インデックスを再作成できません")), 0);
        } else if (!reindexing.tryLock()) {
            report = ReindexReport.alreadyRunning();
        } else {
            try {
                Reindexer.Rebuilt rebuilt = reindexer.rebuild();
                if (rebuilt.knowledge() != null) {
                    retire(current.getAndSet(rebuilt.knowledge()));
                }
                report = rebuilt.report();
            } catch (Exception e) {
                report = ReindexReport.refused(List.of(new CorpusProblem("corpus", 0,
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())), 0);
            } finally {
                reindexing.unlock();
            }
        }
        audit(platform, userId, "reindex", report.status().name().toLowerCase(java.util.Locale.ROOT), report.summary());
        return report;
    }

    /**
     * Switches back to the generation before the serving one, under the same one-at-a-time rule as a
     * reindex, and audits the request. Refused (with the reason) when there is no earlier generation,
     * when the service keeps its index in memory, or while a reindex runs.
     */
    public RollbackResult rollback(String platform, String userId) {
        RollbackResult result;
        if (reindexer == null) {
            result = new RollbackResult(false, null, null, "このサービスはコーパスなしで起動したため、戻せません。");
        } else if (!reindexing.tryLock()) {
            result = new RollbackResult(false, null, null, ReindexReport.alreadyRunning().summary());
        } else {
            try {
                java.util.Optional<Reindexer.RolledBack> back = reindexer.rollback();
                if (back.isEmpty()) {
                    result = new RollbackResult(false, null, null, "戻せる以前のインデックス世代がありません。");
                } else {
                    retire(current.getAndSet(back.get().knowledge()));
                    result = new RollbackResult(true, back.get().from(), back.get().to(),
                            "インデックスを " + back.get().from() + " から " + back.get().to() + " に戻しました。");
                }
            } catch (Exception e) {
                result = new RollbackResult(false, null, null, "戻せませんでした："
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            } finally {
                reindexing.unlock();
            }
        }
        audit(platform, userId, "rollback", result.done() ? "done" : "refused",
                result.done() ? result.from() + " → " + result.to() : result.message());
        return result;
    }

    /** How a rollback ended: the generations it switched between, and what to tell the admin. */
    public record RollbackResult(boolean done, String from, String to, String message) {}

    /** Whether a reindex or rollback is running now (for a console's progress display). */
    public boolean reindexing() {
        return reindexing.isLocked();
    }

    /**
     * Closes a replaced generation once questions already running on it have long finished; closing
     * it at once could fail them, never closing it would leak its open files.
     */
    private static void retire(Knowledge old) {
        RETIRE.schedule(() -> {
            try {
                old.close();
            } catch (java.io.IOException e) {
                // Its files are already pruned or gone; nothing is lost.
            }
        }, 60, java.util.concurrent.TimeUnit.SECONDS);
    }

    private static final java.util.concurrent.ScheduledExecutorService RETIRE =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "kotae-retire-generation");
                t.setDaemon(true);
                return t;
            });

    /** Notes an admin action that was refused or done outside {@link #reindex}, e.g. 「権限がありません」. */
    public void audit(String platform, String userId, String action, String result, String summary) {
        log.audit(new ActivityLog.AuditEntry(Instant.now(), platform, userId, action, result, summary));
    }

    /** Keeps a 👍/👎 an adapter reports. */
    public void recordFeedback(Feedback entry) {
        synchronized (feedback) {
            feedback.addLast(entry);
            if (feedback.size() > RECENT_FEEDBACK) {
                feedback.removeFirst();
            }
        }
        log.feedback(entry);
    }

    /** The most recent feedback (up to 1,000), oldest first. */
    public List<Feedback> feedback() {
        synchronized (feedback) {
            return List.copyOf(feedback);
        }
    }

    /** Corpus counts and the generation, for {@code stats} commands. */
    public String stats() {
        Corpus c = current.get().corpus();
        return "文書 " + c.documents().size() + "、セクション " + c.sections().size() + "、スライド " + c.slides().size()
                + "、パッセージ " + c.passages().size() + "、用語 " + c.glossary().size() + "、FAQ " + c.faq().size()
                + "、事例 " + c.cases().size() + "（インデックス " + current.get().fingerprint() + "）";
    }

    /**
     * The whole of what a citation quotes, for a "show the source" button: the glossary definition,
     * the slide's passages (else its text), or the text section's passages in order. Empty when the current generation
     * no longer holds it (e.g. after a reindex).
     */
    public java.util.Optional<String> fullText(Citation citation) {
        Corpus c = current.get().corpus();
        String text = switch (citation.source()) {
            case "glossary" -> c.glossary().stream()
                    .filter(g -> g.term().equals(citation.term()) && java.util.Objects.equals(g.doc(), citation.doc()))
                    .map(g -> g.term() + "：" + g.definition()).findFirst().orElse(null);
            case "slides" -> {
                String joined = String.join("\n", c.passages().stream()
                        .filter(p -> p.source() == dev.kotae.corpus.SourceKind.SLIDES && java.util.Objects.equals(p.doc(), citation.doc())
                                && java.util.Objects.equals(p.page(), citation.page()))
                        .map(dev.kotae.corpus.Passage::text).toList());
                yield !joined.isBlank() ? joined : c.slides().stream()
                        .filter(s -> java.util.Objects.equals(s.doc(), citation.doc()) && s.page().equals(citation.page()))
                        .map(dev.kotae.corpus.Slide::text).findFirst().orElse(null);
            }
            default -> {
                String joined = String.join("\n", c.passages().stream()
                        .filter(p -> p.source() == dev.kotae.corpus.SourceKind.TEXT && java.util.Objects.equals(p.doc(), citation.doc())
                                && (citation.section() != null ? citation.section().equals(p.sectionId())
                                        // a heading without a number (PDF, Word, web page, sheet): its passages by heading
                                        : p.sectionId() == null && citation.title() != null && citation.title().equals(p.title())))
                        .map(dev.kotae.corpus.Passage::text).toList());
                yield joined.isBlank() ? null : joined;
            }
        };
        return java.util.Optional.ofNullable(text);
    }
}
