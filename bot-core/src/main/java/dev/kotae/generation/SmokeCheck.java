package dev.kotae.generation;

import dev.kotae.answer.Answer;
import dev.kotae.answer.AnswerKind;
import dev.kotae.answer.Citation;
import dev.kotae.answer.Knowledge;
import dev.kotae.corpus.CorpusProblem;
import dev.kotae.corpus.FaqRule;
import dev.kotae.corpus.GlossaryEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a freshly built generation before it serves: every glossary headword answers as its own
 * definition, and every FAQ rule's example questions reach that rule (or, where a more specific
 * answer wins, its first source). A generation that fails is never switched to.
 */
public final class SmokeCheck {
    private SmokeCheck() {}

    public static List<CorpusProblem> run(Knowledge knowledge) {
        List<CorpusProblem> problems = new ArrayList<>();
        for (GlossaryEntry entry : knowledge.corpus().glossary()) {
            Answer answer = knowledge.answer(entry.headword() + "とは");
            Citation first = answer.citations().isEmpty() ? null : answer.citations().get(0);
            if (first == null || !"glossary".equals(first.source()) || !entry.term().equals(first.term())) {
                problems.add(new CorpusProblem("documents/" + entry.doc(), entry.line(), "用語集の「" + entry.headword()
                        + "」が自分の定義として答えられません（「" + entry.headword() + "とは」の答え：" + describe(answer) + "）"));
            }
        }
        for (FaqRule rule : knowledge.corpus().faq()) {
            for (String question : rule.questions()) {
                Answer answer = knowledge.answer(question);
                if (!reaches(answer, rule)) {
                    problems.add(new CorpusProblem(rule.file(), rule.line(), "FAQ ルール「" + rule.id() + "」：例の質問「"
                            + question + "」に別のものが答えます（" + describe(answer) + "）"));
                }
            }
        }
        return problems;
    }

    private static boolean reaches(Answer answer, FaqRule rule) {
        if (answer.kind() == AnswerKind.FAQ && answer.text().equals(rule.answer().strip())) {
            return true;
        }
        if (answer.kind() == AnswerKind.NONE || answer.citations().isEmpty() || rule.cite().isEmpty()) {
            return false;
        }
        Citation first = answer.citations().get(0);
        String cite = rule.cite().get(0);
        if (cite.startsWith("glossary:")) {
            String name = cite.substring("glossary:".length());
            return first.term() != null && (first.term().equals(name) || first.term().startsWith(name + "（"));
        }
        if (cite.startsWith("slide:")) {
            return first.page() != null && first.page().replace(" ", "").equals("スライド" + cite.substring("slide:".length()));
        }
        return cite.equals(first.section());
    }

    private static String describe(Answer answer) {
        if (answer.citations().isEmpty()) {
            return answer.kind().label();
        }
        return answer.kind().label() + "、" + answer.citations().get(0).label();
    }
}
