package dev.kotae.answer;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 「…「VPN使えばいいよ」と言われたんですが、それってそもそも何をしてくれるもの？」: a question that
 * points back at its story (それって, これは) is about the thing the story named last — a glossary word
 * it used, else the last short phrase it quoted. The pronoun is replaced by that thing, so the question
 * reads as it was meant: 「VPNってそもそも何をしてくれるもの？」.
 */
final class StoryReferent {
    private StoryReferent() {}

    private static final Pattern POINTS_BACK = Pattern.compile("^(?:それ|これ|あれ)(?=って|は|とは|を|が|も|の)");
    /** Asking what the story describes is called (「これって何という攻撃?」) is left to the story's words. */
    private static final Pattern ASKS_THE_NAME = Pattern.compile("何という|なんという|何て(?:いう|言う)|なんて(?:いう|言う)|名前|呼ぶ|呼ばれ|何と言");
    private static final Pattern QUOTED = Pattern.compile("[「『]([^」』]{2,20})[」』]");

    /**
     * @param focus      the question, as {@link Phrasing} framed it
     * @param context    its story, or empty
     * @param lastTermIn the glossary word a text names last, if any
     */
    static String resolve(String focus, String context, Function<String, Optional<String>> lastTermIn) {
        Matcher back = POINTS_BACK.matcher(focus);
        if (context.isBlank() || !back.find() || ASKS_THE_NAME.matcher(focus).find()) {
            return focus;
        }
        String referent = lastTermIn.apply(context).orElseGet(() -> lastQuoted(context));
        return referent == null ? focus : referent + focus.substring(back.end());
    }

    private static String lastQuoted(String context) {
        String last = null;
        Matcher m = QUOTED.matcher(context);
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }
}
