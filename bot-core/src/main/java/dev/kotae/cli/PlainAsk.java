package dev.kotae.cli;

import dev.kotae.settings.CoreSettings;
import java.util.List;

/**
 * {@code kotae ask WORDS…} in its plainest form — no option, no argument file — run without building
 * picocli's command model (~0.2 s of CPU at a cold start: picocli is Java 5 bytecode, which the AOT
 * cache cannot hold, and it reads its annotations through proxies generated at run time). The same {@link KotaeCommand.Ask} runs, with the same words, output, exit
 * code and error handling; anything that is not this plain form goes through picocli as before.
 */
final class PlainAsk {
    private PlainAsk() {}

    /** {@code ask} and one or more words, none of which picocli would read as an option or an argument file. */
    static boolean is(String... args) {
        if (args.length < 2 || !args[0].equals("ask")) {
            return false;
        }
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("-") || args[i].startsWith("@")) {
                return false;
            }
        }
        return true;
    }

    static int run(CoreSettings settings, String... args) {
        try {
            return KotaeCommand.Ask.plain(settings, List.of(args).subList(1, args.length));
        } catch (Exception e) {
            return KotaeCommand.failed(e, settings);
        }
    }
}
