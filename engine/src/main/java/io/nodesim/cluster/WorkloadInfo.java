package io.nodesim.cluster;

/**
 * What the controllers need of one workload: its identity and its pods' compiled tolerations of
 * the NoExecute taints (see {@link #NOT_TOLERATED} and {@link #FOREVER}), in microseconds.
 */
public record WorkloadInfo(
        String name,
        String kind,
        int desired,
        long unreachableToleration,
        long notReadyToleration,
        long outOfServiceToleration) {
    /** No toleration matches the taint: the pod is deleted as soon as the taint is seen. */
    public static final long NOT_TOLERATED = -1L;
    /** Matching tolerations without tolerationSeconds only: the pod is never deleted. */
    public static final long FOREVER = Long.MAX_VALUE;

    public boolean daemonSet() {
        return "DaemonSet".equals(kind);
    }

    /** The compiled toleration of one NoExecute taint bit. */
    public long tolerationOf(int taintBit) {
        return switch (taintBit) {
            case ControllerTaints.UNREACHABLE_NO_EXECUTE -> unreachableToleration;
            case ControllerTaints.NOT_READY_NO_EXECUTE -> notReadyToleration;
            case ControllerTaints.OUT_OF_SERVICE_NO_EXECUTE -> outOfServiceToleration;
            default -> throw new IllegalArgumentException("not a NoExecute taint bit: " + taintBit);
        };
    }
}
