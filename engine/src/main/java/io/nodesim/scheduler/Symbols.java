package io.nodesim.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns strings (label keys and values, taint keys, image names) as dense ints, so the hot path
 * compares ints instead of strings and can index arrays by them.
 */
public final class Symbols {
    /** The id of a string that was never interned (no node or pod uses it). */
    public static final int ABSENT = -1;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    public int intern(String s) {
        Integer id = ids.get(s);
        if (id != null) {
            return id;
        }
        int next = names.size();
        ids.put(s, next);
        names.add(s);
        return next;
    }

    /** The id of {@code s}, or {@link #ABSENT}; never creates one. */
    public int find(String s) {
        Integer id = ids.get(s);
        return id == null ? ABSENT : id;
    }

    public String name(int id) {
        return names.get(id);
    }

    public int size() {
        return names.size();
    }
}
