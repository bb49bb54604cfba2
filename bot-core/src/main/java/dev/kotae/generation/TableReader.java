package dev.kotae.generation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@link TableWriter} wrote. Every length and reference is checked against what is left,
 * so a damaged resource fails with an {@link IOException} saying where, never with a huge allocation
 * or an index error.
 */
final class TableReader {
    private final byte[] bytes;
    private final int end;
    private int at;
    private final List<String> strings = new ArrayList<>();

    TableReader(byte[] bytes, int from, int end) {
        this.bytes = bytes;
        this.at = from;
        this.end = end;
    }

    int number() throws IOException {
        int n = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            if (at >= end) {
                throw corrupt("cut short");
            }
            int b = bytes[at++];
            n |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (n < 0) {
                    throw corrupt("a number out of range");
                }
                return n;
            }
        }
        throw corrupt("a number out of range");
    }

    long bits() throws IOException {
        if (end - at < 8) {
            throw corrupt("cut short");
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (bytes[at++] & 0xFF);
        }
        return v;
    }

    /** A count of things still to read, each at least one byte: more than is left means damage. */
    int count() throws IOException {
        int n = number();
        if (n > end - at) {
            throw corrupt("a count of " + n + " with " + (end - at) + " bytes left");
        }
        return n;
    }

    String string() throws IOException {
        int tag = number();
        if (tag == 0) {
            return null;
        }
        if (tag >= 2) {
            if (tag - 2 >= strings.size()) {
                throw corrupt("a reference to string " + (tag - 2) + " of " + strings.size());
            }
            return strings.get(tag - 2);
        }
        int length = count();
        String s = new String(bytes, at, length, StandardCharsets.UTF_8);
        at += length;
        strings.add(s);
        return s;
    }

    List<String> strings() throws IOException {
        int n = count();
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(string());
        }
        return list;
    }

    /** An enum constant written by name. */
    <E extends Enum<E>> E constant(Class<E> type) throws IOException {
        String name = string();
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw corrupt("no " + type.getSimpleName() + " named " + name);
    }

    boolean atEnd() {
        return at == end;
    }

    IOException corrupt(String what) {
        return new IOException("damaged at byte " + at + ": " + what);
    }
}
