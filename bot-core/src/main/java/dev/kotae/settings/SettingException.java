package dev.kotae.settings;

/**
 * A setting that stops start-up, told in one line: the variable, what is wrong with its value, and an
 * example of a good one. A secret's value is never part of the message.
 */
public final class SettingException extends Exception {
    private final String variable;

    SettingException(String variable, String problem, String example) {
        super(variable + problem + "（例: " + variable + "=" + example + "）");
        this.variable = variable;
    }

    /** The environment variable at fault. */
    public String variable() {
        return variable;
    }
}
