package io.nodesim.simulation;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import java.util.List;
import java.util.stream.Collectors;

/** Lookups into a {@link RunResult} for the tests. */
final class SimAssertions {
    private SimAssertions() {
    }

    /** Every record, event, metric and the event count of two runs are equal. */
    static void assertSameRun(RunResult expected, RunResult actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected.nodes(), actual.nodes());
        org.junit.jupiter.api.Assertions.assertEquals(expected.pods(), actual.pods());
        org.junit.jupiter.api.Assertions.assertEquals(expected.workloads(), actual.workloads());
        org.junit.jupiter.api.Assertions.assertEquals(expected.events(), actual.events());
        org.junit.jupiter.api.Assertions.assertEquals(expected.eventsFired(), actual.eventsFired());
        org.junit.jupiter.api.Assertions.assertEquals(expected.metrics().keySet(), actual.metrics().keySet());
        expected.metrics().forEach((k, v) -> org.junit.jupiter.api.Assertions.assertArrayEquals(v,
                actual.metrics().get(k), k));
    }

    static NodeRecord node(RunResult r, String name) {
        return r.nodes().stream().filter(n -> n.node().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for node " + name + " in " + r.nodes()));
    }

    static PodRecord pod(RunResult r, String name) {
        return r.pods().stream().filter(p -> p.pod().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for pod " + name));
    }

    /** The pod of a workload that was placed on a node (the scheduler chooses which replica goes where). */
    static PodRecord podOf(RunResult r, String workload, String node) {
        return r.pods().stream().filter(p -> p.workload().equals(workload) && p.node().equals(node)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for a pod of " + workload + " on " + node));
    }

    /** When the pod was deleted; NEVER if it never was (a pod still running may have no row). */
    static long deletedAtOrNever(RunResult r, String name) {
        return r.pods().stream().filter(p -> p.pod().equals(name)).findFirst().map(PodRecord::deletedAt)
                .orElse(SimTime.NEVER);
    }

    static List<PodRecord> podsOn(RunResult r, String node) {
        return r.pods().stream().filter(p -> p.node().equals(node)).collect(Collectors.toList());
    }

    static List<EventRecord> events(RunResult r, String kind) {
        return r.events().stream().filter(e -> e.kind().equals(kind)).collect(Collectors.toList());
    }

    static double seconds(long micros) {
        return SimTime.toSeconds(micros);
    }
}
