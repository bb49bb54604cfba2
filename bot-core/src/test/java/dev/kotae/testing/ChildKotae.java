package dev.kotae.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The {@code kotae} command in a child JVM of its own: another process on the same folders, as an admin's shell is. */
public final class ChildKotae {
    private ChildKotae() {}

    /** A started child; its output (stdout and stderr together) goes to {@code log}. */
    public static Process start(Path log, Map<String, String> env, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "dev.kotae.cli.KotaeCommand"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("KOTAE_INDEX_DIR");
        builder.environment().remove("KOTAE_CORPUS_DIR");
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Another main class of the test class path in a child JVM, e.g. a command stopped at a checkpoint. */
    public static Process startMain(Path log, String mainClass, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("KOTAE_INDEX_DIR");
        builder.environment().remove("KOTAE_CORPUS_DIR");
        return builder.start();
    }

    /** Runs to the end (at most two minutes) and gives the exit code and what it printed. */
    public record Run(int exit, String output) {}

    public static Run run(Path log, Map<String, String> env, String... args) throws Exception {
        Process child = start(log, env, args);
        try {
            if (!child.waitFor(120, TimeUnit.SECONDS)) {
                throw new AssertionError("kotae " + String.join(" ", args) + " did not finish in 120 s");
            }
            return new Run(child.exitValue(), java.nio.file.Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            child.destroyForcibly();
        }
    }
}
