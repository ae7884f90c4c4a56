package io.nodesim.kernel;

import java.util.Arrays;

/**
 * A growable list of ints (pod or node indices), reused without allocation once grown: the
 * controllers' and the scheduler's lists that a boxed {@code List<Integer>} would allocate for.
 */
public final class IntList {
    private int[] values;
    private int size;

    public IntList() {
        this(4);
    }

    public IntList(int capacity) {
        values = new int[Math.max(1, capacity)];
    }

    public void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    public int size() {
        return size;
    }

    public int get(int i) {
        return values[i];
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public void clear() {
        size = 0;
    }

    /** Removes the first {@code value}, the rest keeping their order; whether there was one. */
    public boolean removeFirst(int value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                System.arraycopy(values, i + 1, values, i, size - i - 1);
                size--;
                return true;
            }
        }
        return false;
    }

    /** Moves every value of {@code from} to the end of this list. */
    public void takeAll(IntList from) {
        for (int i = 0; i < from.size; i++) {
            add(from.values[i]);
        }
        from.clear();
    }
}
