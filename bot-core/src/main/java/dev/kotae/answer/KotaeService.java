package dev.kotae.answer;

import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one object every adapter shares: ask a question, get an answer; admins reindex; users give
 * feedback. Answers always come from one complete {@link Knowledge} generation; a reindex builds
 * the next generation beside the current one and swaps it in atomically, so questions asked during
 * a reindex see the old generation or the new, never a mix, and never fail.
 */
public final class KotaeService {
    /** Loads a corpus from wherever this service's corpus lives. */
    @FunctionalInterface
    public interface CorpusSource {
        Corpus load() throws Exception;
    }

    private final AtomicReference<Knowledge> current;
    private final Answerer answerer;
    private final CorpusSource source;
    private final ReentrantLock reindexing = new ReentrantLock();
    private final List<Feedback> feedback = Collections.synchronizedList(new ArrayList<>());

    public KotaeService(Knowledge knowledge, AnswerSettings settings) {
        this(knowledge, settings, null);
    }

    public KotaeService(Knowledge knowledge, AnswerSettings settings, CorpusSource source) {
        this.current = new AtomicReference<>(knowledge);
        this.answerer = new Answerer(settings);
        this.source = source;
    }

    /**
     * The service adapters start with: the corpus from {@code KOTAE_CORPUS_DIR}, else the embedded
     * one, reloaded from the same place on {@link #reindex}.
     */
    public static KotaeService fromEnvironment() throws Exception {
        String dir = System.getenv("KOTAE_CORPUS_DIR");
        CorpusSource source = () -> dev.kotae.corpus.CorpusLoader.load(dir == null || dir.isBlank()
                ? dev.kotae.corpus.EmbeddedCorpus.root() : java.nio.file.Path.of(dir.strip()));
        return new KotaeService(Knowledge.build(source.load()), AnswerSettings.fromEnvironment(), source);
    }

    public Answer answer(Question question) {
        return answerer.answer(current.get(), question);
    }

    public Answer answer(String question) {
        return answer(Question.of(question));
    }

    public Knowledge knowledge() {
        return current.get();
    }

    /**
     * Rebuilds from the corpus source and swaps the new generation in. One reindex at a time: a second
     * request while one runs is told so. A refused corpus leaves the current generation answering.
     */
    public ReindexReport reindex() {
        if (source == null) {
            return ReindexReport.refused(List.of(new dev.kotae.corpus.CorpusProblem("corpus", 0,
                    "this service was started without a corpus source, so it cannot reindex")), 0);
        }
        if (!reindexing.tryLock()) {
            return ReindexReport.alreadyRunning();
        }
        long start = System.nanoTime();
        try {
            Corpus corpus = source.load();
            Knowledge next = Knowledge.build(corpus);
            current.set(next);
            return ReindexReport.done(corpus, (System.nanoTime() - start) / 1_000_000);
        } catch (CorpusException e) {
            return ReindexReport.refused(e.problems(), (System.nanoTime() - start) / 1_000_000);
        } catch (Exception e) {
            return ReindexReport.refused(List.of(new dev.kotae.corpus.CorpusProblem("corpus", 0,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())), (System.nanoTime() - start) / 1_000_000);
        } finally {
            reindexing.unlock();
        }
    }

    /** Keeps a 👍/👎 an adapter reports. */
    public void recordFeedback(Feedback entry) {
        feedback.add(entry);
    }

    public List<Feedback> feedback() {
        synchronized (feedback) {
            return List.copyOf(feedback);
        }
    }

    /** Corpus counts for {@code stats} commands. */
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
                        .filter(p -> p.source() == dev.kotae.corpus.SourceKind.TEXT && java.util.Objects.equals(p.doc(), citation.doc()) && citation.section() != null
                                && citation.section().equals(p.sectionId()))
                        .map(dev.kotae.corpus.Passage::text).toList());
                yield joined.isBlank() ? null : joined;
            }
        };
        return java.util.Optional.ofNullable(text);
    }
}
