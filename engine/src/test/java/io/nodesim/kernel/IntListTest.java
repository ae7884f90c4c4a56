package io.nodesim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntListTest {
    private static String contents(IntList list) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < list.size(); i++) {
            b.append(i == 0 ? "" : ",").append(list.get(i));
        }
        return b.toString();
    }

    @Test
    void growsPastItsCapacity_removesTheFirstMatchKeepingTheOrder() {
        IntList list = new IntList(1);
        for (int v : new int[] {5, 7, 5, 9, 11}) {
            list.add(v);
        }
        assertEquals("5,7,5,9,11", contents(list));
        assertTrue(list.removeFirst(5));
        assertEquals("7,5,9,11", contents(list));
        assertTrue(list.removeFirst(11));
        assertFalse(list.removeFirst(42));
        assertEquals("7,5,9", contents(list));
    }

    @Test
    void takeAllMovesToTheEndAndEmptiesTheSource() {
        IntList a = new IntList();
        IntList b = new IntList();
        a.add(1);
        b.add(2);
        b.add(3);
        a.takeAll(b);
        assertEquals("1,2,3", contents(a));
        assertTrue(b.isEmpty());
        a.clear();
        assertTrue(a.isEmpty());
    }
}
