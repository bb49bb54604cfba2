package dev.kotae.adapter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded, expiring set of keys for the chat adapters: event or activity ids already handled (so a
 * platform's retry is answered once), threads Kotae answered in. At most {@code max} keys are kept, the
 * oldest dropped first, and a key counts only for {@code ttlMillis}. Thread-safe.
 */
public final class RecentKeys {
    private final int max;
    private final long ttlMillis;
    private final LinkedHashMap<String, Long> keys;

    public RecentKeys(int max, long ttlMillis) {
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
    public synchronized boolean add(String key) {
        long now = System.currentTimeMillis();
        Long at = keys.get(key);
        if (at != null && now - at < ttlMillis) {
            return false;
        }
        keys.remove(key);
        keys.put(key, now);
        return true;
    }

    public synchronized boolean contains(String key) {
        Long at = keys.get(key);
        return at != null && System.currentTimeMillis() - at < ttlMillis;
    }

    /** Forgets the key: its handling failed, and a retry should be handled again. */
    public synchronized void remove(String key) {
        keys.remove(key);
    }
}
