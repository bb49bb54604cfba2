package dev.kotae.adapter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecentKeysTest {
    @Test
    void aKeyIsNewOnceUntilItExpiresIsDroppedOrRemoved() throws Exception {
        RecentKeys keys = new RecentKeys(3, 200);
        assertTrue(keys.add("a"));
        assertFalse(keys.add("a"), "a retry of the same key");
        assertTrue(keys.contains("a"));
        keys.remove("a");
        assertTrue(keys.add("a"), "a removed key is new again");

        assertTrue(keys.add("b") && keys.add("c") && keys.add("d"));
        assertFalse(keys.contains("a"), "bounded: the oldest key was dropped");
        assertTrue(keys.add("a"));

        Thread.sleep(250);
        assertFalse(keys.contains("d"), "expired");
        assertTrue(keys.add("d"));
    }
}
