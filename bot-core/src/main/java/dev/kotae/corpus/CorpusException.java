package dev.kotae.corpus;

import java.util.List;
import java.util.stream.Collectors;

/** A corpus was refused; every problem is reported, not only the first. */
public final class CorpusException extends Exception {
    private final List<CorpusProblem> problems;

    public CorpusException(List<CorpusProblem> problems) {
        super(problems.stream().map(CorpusProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<CorpusProblem> problems() {
        return problems;
    }
}
