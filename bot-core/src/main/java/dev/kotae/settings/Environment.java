package dev.kotae.settings;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings read from environment variables, each parsed and checked as it is read: a value that is
 * not what the setting takes is a {@link SettingException} naming the variable, the problem and an
 * example. A blank value counts as unset. Start-up reads every setting once, through here, before
 * anything else happens (the CLI, {@code kotae slack}, {@code kotae teams}).
 */
public final class Environment {
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "on");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "off");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t]]");

    private final Map<String, String> values;

    public Environment(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static Environment system() {
        return new Environment(System.getenv());
    }

    /** The value, stripped; empty when unset or blank. */
    public Optional<String> text(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    /** A line of text for people to read (no control characters), at most {@code max} characters. */
    public Optional<String> line(String name, int max, String example) throws SettingException {
        Optional<String> v = text(name);
        if (v.isPresent() && (CONTROL.matcher(v.get()).find() || v.get().length() > max)) {
            throw new SettingException(name, " の値は、改行や制御文字を含まない " + max + " 文字以内の一行にしてください", example);
        }
        return v;
    }

    /** Required: unset is a problem told with what the setting is for. */
    public String required(String name, String what, String example) throws SettingException {
        return text(name).orElseThrow(() -> new SettingException(name, " が設定されていません。" + what + "を設定してください", example));
    }

    /** true / false (also 1 / 0, yes / no, on / off). */
    public boolean flag(String name, boolean fallback) throws SettingException {
        Optional<String> v = text(name);
        if (v.isEmpty()) {
            return fallback;
        }
        String lower = v.get().toLowerCase(Locale.ROOT);
        if (TRUE.contains(lower)) {
            return true;
        }
        if (FALSE.contains(lower)) {
            return false;
        }
        throw new SettingException(name, " の値「" + shown(v.get()) + "」は true か false にしてください", fallback ? "false" : "true");
    }

    /** A whole number from {@code min} to {@code max}. */
    public int integer(String name, int fallback, int min, int max, String example) throws SettingException {
        Optional<String> v = text(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new SettingException(name, " の値「" + shown(v.get()) + "」は " + min + " から " + max + " の整数にしてください", example);
    }

    /** A TCP port, 0 (any free port) to 65535. */
    public int port(String name, int fallback) throws SettingException {
        return integer(name, fallback, 0, 65535, String.valueOf(fallback));
    }

    /** A number from {@code min} to {@code max}. */
    public double number(String name, double fallback, double min, double max, String example) throws SettingException {
        Optional<String> v = text(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.get());
            if (d >= min && d <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new SettingException(name, " の値「" + shown(v.get()) + "」は " + plain(min) + " から " + plain(max) + " の数にしてください", example);
    }

    /** One of {@code allowed} (compared without case), as written in {@code allowed}. */
    public String oneOf(String name, String fallback, Set<String> allowed, String example) throws SettingException {
        Optional<String> v = text(name);
        if (v.isEmpty()) {
            return fallback;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v.get())) {
                return a;
            }
        }
        throw new SettingException(name, " の値「" + shown(v.get()) + "」は " + String.join("、", allowed) + " のどれかにしてください", example);
    }

    /** An http or https URL with a host. */
    public Optional<URI> url(String name, String example) throws SettingException {
        Optional<String> v = text(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(v.get());
            if (uri.getHost() != null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return Optional.of(uri);
            }
        } catch (java.net.URISyntaxException e) {
            // told below
        }
        throw new SettingException(name, " の値「" + shown(v.get()) + "」は http:// か https:// で始まる URL にしてください", example);
    }

    /** A folder; with {@code mustExist} it must be there, otherwise it is created later but must not be a file. */
    public Optional<Path> folder(String name, boolean mustExist, String example) throws SettingException {
        Optional<String> v = text(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Path path;
        try {
            path = Path.of(v.get());
        } catch (InvalidPathException e) {
            throw new SettingException(name, " の値「" + shown(v.get()) + "」はフォルダのパスとして読めません", example);
        }
        if (mustExist && !Files.isDirectory(path)) {
            throw new SettingException(name, " のフォルダ「" + shown(v.get()) + "」がありません", example);
        }
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new SettingException(name, " の「" + shown(v.get()) + "」はフォルダではなくファイルです", example);
        }
        return Optional.of(path);
    }

    /**
     * A secret that has a known shape ({@code xoxb-…}): its value is checked but never shown, so a
     * token pasted into the wrong variable does not end up in a terminal or a log.
     */
    public Optional<String> secret(String name, Pattern shape, String expected, String example) throws SettingException {
        Optional<String> v = text(name);
        if (v.isPresent() && !shape.matcher(v.get()).matches()) {
            throw new SettingException(name, " の値が" + expected + "ではありません（値は表示しません）", example);
        }
        return v;
    }

    /** Words separated by commas, semicolons or spaces. */
    public Set<String> list(String name) {
        return text(name).map(v -> Arrays.stream(v.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new))).map(Set::copyOf).orElse(Set.of());
    }

    /** A value as a message may show it: at most 40 characters, control characters as '?'. */
    static String shown(String value) {
        String clean = CONTROL.matcher(value).replaceAll("?");
        return clean.length() > 40 ? clean.substring(0, 39) + "…" : clean;
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** A problem found by a rule between settings (one needs another), told like the others. */
    public static SettingException problem(String name, String problem, String example) {
        return new SettingException(name, problem, example);
    }
}
