package io.nodesim.scheduler.preemption;

import io.nodesim.scheduler.preemption.DefaultPreemption.Candidate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SelectCandidate / pickOneNodeForPreemption (kubernetes pkg/scheduler/framework/preemption/preemption.go):
 * the candidate with the fewest PDB violations; then the lowest highest-victim priority; then the
 * smallest sum of victim priorities (each shifted by 2^31 so that negative priorities add up right);
 * then the fewest victims; then the latest start time of the highest-priority victims; then the
 * first. Upstream's first is in Go map order (arbitrary); here it is the dry run's order, so runs
 * repeat. Victims compare by MoreImportantPod: higher priority, then earlier start.
 */
public final class CandidateSelection {
    private static final long PRIORITY_SHIFT = (long) Integer.MAX_VALUE + 1;

    private CandidateSelection() {
    }

    public static Candidate pick(List<Candidate> candidates, AssignedPods pods) {
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        List<Candidate> left = candidates;
        for (int rule = 0; rule < 5; rule++) {
            List<Candidate> best = new ArrayList<>();
            long max = Long.MIN_VALUE;
            for (Candidate c : left) {
                long score = score(rule, c, pods);
                if (score > max) {
                    max = score;
                    best.clear();
                }
                if (score == max) {
                    best.add(c);
                }
            }
            if (best.size() == 1) {
                return best.get(0);
            }
            left = best;
        }
        return left.get(0);
    }

    private static long score(int rule, Candidate c, AssignedPods pods) {
        int[] v = c.victims();
        switch (rule) {
            case 0:
                return -c.pdbViolations();
            case 1:
                return -(long) pods.priority(v[0]);
            case 2: {
                long sum = 0;
                for (int p : v) {
                    sum += pods.priority(p) + PRIORITY_SHIFT;
                }
                return -sum;
            }
            case 3:
                return -v.length;
            default:
                return earliestStartOfHighest(v, pods);
        }
    }

    /** GetEarliestPodStartTime: the earliest start among the victims of the highest priority. */
    static long earliestStartOfHighest(int[] victims, AssignedPods pods) {
        int top = pods.priority(victims[0]);
        long earliest = Long.MAX_VALUE;
        for (int p : victims) {
            if (pods.priority(p) == top) {
                earliest = Math.min(earliest, pods.startTime(p));
            }
        }
        return earliest;
    }

    /** MoreImportantPod as a comparator: more important first. */
    static int compareImportance(AssignedPods pods, int a, int b) {
        int pa = pods.priority(a);
        int pb = pods.priority(b);
        if (pa != pb) {
            return Integer.compare(pb, pa);
        }
        return Long.compare(pods.startTime(a), pods.startTime(b));
    }

    static int[] byImportance(int[] victims, AssignedPods pods) {
        Integer[] boxed = Arrays.stream(victims).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (a, b) -> compareImportance(pods, a, b));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }
}
