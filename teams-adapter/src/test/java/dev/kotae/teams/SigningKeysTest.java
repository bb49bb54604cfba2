package dev.kotae.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The key cache's clock (issue 14): at most one fetch per five minutes, whatever is asked and whatever fails. */
class SigningKeysTest {
    @Test
    void unknownKeysAndFailuresRefetchAtMostEveryFiveMinutes() throws Exception {
        try (FakeConnector channel = new FakeConnector()) {
            new ChannelAuth(channel);
            AtomicLong now = new AtomicLong(0);
            SigningKeys keys = new SigningKeys(channel.url() + ChannelAuth.OPENID_PATH, now::get);
            assertNotNull(keys.key(ChannelAuth.KEY_ID));
            for (int i = 0; i < 100; i++) {
                assertNull(keys.key("made-up-" + i));
            }
            assertEquals(1, keys.fetches(), "one fetch for the known key, none for 100 unknown ones");
            now.addAndGet(SigningKeys.MIN_REFRESH.toNanos() - 1);
            assertNull(keys.key("made-up"));
            assertEquals(1, keys.fetches());
            now.addAndGet(1); // five minutes on: an unknown key (a rotation?) may fetch once more
            assertNull(keys.key("made-up"));
            assertNull(keys.key("made-up-again"));
            assertEquals(2, keys.fetches());

            // The keys endpoint goes down: the known key is kept, and the failure is not retried per request.
            channel.fail(ChannelAuth.KEYS_PATH, 503);
            now.addAndGet(SigningKeys.MAX_AGE.toNanos() + 1); // a day old: refreshed on the next token
            for (int i = 0; i < 50; i++) {
                assertNotNull(keys.key(ChannelAuth.KEY_ID), "a failed refresh keeps the keys already known");
            }
            assertEquals(3, keys.fetches());
            assertEquals(3, channel.hits(ChannelAuth.KEYS_PATH), "three key fetches in all, the last one failed");
        }
    }
}
