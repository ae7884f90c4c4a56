package io.nodesim.scenario;

import io.nodesim.kernel.SimTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The table of version profiles (DESIGN §5, spec §2): for each range of Kubernetes minor releases,
 * the behaviour switches ({@link VersionProfile}) and the defaults that differ between releases.
 * The rules are named columns ({@link Rule}); a range ends wherever any of them starts to hold,
 * so each row is one behaviour. The scheduler's version rules are columns too.
 *
 * <p>Sources: kube-controller-manager defaults in {@code pkg/controller/nodelifecycle/config/v1alpha1/defaults.go}
 * (grace 40 s → 50 s in 1.32, PR #126287); kubelet defaults in
 * {@code pkg/kubelet/apis/config/v1beta1/defaults.go} (nodeStatusReportFrequency 1 m from 1.13, 5 m from
 * 1.17, PR #84351); NodeLease alpha 1.12 (off), beta on 1.14, GA 1.17; TaintBasedEvictions beta on 1.13;
 * lease renewal jitter: {@code component-helpers/apimachinery/lease/controller.go} uses
 * {@code wait.JitterUntil(sync, renewInterval, 0.04, ...)} since PR #101652 (merged for 1.22), the
 * kubelet's older {@code pkg/kubelet/nodelease} used a plain {@code wait.Until}; NoExecute taint in
 * the detecting pass from 1.34 (PR #120816); the node lifecycle controller's {@code evictorLock} no longer
 * held over API calls from 1.25 (PR #110359); NodePorts counts sidecar init containers' host ports from
 * 1.34 (PR #132040, also in late 1.33 patches; ordinary init containers never count); {@code --enable-taint-manager} and
 * {@code --pod-eviction-timeout} removed in 1.27 (PR #115840); the node lifecycle controller leaves nodes whose
 * name ends in {@code master} or {@code master-} plus three characters out of the zone counts
 * ({@code system.IsMasterNode} until 1.15, {@code legacyIsMasterNode} behind {@code LegacyNodeRoleBehavior},
 * alpha on 1.16, beta on 1.19, GA locked off 1.21, removed 1.22, {@code pkg/features/kube_features.go}) and
 * honours {@code node.kubernetes.io/exclude-disruption} from 1.19 ({@code NodeDisruptionExclusion}: alpha off 1.16,
 * beta on 1.19, GA 1.21).
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

    /**
     * The table's named columns: each rule of Kubernetes behaviour that nodesim models, and the
     * minor release from which it holds. The README's version table is {@link #markdownTable()}.
     */
    public enum Rule {
        TAINT_BASED_EVICTIONS(13, "default eviction path", "legacy (`pod-eviction-timeout`)",
                "NoExecute taints (TaintBasedEvictions beta)"),
        REPORT_FREQUENCY_FIELD(13, "kubelet `nodeStatusReportFrequency`", "absent (every status is posted)",
                "present"),
        NODE_LEASE(14, "NodeLease", "no (the status is the heartbeat)", "yes (beta 1.14, GA 1.17)"),
        REPORT_FREQUENCY_5M(17, "`nodeStatusReportFrequency` with NodeLease", "1m", "5m (PR #84351)"),
        MARK_PODS_NOT_READY_RETRY(17, "failed `MarkPodsNotReady`", "not retried", "retried next pass (PR #84445)"),
        POD_LISTS_FROM_INFORMER(17, "the node's pods for `MarkPodsNotReady` / legacy `DeletePods`",
                "a LIST through the controller's client", "the pod informer (PR #81167)"),
        POD_NOT_READY_EVENTS(19, "`MarkPodsNotReady`'s pod events", "none",
                "NodeNotReady per pod, on the controller's client (PR #87743)"),
        KUBE_PROXY_MIN_SYNC_1S(19, "kube-proxy iptables `minSyncPeriod`", "0s", "1s (PR #92836)"),
        DISRUPTION_EXCLUSION_LABEL(19, "`node.kubernetes.io/exclude-disruption` in zone counts", "counted",
                "left out (NodeDisruptionExclusion beta)"),
        EXEC_PROBE_TIMEOUT(20, "exec probe past its deadline (a hung runtime's `ExecSync`)", "an error, thrown away",
                "a probe Failure (ExecProbeTimeout)"),
        MASTER_NAMES_COUNTED(21, "nodes named `…master`, `…master-xyz` in zone counts",
                "left out (`legacyIsMasterNode`)", "counted (LegacyNodeRoleBehavior locked off)"),
        NAMESPACE_NAME_LABEL(21, "`kubernetes.io/metadata.name` on namespaces", "absent",
                "set (NamespaceDefaultLabelName)"),
        LEASE_JITTER(22, "lease renewal jitter", "no", "4 % (PR #101652)"),
        POD_AFFINITY_NAMESPACE_SELECTOR(22, "pod affinity `namespaceSelector`", "dropped by the API server (refused)",
                "honoured (PodAffinityNamespaceSelector beta 1.22, GA 1.24)"),
        SCHEDULER_V1BETA3_WEIGHTS(23, "default score weights", "all 1, PodTopologySpread 2",
                "v1beta3: TaintToleration 3, NodeAffinity 2, InterPodAffinity 2"),
        EVICTOR_LOCK_OFF_API_CALLS(25, "node lifecycle `evictorLock`",
                "held over the tainting pass's and `markNodeAsReachable`'s API calls",
                "held around the queues only (PR #110359)"),
        NODE_INCLUSION_POLICY(26, "PodTopologySpread `nodeAffinityPolicy` / `nodeTaintsPolicy`",
                "dropped by the API server (refused)", "honoured (beta 1.26, GA 1.33)"),
        DISRUPTION_TARGET_ON_EVICTION(26, "taint-eviction deletion requests", "DELETE",
                "GET, PATCH DisruptionTarget, DELETE (PodDisruptionConditions beta)"),
        POD_GC_MARKS_FAILED(26, "pod GC's force deletion requests", "DELETE",
                "PATCH Failed, DELETE (PodDisruptionConditions beta)"),
        PARALLEL_NODE_HEALTH(27, "monitor pass workers", "1 (serial)", "8 (PR #114296)"),
        LEGACY_FLAGS_REMOVED(27, "`enable-taint-manager`, `pod-eviction-timeout`", "yes", "removed (PR #115840)"),
        SEPARATE_TAINT_EVICTION_CLIENT(29, "taint eviction's API client", "the node lifecycle controller's",
                "its own limiter (SeparateTaintEvictionController)"),
        POD_AFFINITY_MATCH_LABEL_KEYS(31, "pod affinity `matchLabelKeys` / `mismatchLabelKeys`",
                "dropped by the API server (refused)", "merged into the selector (beta 1.31, GA 1.33)"),
        GRACE_50S(32, "G (`node-monitor-grace-period`)", "40s", "50s (PR #126287)"),
        BALANCED_ALLOCATION_SKIPS_BEST_EFFORT(33, "BalancedAllocation and best-effort pods", "scored", "skipped"),
        POP_FROM_BACKOFF_Q(33, "idle scheduler pops backoffQ early", "no", "yes (SchedulerPopFromBackoffQ)"),
        NO_EXECUTE_IN_DETECTING_PASS(34, "NoExecute taint", "next pass", "same pass (PR #120816)"),
        KUBE_PROXY_RUNNER_NO_BURST(34, "kube-proxy sync runner", "2 syncs in a burst, then 1 per `minSyncPeriod`",
                "`minSyncPeriod` after every sync (PR #131615)"),
        SIDECAR_HOST_PORTS(34, "NodePorts and sidecar (`restartPolicy: Always`) init containers", "ports ignored",
                "ports counted (PR #132040)"),
        TAINT_NOT_IN_FILTER_REASON(35, "TaintToleration's filter reason", "names the taint", "does not name the taint"),
        BALANCED_ALLOCATION_DELTA(36, "BalancedAllocation scores", "the balance", "the change in balance");

        private final int sinceMinor;
        private final String header;
        private final String before;
        private final String from;

        Rule(int sinceMinor, String header, String before, String from) {
            this.sinceMinor = sinceMinor;
            this.header = header;
            this.before = before;
            this.from = from;
        }

        /** The minor release from which the rule holds. */
        public int sinceMinor() {
            return sinceMinor;
        }

        public boolean appliesTo(KubernetesVersion v) {
            return v.minor() >= sinceMinor;
        }

        String cell(boolean holds) {
            return holds ? from : before;
        }
    }

    /** One row: versions {@code fromMinor..toMinor} inclusive, over which no rule changes. */
    public record Row(int fromMinor, int toMinor, VersionProfile profile, Defaults defaults) {
        boolean covers(KubernetesVersion v) {
            return v.minor() >= fromMinor && v.minor() <= toMinor;
        }

        public boolean has(Rule rule) {
            return fromMinor >= rule.sinceMinor();
        }
    }

    private static final List<Row> ROWS = rowsBetweenRuleChanges();

    private VersionProfiles() {
    }

    /** A row ends wherever any rule starts to hold, so each row is one behaviour. */
    private static List<Row> rowsBetweenRuleChanges() {
        TreeSet<Integer> starts = new TreeSet<>();
        starts.add(OLDEST.minor());
        for (Rule r : Rule.values()) {
            starts.add(r.sinceMinor());
        }
        List<Row> rows = new ArrayList<>();
        for (int from : starts) {
            Integer next = starts.higher(from);
            rows.add(row(from, next == null ? NEWEST.minor() : next - 1));
        }
        return List.copyOf(rows);
    }

    private static Row row(int from, int to) {
        KubernetesVersion v = new KubernetesVersion(1, from);
        String name = from == to ? "1." + from : "1." + from + "–1." + to;
        boolean lease = Rule.NODE_LEASE.appliesTo(v);
        VersionProfile profile = new VersionProfile(name, lease, Rule.LEASE_JITTER.appliesTo(v),
                Rule.NO_EXECUTE_IN_DETECTING_PASS.appliesTo(v), !Rule.LEGACY_FLAGS_REMOVED.appliesTo(v),
                Rule.BALANCED_ALLOCATION_DELTA.appliesTo(v), Rule.BALANCED_ALLOCATION_SKIPS_BEST_EFFORT.appliesTo(v));
        long report = !lease ? 0 : Rule.REPORT_FREQUENCY_5M.appliesTo(v) ? 5 * SimTime.MINUTE : SimTime.MINUTE;
        long grace = Rule.GRACE_50S.appliesTo(v) ? 50 * SimTime.SECOND : 40 * SimTime.SECOND;
        return new Row(from, to, profile, new Defaults(grace, report, Rule.TAINT_BASED_EVICTIONS.appliesTo(v)));
    }

    /** Every row, oldest first. */
    public static List<Row> rows() {
        return ROWS;
    }

    /** The table as the README shows it: one row per profile, one column per rule. */
    public static String markdownTable() {
        StringBuilder b = new StringBuilder("| profile |");
        StringBuilder rule = new StringBuilder("|---|");
        for (Rule r : Rule.values()) {
            b.append(' ').append(r.header).append(" (1.").append(r.sinceMinor()).append(") |");
            rule.append("---|");
        }
        b.append('\n').append(rule).append('\n');
        for (Row row : ROWS) {
            b.append("| ").append(row.profile().name()).append(" |");
            for (Rule r : Rule.values()) {
                b.append(' ').append(r.cell(row.has(r))).append(" |");
            }
            b.append('\n');
        }
        return b.toString();
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
    /**
     * kube-controller-manager's {@code ClientConnection} defaults, the same in every modelled version
     * (pkg/controller/apis/config/v1alpha1/defaults.go {@code SetDefaults_KubeControllerManagerConfiguration};
     * before it the 1.12 options' {@code KubeAPIQPS: 20, KubeAPIBurst: 30}).
     */
    public static final double KUBE_API_QPS = 20;
    public static final int KUBE_API_BURST = 30;
    public static final int LARGE_CLUSTER_SIZE_THRESHOLD = 50;
    public static final double UNHEALTHY_ZONE_THRESHOLD = 0.55;
    public static final long POD_EVICTION_TIMEOUT = 5 * SimTime.MINUTE;
    /* component-base/config/v1alpha1/defaults.go RecommendedDefaultLeaderElectionConfiguration. */
    public static final long LEADER_ELECT_LEASE_DURATION = 15 * SimTime.SECOND;
    public static final long LEADER_ELECT_RENEW_DEADLINE = 10 * SimTime.SECOND;
    public static final long LEADER_ELECT_RETRY_PERIOD = 2 * SimTime.SECOND;
    /** client-go {@code tools/leaderelection} {@code JitterFactor}: a candidate retries every period × (1 + 1.2·u). */
    public static final double LEADER_ELECT_JITTER_FACTOR = 1.2;
    public static final long NODE_STATUS_UPDATE_FREQUENCY = 10 * SimTime.SECOND;
    public static final int NODE_LEASE_DURATION_SECONDS = 40;
    public static final long DEFAULT_TOLERATION_SECONDS = 300;
    /** The release that removed {@code --enable-taint-manager} and {@code --pod-eviction-timeout}. */
    public static final int LEGACY_FLAGS_REMOVED = Rule.LEGACY_FLAGS_REMOVED.sinceMinor();
}
