package dev.kotae.generation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of the shipped tables ({@link ShippedTables}): non-negative numbers in 7-bit groups,
 * each string written once and then referred to by number (a corpus repeats its file names, section
 * ids and titles on every passage). Read back by {@link TableReader}.
 */
final class TableWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
    private final Map<String, Integer> written = new HashMap<>();

    /** A number ≥ 0 (counts, line and page numbers, ordinals). */
    void number(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative number in the shipped tables: " + n);
        }
        while (n >= 0x80) {
            bytes.write((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        bytes.write(n);
    }

    /** Eight bytes as they are (a file's size and CRC-32). */
    void bits(long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes.write((int) (v >>> shift));
        }
    }

    /** A string or null: 0 for null, 1 and the UTF-8 bytes for a string not written before, 2 + its number after. */
    void string(String s) {
        if (s == null) {
            number(0);
            return;
        }
        Integer seen = written.get(s);
        if (seen != null) {
            number(2 + seen);
            return;
        }
        written.put(s, written.size());
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        number(1);
        number(utf8.length);
        bytes.write(utf8, 0, utf8.length);
    }

    void strings(List<String> list) {
        number(list.size());
        list.forEach(this::string);
    }

    byte[] toBytes() {
        return bytes.toByteArray();
    }
}
