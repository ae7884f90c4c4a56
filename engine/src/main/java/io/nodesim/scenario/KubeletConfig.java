package io.nodesim.scenario;

/**
 * The KubeletConfiguration fields that drive heartbeats and graceful node shutdown. Durations in
 * microseconds. The lease is renewed every 0.25 × {@code nodeLeaseDurationSeconds}.
 */
public record KubeletConfig(long nodeStatusUpdateFrequency, long nodeStatusReportFrequency, int nodeLeaseDurationSeconds,
        GracefulShutdownConfig shutdown) {
    /** Without graceful node shutdown (both periods 0, the default). */
    public KubeletConfig(long nodeStatusUpdateFrequency, long nodeStatusReportFrequency, int nodeLeaseDurationSeconds) {
        this(nodeStatusUpdateFrequency, nodeStatusReportFrequency, nodeLeaseDurationSeconds, GracefulShutdownConfig.NONE);
    }

    public KubeletConfig {
        java.util.Objects.requireNonNull(shutdown, "shutdown");
        if (nodeStatusUpdateFrequency <= 0) {
            throw new IllegalArgumentException("nodeStatusUpdateFrequency must be > 0");
        }
        if (nodeStatusReportFrequency <= 0) {
            throw new IllegalArgumentException("nodeStatusReportFrequency must be > 0");
        }
        if (nodeLeaseDurationSeconds <= 0) {
            throw new IllegalArgumentException("nodeLeaseDurationSeconds must be > 0");
        }
    }

    /** The lease renew interval: 0.25 × the lease duration (PR #80429). */
    public long leaseRenewInterval() {
        return nodeLeaseDurationSeconds * 1_000_000L / 4;
    }
}
