package dev.kotae.cli;

import java.util.regex.Pattern;

/**
 * Text from outside (questions users typed, feedback values, corpus file names) made safe to print
 * on an admin's terminal: escape sequences could otherwise recolour, hide or rewrite what a report
 * shows, set the window title or, on some terminals, answer back as typed input.
 */
final class TerminalText {
    /** CSI ({@code ESC [ … final}, also the one-byte C1 CSI), OSC ({@code ESC ] … BEL|ST}), DCS/APC/PM/SOS, and two-byte ESC forms. */
    private static final Pattern ESCAPE_SEQUENCE = Pattern.compile(
            "(?:\\u001B\\[|\\u009B)[0-?]*[ -/]*[@-~]?"
            + "|(?:\\u001B[\\]PX^_]|[\\u0090\\u0098\\u009D\\u009E\\u009F])[^\\u0007\\u001B\\u009C]*(?:\\u0007|\\u001B\\\\|\\u009C)?"
            + "|\\u001B[ -/]*[0-~]?");

    private TerminalText() {}

    /**
     * Escape sequences removed whole, line breaks and tabs as spaces, every other control character
     * and the bidirectional overrides (which reorder what is shown) removed.
     */
    static String safe(String text) {
        if (text == null) {
            return "";
        }
        String withoutSequences = ESCAPE_SEQUENCE.matcher(text).replaceAll("");
        StringBuilder out = new StringBuilder(withoutSequences.length());
        withoutSequences.codePoints().forEach(cp -> {
            if (cp == '\n' || cp == '\r' || cp == '\t') {
                out.append(' ');
            } else if (Character.getType(cp) != Character.CONTROL && !isBidiControl(cp)) {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static boolean isBidiControl(int cp) {
        return cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069 || cp == 0x200E || cp == 0x200F || cp == 0x061C;
    }
}
