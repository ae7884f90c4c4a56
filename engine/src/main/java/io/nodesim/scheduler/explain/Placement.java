package io.nodesim.scheduler.explain;

import io.nodesim.scheduler.ScheduleResult;
import java.util.List;
import java.util.Objects;

/**
 * One pod of a {@code schedule} run.
 *
 * @param pod the pod's name
 * @param workload the workload that created it
 * @param boundByNodeName true when the pod named its node ({@code spec.nodeName}) and skipped the scheduler
 * @param node the node, or null when unschedulable
 * @param result the scheduling cycle, or null for a pod bound by nodeName
 * @param tieSet names of the nodes sharing the top total
 */
public record Placement(String pod, String workload, boolean boundByNodeName, String node, ScheduleResult result,
        List<String> tieSet) {
    public Placement {
        Objects.requireNonNull(pod, "pod");
        tieSet = List.copyOf(tieSet);
    }
}
