package dev.kotae.console;

import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusException;
import dev.kotae.corpus.CorpusLoader;
import dev.kotae.corpus.CorpusProblem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The latest "validate" from the console: the core's corpus checks, as {@code kotae validate} runs them. */
final class Validation {
    record Result(Instant at, String by, boolean ok, String counts, List<CorpusProblem> problems, long millis) {}

    private Result latest;

    synchronized Result latest() {
        return latest;
    }

    Result run(Path corpusRoot, String by) {
        long start = System.nanoTime();
        Result result;
        try {
            Corpus c = CorpusLoader.load(corpusRoot);
            result = new Result(Instant.now(), by, true, "文書 " + c.documents().size() + "、セクション " + c.sections().size()
                    + "、スライド " + c.slides().size() + "、パッセージ " + c.passages().size() + "、用語 " + c.glossary().size()
                    + "、FAQ " + c.faq().size() + "、事例 " + c.cases().size(), List.of(), (System.nanoTime() - start) / 1_000_000);
        } catch (CorpusException e) {
            result = new Result(Instant.now(), by, false, null, e.problems(), (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            result = new Result(Instant.now(), by, false, null, List.of(new CorpusProblem(corpusRoot.toString(), 0,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())), (System.nanoTime() - start) / 1_000_000);
        }
        synchronized (this) {
            latest = result;
        }
        return result;
    }
}
