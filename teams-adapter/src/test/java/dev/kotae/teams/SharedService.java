package dev.kotae.teams;

import dev.kotae.answer.KotaeService;

/** One real {@link KotaeService} over the embedded corpus for every test in the JVM, as in production. */
final class SharedService {
    private static KotaeService service;

    private SharedService() {}

    static synchronized KotaeService get() {
        if (service == null) {
            try {
                service = KotaeService.fromEnvironment();
            } catch (Exception e) {
                throw new IllegalStateException("the embedded corpus must load", e);
            }
        }
        return service;
    }
}
