package dev.kotae.slack;

import dev.kotae.answer.KotaeService;

/** The real core for the tests, built once per JVM: {@link KotaeService#fromEnvironment()}, the embedded corpus. */
final class TestService {
    private static KotaeService service;

    private TestService() {}

    static synchronized KotaeService get() throws Exception {
        if (service == null) {
            service = KotaeService.fromEnvironment();
        }
        return service;
    }
}
