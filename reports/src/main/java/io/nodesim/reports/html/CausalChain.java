package io.nodesim.reports.html;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Why the slowest pod took as long as it did: the steps from its node's fault to its replacement
 * Ready (fault → Unknown → zone state → taint → deletion → replacement → Ready). Taken from the
 * event log when the run kept one ({@code --events}), which adds the zone-state and disruption-mode
 * transitions; otherwise rebuilt from the node and pod records.
 *
 * <p>The slowest pod is the one whose replacement became Ready longest after its node's fault;
 * when no replacement became Ready, the disrupted pod whose node failed first stands in.
 */
public record CausalChain(int replication, PodRecord pod, NodeRecord node, List<EventRecord> steps, boolean fromEvents) {
    private static final Set<String> CLUSTER_KINDS = Set.of("DisruptionModeEntered", "DisruptionModeExited");

    public CausalChain {
        steps = List.copyOf(steps);
    }

    /** When the chain starts: the node's fault. */
    public long faultAt() {
        return node.failedAt();
    }

    public static Optional<CausalChain> slowest(List<RunResult> runs) {
        RunResult bestRun = null;
        PodRecord best = null;
        NodeRecord bestNode = null;
        long bestKey = Long.MIN_VALUE;
        for (RunResult run : runs) {
            Map<String, NodeRecord> nodes = new HashMap<>();
            run.nodes().forEach(n -> nodes.putIfAbsent(n.node(), n));
            for (PodRecord p : run.pods()) {
                NodeRecord n = nodes.get(p.node());
                if (n == null || n.failedAt() == SimTime.NEVER) {
                    continue;
                }
                // Recovered pods rank by recovery time; the others rank below every recovered one.
                long key = p.replacementReadyAt() != SimTime.NEVER
                        ? p.replacementReadyAt() - n.failedAt()
                        : Long.MIN_VALUE + 1 + (SimTime.NEVER - n.failedAt()) / 2;
                if (key > bestKey) {
                    bestKey = key;
                    bestRun = run;
                    best = p;
                    bestNode = n;
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(bestRun.events().isEmpty()
                ? new CausalChain(bestRun.replication(), best, bestNode, fromRecords(best, bestNode), false)
                : new CausalChain(bestRun.replication(), best, bestNode, fromEvents(bestRun, best, bestNode), true));
    }

    private static List<EventRecord> fromEvents(RunResult run, PodRecord p, NodeRecord n) {
        long from = n.failedAt();
        long to = p.replacementReadyAt(); // NEVER: to the end of the run
        List<EventRecord> out = new ArrayList<>();
        for (EventRecord e : run.events()) {
            if (e.time() < from || e.time() > to) {
                continue;
            }
            boolean about = names(e.object(), n.node()) || names(e.object(), p.pod())
                    || names(e.object(), p.replacementPod())
                    || ("ZoneState".equals(e.kind()) && names(e.object(), n.zone()))
                    || CLUSTER_KINDS.contains(e.kind());
            if (about) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<EventRecord> fromRecords(PodRecord p, NodeRecord n) {
        List<EventRecord> out = new ArrayList<>();
        add(out, n.failedAt(), "NodeFault", n.node(), "");
        add(out, n.unknownAt(), "NodeReadyUnknown", n.node(), "");
        add(out, n.noScheduleTaintAt(), "TaintAdded", n.node(), "NoSchedule");
        add(out, n.noExecuteTaintAt(), "TaintAdded", n.node(), "NoExecute");
        add(out, p.notReadyAt(), "PodNotReady", p.pod(), "");
        add(out, p.deletedAt(), "PodDeleted", p.pod(), p.falseEviction() ? "false eviction: containers were running" : "");
        String replacement = p.replacementPod() == null ? "" : p.replacementPod();
        add(out, p.replacementCreatedAt(), "PodCreated", replacement, "replaces " + p.pod());
        add(out, p.replacementScheduledAt(), "PodScheduled", replacement, "on " + p.replacementNode());
        add(out, p.replacementReadyAt(), "PodReady", replacement, "");
        add(out, n.readyAgainAt(), "NodeReadyTrue", n.node(), "");
        out.removeIf(e -> e.time() > p.replacementReadyAt());
        out.sort(Comparator.comparingLong(EventRecord::time)); // stable: same-time steps keep causal order
        return out;
    }

    private static void add(List<EventRecord> out, long time, String kind, String object, String detail) {
        if (time != SimTime.NEVER) {
            out.add(new EventRecord(time, kind, object, detail));
        }
    }

    /** Event objects may be qualified ("default/web-1", "zone/a"); a bare name matches its last segment. */
    private static boolean names(String object, String name) {
        return object != null && name != null && !name.isEmpty()
                && (object.equals(name) || object.endsWith("/" + name));
    }
}
