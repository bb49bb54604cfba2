package dev.kotae.answer;

import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusProblem;
import java.util.List;

/**
 * The outcome of a reindex: the counts of the new generation and the time it took, or the problems
 * that made Kotae refuse the corpus (the previous generation then keeps answering).
 */
public record ReindexReport(Status status, int documents, int sections, int passages, int glossaryTerms,
                            int faqRules, int cases, long millis, List<CorpusProblem> problems) {
    public enum Status { DONE, REFUSED, ALREADY_RUNNING }

    public ReindexReport {
        problems = List.copyOf(problems);
    }

    static ReindexReport done(Corpus c, long millis) {
        return new ReindexReport(Status.DONE, c.documents().size(), c.sections().size(), c.passages().size(),
                c.glossary().size(), c.faq().size(), c.cases().size(), millis, List.of());
    }

    static ReindexReport refused(List<CorpusProblem> problems, long millis) {
        return new ReindexReport(Status.REFUSED, 0, 0, 0, 0, 0, 0, millis, problems);
    }

    static ReindexReport alreadyRunning() {
        return new ReindexReport(Status.ALREADY_RUNNING, 0, 0, 0, 0, 0, 0, 0, List.of());
    }

    /** What an admin reads in chat or on the console. */
    public String summary() {
        return switch (status) {
            case DONE -> "インデックスを再作成しました：文書 " + documents + "、セクション " + sections + "、パッセージ " + passages
                    + "、用語 " + glossaryTerms + "、FAQ " + faqRules + "、事例 " + cases + "（" + millis + " ms）";
            case ALREADY_RUNNING -> "インデックスの再作成はすでに実行中です。終わるまでお待ちください。";
            case REFUSED -> "コーパスに問題があるため、インデックスを再作成しませんでした（これまでのインデックスで回答を続けます）：\n"
                    + String.join("\n", problems.stream().map(CorpusProblem::toString).toList());
        };
    }
}
