package io.nodesim.scheduler.queue;

import io.nodesim.cluster.PodTable;
import io.nodesim.kernel.SimTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * kube-scheduler's PriorityQueue (kubernetes pkg/scheduler/backend/queue/scheduling_queue.go,
 * backoff_queue.go): activeQ ordered by priority then queue time (PrioritySort), backoffQ ordered by
 * backoff expiry, and the unschedulable pool that cluster events and the 5-minute leftover flush
 * empty. Backoff = initial · 2^(attempts−1), capped at max; a pod never attempted has none.
 * Pods are ints chosen by the caller; times are microseconds passed in.
 */
public final class SchedulingQueue {
    /** podMaxInUnschedulablePodsDuration. */
    public static final long MAX_IN_UNSCHEDULABLE = 5 * SimTime.MINUTE;

    private static final int NONE = 0;
    private static final int ACTIVE = 1;
    private static final int BACKOFF = 2;
    private static final int UNSCHEDULABLE = 3;
    private static final int IN_FLIGHT = 4;

    private final long initialBackoff;
    private final long maxBackoff;
    private final boolean popFromBackoffQ;
    private int[] state = new int[16];
    private int[] priority = new int[16];
    private long[] timestamp = new long[16];
    private long[] sequence = new long[16];
    private int[] attempts = new int[16];
    private long nextSequence;
    /** PrioritySort: higher priority first, then earlier queue time; the sequence makes the order total. */
    private final IndexedIntHeap active = new IndexedIntHeap((a, b) -> priority[a] != priority[b]
            ? priority[a] > priority[b]
            : timestamp[a] != timestamp[b] ? timestamp[a] < timestamp[b]
            : sequence[a] < sequence[b]);
    private final IndexedIntHeap backoff = new IndexedIntHeap((a, b) -> {
        long ea = backoffExpiry(a);
        long eb = backoffExpiry(b);
        return ea != eb ? ea < eb : sequence[a] < sequence[b];
    });
    private final List<Integer> unschedulable = new ArrayList<>();

    public SchedulingQueue(long initialBackoff, long maxBackoff, boolean popFromBackoffQ) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.popFromBackoffQ = popFromBackoffQ;
    }

    /** A new pod (created by a controller) enters activeQ. */
    public void add(int pod, int podPriority, long now) {
        ensure(pod);
        priority[pod] = podPriority;
        attempts[pod] = 0;
        enqueue(pod, ACTIVE, now);
    }

    /** The next pod to schedule, or -1. Counts an attempt. */
    public int pop() {
        int pod = active.poll();
        if (pod < 0 && popFromBackoffQ) {
            pod = backoff.poll();
        }
        if (pod < 0) {
            return -1;
        }
        state[pod] = IN_FLIGHT;
        attempts[pod]++;
        return pod;
    }

    /** A pod the plugins rejected waits in the unschedulable pool for a cluster event. */
    public void addUnschedulable(int pod, long now) {
        timestamp[pod] = now;
        state[pod] = UNSCHEDULABLE;
        unschedulable.add(pod);
    }

    /** A pod whose binding failed goes to backoffQ directly. */
    public void addBackoff(int pod, long now) {
        enqueue(pod, BACKOFF, now);
    }

    /** The pod left the queue for good (bound or deleted). */
    public void done(int pod) {
        if (state[pod] == ACTIVE) {
            active.remove(pod);
        } else if (state[pod] == BACKOFF) {
            backoff.remove(pod);
        } else if (state[pod] == UNSCHEDULABLE) {
            unschedulable.remove(Integer.valueOf(pod));
        }
        state[pod] = NONE;
    }

    /** backoff = initial · 2^(attempts−1), capped at max (calculateBackoffDuration). */
    public long backoffDuration(int podAttempts) {
        long d = initialBackoff;
        for (int i = 1; i < podAttempts; i++) {
            if (d > maxBackoff - d) {
                return maxBackoff;
            }
            d += d;
        }
        return Math.min(d, maxBackoff);
    }

    public long backoffExpiry(int pod) {
        return timestamp[pod] + backoffDuration(attempts[pod]);
    }

    /** A cluster event that may make pods schedulable: the pool goes to backoffQ or activeQ. */
    public void moveAllToActiveOrBackoff(long now) {
        List<Integer> pods = new ArrayList<>(unschedulable);
        unschedulable.clear();
        for (int pod : pods) {
            requeue(pod, now);
        }
    }

    /** flushBackoffQCompleted: pods whose backoff has expired go to activeQ. */
    public void flushBackoffCompleted(long now) {
        while (!backoff.isEmpty() && backoffExpiry(backoff.peek()) <= now) {
            int pod = backoff.poll();
            state[pod] = ACTIVE;
            active.add(pod);
        }
    }

    /** flushUnschedulablePodsLeftover: pods waiting longer than 5 minutes are retried. */
    public void flushUnschedulableLeftover(long now) {
        List<Integer> stale = new ArrayList<>();
        for (int pod : unschedulable) {
            if (now - timestamp[pod] > MAX_IN_UNSCHEDULABLE) {
                stale.add(pod);
            }
        }
        unschedulable.removeAll(stale);
        for (int pod : stale) {
            requeue(pod, now);
        }
    }

    private void requeue(int pod, long now) {
        if (backoffExpiry(pod) > now) {
            state[pod] = BACKOFF;
            backoff.add(pod);
        } else {
            state[pod] = ACTIVE;
            active.add(pod);
        }
    }

    /** The earliest backoff expiry, or {@link SimTime#NEVER}. */
    public long nextBackoffExpiry() {
        return backoff.isEmpty() ? SimTime.NEVER : backoffExpiry(backoff.peek());
    }

    public int activeSize() {
        return active.size();
    }

    public int backoffSize() {
        return backoff.size();
    }

    public int unschedulableSize() {
        return unschedulable.size();
    }

    public int attempts(int pod) {
        return attempts[pod];
    }

    private void enqueue(int pod, int where, long now) {
        timestamp[pod] = now;
        sequence[pod] = nextSequence++;
        state[pod] = where;
        (where == ACTIVE ? active : backoff).add(pod);
    }

    private void ensure(int pod) {
        if (pod >= state.length) {
            int c = PodTable.capacityFor(pod, state.length);
            state = Arrays.copyOf(state, c);
            priority = Arrays.copyOf(priority, c);
            timestamp = Arrays.copyOf(timestamp, c);
            sequence = Arrays.copyOf(sequence, c);
            attempts = Arrays.copyOf(attempts, c);
        }
    }
}
