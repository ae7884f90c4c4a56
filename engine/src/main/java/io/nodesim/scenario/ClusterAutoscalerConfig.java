package io.nodesim.scenario;

import io.nodesim.kernel.SimTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code spec.clusterAutoscaler}: cluster-autoscaler flags under their real names
 * ({@code cluster-autoscaler/config/flags/flags.go}), durations in microseconds. A scenario without
 * the section has {@link #DISABLED}: no autoscaler runs, whatever the pools say.
 *
 * @param maxNodesTotal 0: no limit (the flag's default)
 * @param expanders the {@code expander} flag split at commas: a chain, each one narrowing the options
 *     of the one before; what is left is chosen at random ({@code expander/factory/chain.go})
 * @param priorities the {@code priorities} key of the {@code cluster-autoscaler-priority-expander}
 *     ConfigMap: priority to node-group name regular expressions (only the priority expander reads it)
 */
public record ClusterAutoscalerConfig(
        boolean enabled,
        long scanInterval,
        long maxNodeProvisionTime,
        double maxTotalUnreadyPercentage,
        int okTotalUnreadyCount,
        int maxNodesTotal,
        long newPodScaleUpDelay,
        List<String> expanders,
        Map<Integer, List<String>> priorities,
        boolean scaleDownEnabled,
        long scaleDownUnreadyTime,
        long scaleDownDelayAfterAdd,
        long initialNodeGroupBackoffDuration,
        long maxNodeGroupBackoffDuration) {

    public static final long SCAN_INTERVAL = 10 * SimTime.SECOND;
    public static final long MAX_NODE_PROVISION_TIME = 15 * SimTime.MINUTE;
    public static final double MAX_TOTAL_UNREADY_PERCENTAGE = 45;
    public static final int OK_TOTAL_UNREADY_COUNT = 3;
    public static final long SCALE_DOWN_UNREADY_TIME = 20 * SimTime.MINUTE;
    public static final long SCALE_DOWN_DELAY_AFTER_ADD = 10 * SimTime.MINUTE;
    public static final long INITIAL_NODE_GROUP_BACKOFF = 5 * SimTime.MINUTE;
    public static final long MAX_NODE_GROUP_BACKOFF = 30 * SimTime.MINUTE;
    public static final List<String> EXPANDER_NAMES = List.of("random", "most-pods", "least-waste", "least-nodes",
            "priority");

    /** No cluster-autoscaler: the flag defaults, not running. */
    public static final ClusterAutoscalerConfig DISABLED = new ClusterAutoscalerConfig(false, SCAN_INTERVAL,
            MAX_NODE_PROVISION_TIME, MAX_TOTAL_UNREADY_PERCENTAGE, OK_TOTAL_UNREADY_COUNT, 0, 0, List.of("random"),
            Map.of(), true, SCALE_DOWN_UNREADY_TIME, SCALE_DOWN_DELAY_AFTER_ADD, INITIAL_NODE_GROUP_BACKOFF,
            MAX_NODE_GROUP_BACKOFF);

    public ClusterAutoscalerConfig {
        if (scanInterval <= 0) {
            throw new IllegalArgumentException("scan-interval must be > 0");
        }
        expanders = List.copyOf(expanders);
        priorities = Map.copyOf(Objects.requireNonNull(priorities, "priorities"));
        for (String e : expanders) {
            if (!EXPANDER_NAMES.contains(e)) {
                throw new IllegalArgumentException("unknown expander " + e);
            }
        }
    }
}
