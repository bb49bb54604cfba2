package dev.kotae.slack;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded, expiring set of keys: event ids already handled, threads Kotae answered in. Thread-safe. */
final class RecentKeys {
    private final int max;
    private final long ttlMillis;
    private final LinkedHashMap<String, Long> keys;

    RecentKeys(int max, long ttlMillis) {
        this.max = max;
        this.ttlMillis = ttlMillis;
        this.keys = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > RecentKeys.this.max;
            }
        };
    }

    /** Adds the key; false when it was already there (and not expired). */
    synchronized boolean add(String key) {
        long now = System.currentTimeMillis();
        Long at = keys.get(key);
        if (at != null && now - at < ttlMillis) {
            return false;
        }
        keys.remove(key);
        keys.put(key, now);
        return true;
    }

    synchronized boolean contains(String key) {
        Long at = keys.get(key);
        return at != null && System.currentTimeMillis() - at < ttlMillis;
    }
}
