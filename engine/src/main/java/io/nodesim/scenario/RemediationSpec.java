package io.nodesim.scenario;

import io.nodesim.kernel.DurationDistribution;
import java.util.Objects;

/**
 * {@code spec.remediation}: what acts on a node that stays NotReady, outside Kubernetes' own
 * controllers: an operator paged at 2 a.m., a node-health-check operator, a cloud provider's
 * auto-taint. Once a node's Ready condition has not been True for {@code notReadyFor}, after a
 * sample of {@code delay}, it applies {@code action}.
 *
 * @param action {@code OutOfServiceTaint} (removed again once the node is Ready) or {@code DeleteNode}
 */
public record RemediationSpec(long notReadyFor, DurationDistribution delay, String action) {
    public static final String OUT_OF_SERVICE_TAINT = "OutOfServiceTaint";
    public static final String DELETE_NODE = "DeleteNode";
    public static final java.util.List<String> ACTIONS = java.util.List.of(OUT_OF_SERVICE_TAINT, DELETE_NODE);

    public RemediationSpec {
        Objects.requireNonNull(delay, "delay");
        if (notReadyFor < 0) {
            throw new IllegalArgumentException("notReadyFor must be >= 0");
        }
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("action must be one of " + ACTIONS);
        }
    }
}
