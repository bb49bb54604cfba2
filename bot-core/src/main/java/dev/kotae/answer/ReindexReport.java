package dev.kotae.answer;

import dev.kotae.corpus.Corpus;
import dev.kotae.corpus.CorpusProblem;
import java.util.List;

/**
 * The outcome of a reindex: the counts of the new generation, the time it took and what changed
 * against the previous one; or the problems that made Kotae refuse the corpus (the previous
 * generation then keeps answering).
 *
 * @param generation the new generation's name ({@code gen-000008}), or null for an in-memory index
 * @param changes    one line per kind of item that was added, removed or changed
 * @param busyWith   for {@link Status#ALREADY_RUNNING} in another process: who holds the index folder
 */
public record ReindexReport(Status status, int documents, int sections, int passages, int glossaryTerms,
                            int faqRules, int cases, long millis, List<CorpusProblem> problems,
                            String generation, List<String> changes, String busyWith) {
    public enum Status { DONE, REFUSED, ALREADY_RUNNING }

    public ReindexReport {
        problems = List.copyOf(problems);
        changes = List.copyOf(changes);
    }

    public static ReindexReport done(Corpus c, long millis, String generation, List<String> changes) {
        return new ReindexReport(Status.DONE, c.documents().size(), c.sections().size(), c.passages().size(),
                c.glossary().size(), c.faq().size(), c.cases().size(), millis, List.of(), generation, changes, null);
    }

    public static ReindexReport refused(List<CorpusProblem> problems, long millis) {
        return new ReindexReport(Status.REFUSED, 0, 0, 0, 0, 0, 0, millis, problems, null, List.of(), null);
    }

    static ReindexReport alreadyRunning() {
        return new ReindexReport(Status.ALREADY_RUNNING, 0, 0, 0, 0, 0, 0, 0, List.of(), null, List.of(), null);
    }

    /** Another process held the index folder for longer than a reindex waits; {@code message} says who. */
    public static ReindexReport busyElsewhere(String message, long millis) {
        return new ReindexReport(Status.ALREADY_RUNNING, 0, 0, 0, 0, 0, 0, millis, List.of(), null, List.of(), message);
    }

    /** What an admin reads in chat or on the console. */
    public String summary() {
        return switch (status) {
            case DONE -> "インデックスを再作成しました" + (generation == null ? "" : "（" + generation + "）") + "：文書 " + documents
                    + "、セクション " + sections + "、パッセージ " + passages + "、用語 " + glossaryTerms + "、FAQ " + faqRules
                    + "、事例 " + cases + "（" + millis + " ms）"
                    + (changes.isEmpty() ? "\n前回からの変更：なし" : "\n前回からの変更：\n" + String.join("\n", changes));
            case ALREADY_RUNNING -> busyWith != null ? busyWith : "インデックスの再作成はすでに実行中です。終わるまでお待ちください。";
            case REFUSED -> "コーパスに問題があるため、インデックスを再作成しませんでした（これまでのインデックスで回答を続けます）：\n"
                    + String.join("\n", problems.stream().map(CorpusProblem::toString).toList());
        };
    }
}
