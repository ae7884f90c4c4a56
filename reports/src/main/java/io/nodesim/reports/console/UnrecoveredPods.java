package io.nodesim.reports.console;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.metrics.WorkloadRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain-language lines about what did not recover by the end of a run, printed after the
 * summary table and shown in report.html: StatefulSet pods stuck Terminating (never replaced
 * without an operator: the surprise users hit in production), deleted bare pods, and replacements
 * still Pending. Taken from the first replication (the one the charts show).
 */
public final class UnrecoveredPods {
    /** At most this many pods are named one per line; the rest are counted. */
    static final int MAX_NAMED = 10;

    private UnrecoveredPods() {
    }

    /** The lines, empty when everything that was disrupted recovered or is still within its toleration. */
    public static List<String> lines(List<RunResult> runs) {
        if (runs.isEmpty()) {
            return List.of();
        }
        RunResult run = runs.get(0);
        Map<String, String> kinds = new HashMap<>();
        for (WorkloadRecord w : run.workloads()) {
            kinds.put(w.workload(), w.kind());
        }
        List<String> named = new ArrayList<>();
        int pending = 0;
        for (PodRecord p : run.pods()) {
            boolean replaced = p.replacementPod() != null && !p.replacementPod().isEmpty();
            if (replaced && p.replacementScheduledAt() == SimTime.NEVER) {
                pending++;
            }
            if (p.deletedAt() == SimTime.NEVER || replaced) {
                continue;
            }
            String kind = kinds.getOrDefault(p.workload(), "");
            if ("StatefulSet".equals(kind)) {
                named.add(p.pod() + ": StatefulSet pod stuck Terminating on " + p.node()
                        + " — never replaced without NodeDelete or the out-of-service taint");
            } else if ("Pod".equals(kind)) {
                named.add(p.pod() + ": bare pod deleted on " + p.node() + " — no controller replaces it");
            }
        }
        List<String> out = new ArrayList<>(named.subList(0, Math.min(MAX_NAMED, named.size())));
        if (named.size() > MAX_NAMED) {
            out.add("… and " + (named.size() - MAX_NAMED) + " more pods never replaced");
        }
        if (pending > 0) {
            out.add(pending + (pending == 1 ? " replacement" : " replacements")
                    + " still Pending at the end (nothing fits: no node without untolerated taints has room)");
        }
        return out;
    }
}
