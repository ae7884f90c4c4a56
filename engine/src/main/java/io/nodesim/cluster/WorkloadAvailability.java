package io.nodesim.cluster;

import io.nodesim.kernel.SimTime;
import java.util.Arrays;

/**
 * Each workload's count of Ready pods over time, kept as pods change readiness: the lowest count,
 * the first disruption, when it was whole again and how long it was not (for workloads.csv).
 */
public final class WorkloadAvailability {
    private final int[] desired;
    private final int[] ready;
    private final int[] minReady;
    private final long[] firstDisruption;
    private final long[] wholeAgain;
    private final long[] unavailableSince;
    private final long[] unavailable;

    public WorkloadAvailability(ClusterState cluster) {
        int n = cluster.workloads().size();
        desired = new int[n];
        ready = new int[n];
        for (int w = 0; w < n; w++) {
            desired[w] = cluster.workloads().get(w).desired();
        }
        PodTable pods = cluster.pods();
        for (int p = 0; p < pods.count(); p++) {
            if (pods.ready(p)) {
                ready[pods.workload(p)]++;
            }
        }
        minReady = ready.clone();
        firstDisruption = filled(n, SimTime.NEVER);
        wholeAgain = filled(n, SimTime.NEVER);
        unavailableSince = filled(n, SimTime.NEVER);
        unavailable = new long[n];
        for (int w = 0; w < n; w++) {
            if (ready[w] < desired[w]) {
                unavailableSince[w] = 0;
            }
        }
    }

    private static long[] filled(int n, long v) {
        long[] a = new long[n];
        Arrays.fill(a, v);
        return a;
    }

    /** A pod of workload {@code w} became Ready ({@code +1}) or stopped being Ready ({@code -1}). */
    public void changed(int w, int delta, long now) {
        ready[w] += delta;
        minReady[w] = Math.min(minReady[w], ready[w]);
        if (ready[w] < desired[w]) {
            if (firstDisruption[w] == SimTime.NEVER) {
                firstDisruption[w] = now;
            }
            if (unavailableSince[w] == SimTime.NEVER) {
                unavailableSince[w] = now;
            }
            wholeAgain[w] = SimTime.NEVER;
        } else if (unavailableSince[w] != SimTime.NEVER) {
            unavailable[w] += now - unavailableSince[w];
            unavailableSince[w] = SimTime.NEVER;
            wholeAgain[w] = now;
        }
    }

    /** The workload's Ready pods now (a pod with a deletion timestamp is never Ready). */
    public int ready(int w) {
        return ready[w];
    }

    public int minReady(int w) {
        return minReady[w];
    }

    public long firstDisruption(int w) {
        return firstDisruption[w];
    }

    /** When the workload last became whole again after a disruption; NEVER when it is not whole. */
    public long fullyReadyAgain(int w) {
        return wholeAgain[w];
    }

    /** Time with fewer Ready pods than desired, up to {@code end}. */
    public long unavailable(int w, long end) {
        return unavailable[w] + (unavailableSince[w] == SimTime.NEVER ? 0 : end - unavailableSince[w]);
    }
}
