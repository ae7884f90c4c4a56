package io.nodesim.scenario;

import io.nodesim.kernel.SimTime;
import java.util.List;

/**
 * The table of version profiles (DESIGN §5, spec §2): for each range of Kubernetes minor releases,
 * the behaviour switches ({@link VersionProfile}) and the defaults that differ between releases.
 * A range ends wherever any modelled rule or default changes, so each row is one behaviour.
 *
 * <p>Sources: kube-controller-manager defaults in {@code pkg/controller/nodelifecycle/config/v1alpha1/defaults.go}
 * (grace 40 s → 50 s in 1.32, PR #126287); kubelet defaults in
 * {@code pkg/kubelet/apis/config/v1beta1/defaults.go} (nodeStatusReportFrequency 1 m from 1.13, 5 m from
 * 1.17, PR #84351); NodeLease alpha 1.12 (off), beta on 1.14, GA 1.17; TaintBasedEvictions beta on 1.13;
 * lease renewal jitter: {@code component-helpers/apimachinery/lease/controller.go} uses
 * {@code wait.JitterUntil(sync, renewInterval, 0.04, ...)} since PR #101652 (merged for 1.22), the
 * kubelet's older {@code pkg/kubelet/nodelease} used a plain {@code wait.Until}; NoExecute taint in
 * the detecting pass from 1.34 (PR #120816); {@code --enable-taint-manager} and
 * {@code --pod-eviction-timeout} removed in 1.27 (PR #115840).
 */
public final class VersionProfiles {
    public static final KubernetesVersion OLDEST = new KubernetesVersion(1, 12);
    public static final KubernetesVersion NEWEST = new KubernetesVersion(1, 36);
    public static final KubernetesVersion DEFAULT = new KubernetesVersion(1, 35);

    /**
     * The defaults that change with the version.
     *
     * @param nodeStatusReportFrequency the kubelet default, or 0 when the kubelet posts every
     *     status it computes (no lease: the status is the heartbeat)
     * @param enableTaintManager the effective default of nodesim's {@code enable-taint-manager}:
     *     whether evictions go through NoExecute taints (false = the legacy pod-eviction-timeout path)
     */
    public record Defaults(long nodeMonitorGracePeriod, long nodeStatusReportFrequency, boolean enableTaintManager) {
    }

    /** One row: versions {@code fromMinor..toMinor} inclusive. */
    public record Row(int fromMinor, int toMinor, VersionProfile profile, Defaults defaults) {
        boolean covers(KubernetesVersion v) {
            return v.minor() >= fromMinor && v.minor() <= toMinor;
        }
    }

    private static final long G40 = 40 * SimTime.SECOND;
    private static final long G50 = 50 * SimTime.SECOND;

    /* name, lease, jitter, NoExecute same pass, taint-manager flag, BA delta, BA skips best-effort */
    private static final List<Row> ROWS = List.of(
            row(12, 12, false, false, false, true, false, false, G40, 0, false),
            row(13, 13, false, false, false, true, false, false, G40, 0, true),
            row(14, 16, true, false, false, true, false, false, G40, SimTime.MINUTE, true),
            row(17, 21, true, false, false, true, false, false, G40, 5 * SimTime.MINUTE, true),
            row(22, 26, true, true, false, true, false, false, G40, 5 * SimTime.MINUTE, true),
            row(27, 31, true, true, false, false, false, false, G40, 5 * SimTime.MINUTE, true),
            row(32, 32, true, true, false, false, false, false, G50, 5 * SimTime.MINUTE, true),
            row(33, 33, true, true, false, false, false, true, G50, 5 * SimTime.MINUTE, true),
            row(34, 35, true, true, true, false, false, true, G50, 5 * SimTime.MINUTE, true),
            row(36, 36, true, true, true, false, true, true, G50, 5 * SimTime.MINUTE, true));

    private VersionProfiles() {
    }

    private static Row row(int from, int to, boolean lease, boolean jitter, boolean samePass, boolean taintFlag,
            boolean baDelta, boolean baSkips, long grace, long report, boolean taintManager) {
        String name = from == to ? "1." + from : "1." + from + "–1." + to;
        return new Row(from, to, new VersionProfile(name, lease, jitter, samePass, taintFlag, baDelta, baSkips),
                new Defaults(grace, report, taintManager));
    }

    /** Every row, oldest first. */
    public static List<Row> rows() {
        return ROWS;
    }

    /** The supported versions, for messages. */
    public static String supportedRange() {
        return OLDEST + " to " + NEWEST;
    }

    /** The row covering a version; IllegalArgumentException naming the supported range. */
    public static Row forVersion(KubernetesVersion v) {
        for (Row r : ROWS) {
            if (r.covers(v)) {
                return r;
            }
        }
        throw new IllegalArgumentException("Kubernetes " + v + " is outside the version profiles; supported: "
                + supportedRange());
    }

    /* Defaults that are the same in every supported release. */
    public static final long NODE_MONITOR_PERIOD = 5 * SimTime.SECOND;
    public static final long NODE_STARTUP_GRACE_PERIOD = 60 * SimTime.SECOND;
    public static final double NODE_EVICTION_RATE = 0.1;
    public static final double SECONDARY_NODE_EVICTION_RATE = 0.01;
    public static final int LARGE_CLUSTER_SIZE_THRESHOLD = 50;
    public static final double UNHEALTHY_ZONE_THRESHOLD = 0.55;
    public static final long POD_EVICTION_TIMEOUT = 5 * SimTime.MINUTE;
    public static final long NODE_STATUS_UPDATE_FREQUENCY = 10 * SimTime.SECOND;
    public static final int NODE_LEASE_DURATION_SECONDS = 40;
    public static final long DEFAULT_TOLERATION_SECONDS = 300;
    /** The release that removed {@code --enable-taint-manager} and {@code --pod-eviction-timeout}. */
    public static final int LEGACY_FLAGS_REMOVED = 27;
}
