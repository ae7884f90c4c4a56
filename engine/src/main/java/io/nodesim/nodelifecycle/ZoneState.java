package io.nodesim.nodelifecycle;

/** A zone's disruption state ({@code ZoneState} in node_lifecycle_controller.go). */
public enum ZoneState {
    /** The zone has no counted node (upstream deletes its entry). */
    ABSENT("Absent"),
    INITIAL("Initial"),
    NORMAL("Normal"),
    PARTIAL_DISRUPTION("PartialDisruption"),
    FULL_DISRUPTION("FullDisruption");

    private final String upstreamName;

    ZoneState(String upstreamName) {
        this.upstreamName = upstreamName;
    }

    public String upstreamName() {
        return upstreamName;
    }

    /**
     * {@code ComputeZoneState}: Full when no node is ready, Partial when more than 2 are not ready
     * and their share reaches the threshold (compared in float32, as upstream), else Normal.
     */
    public static ZoneState compute(int ready, int notReady, float unhealthyThreshold) {
        if (ready == 0 && notReady > 0) {
            return FULL_DISRUPTION;
        }
        if (notReady > 2 && (float) notReady / (float) (notReady + ready) >= unhealthyThreshold) {
            return PARTIAL_DISRUPTION;
        }
        return NORMAL;
    }
}
