package dev.kotae.index;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A number for every analysed term of one generation (passages, glossary entries, FAQ examples and
 * answers), so that "does this document have this term" is a binary search in a small sorted
 * {@code int[]} instead of a look-up in a {@code HashSet<String>} per document: per-hit coverage and
 * FAQ similarity ask it hundreds of times per question, and at 1000× the sets were most of the heap.
 * Terms are added while a generation is built, on one thread; afterwards it is only read.
 */
public final class TermIds {
    /** The id of a term the generation does not have: no document's array contains it. */
    public static final int UNKNOWN = -1;

    private final Map<String, Integer> ids = new HashMap<>();

    /** The term's id, or {@link #UNKNOWN}. */
    public int id(String term) {
        Integer id = ids.get(term);
        return id == null ? UNKNOWN : id;
    }

    /** The sorted, distinct ids of {@code terms}, numbering terms seen for the first time (build time only). */
    public int[] add(Collection<String> terms) {
        int[] out = new int[terms.size()];
        int n = 0;
        for (String term : terms) {
            Integer id = ids.get(term);
            if (id == null) {
                id = ids.size();
                ids.put(term, id);
            }
            out[n++] = id;
        }
        Arrays.sort(out, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || out[distinct - 1] != out[i]) {
                out[distinct++] = out[i];
            }
        }
        return distinct == out.length ? out : Arrays.copyOf(out, distinct);
    }

    /** Every term with its id, in no order. */
    public void forEach(java.util.function.ObjIntConsumer<String> action) {
        ids.forEach(action::accept);
    }

    /** Whether two sorted id arrays have an id in common. */
    public static boolean intersects(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return true;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    /** The sorted union of two sorted id arrays. */
    public static int[] union(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length || j < b.length) {
            int next;
            if (j >= b.length || (i < a.length && a[i] <= b[j])) {
                next = a[i++];
            } else {
                next = b[j++];
            }
            if (n == 0 || out[n - 1] != next) {
                out[n++] = next;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Whether the sorted {@code ids} hold {@code id}. */
    public static boolean contains(int[] ids, int id) {
        if (id < 0) {
            return false;
        }
        int lo = 0;
        int hi = ids.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int v = ids[mid];
            if (v < id) {
                lo = mid + 1;
            } else if (v > id) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return ids.size();
    }
}
