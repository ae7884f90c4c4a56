package io.nodesim.scheduler.plugins;

import static io.nodesim.scheduler.plugins.ExtensionPoint.FILTER;
import static io.nodesim.scheduler.plugins.ExtensionPoint.PRE_FILTER;
import static io.nodesim.scheduler.plugins.ExtensionPoint.PRE_SCORE;
import static io.nodesim.scheduler.plugins.ExtensionPoint.SCORE;
import static io.nodesim.scheduler.plugins.PluginDescriptor.plugin;

import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.NodePods;
import io.nodesim.scheduler.SchedulerCache;
import java.util.List;

/**
 * Filter: "Too many pods", and for each resource the pod requests (real requests, no defaults)
 * {@code request > allocatable - requested} is "Insufficient X"; a node gets every reason that applies. Score: the configured strategy
 * over non-zero requests (kubernetes .../plugins/noderesources/{fit,least_allocated,most_allocated,
 * requested_to_capacity_ratio,resource_allocation}.go), with Go's integer division. A request of zero
 * drops a resource from the score only for scalar resources (calculateResourceAllocatableRequest): a
 * pod asking {@code cpu: "0"} still has cpu scored at the node's current use.
 */
public final class NodeResourcesFit implements FilterPlugin, ScorePlugin {
    public static final String NAME = "NodeResourcesFit";
    public static final PluginDescriptor DESCRIPTOR = plugin(NAME, PRE_FILTER, FILTER, PRE_SCORE, SCORE)
            .weight(1).args("NodeResourcesFitArgs").scoreNodeLocal()
            .build((nodes, config) -> new NodeResourcesFit(nodes, config.fitStrategy()));
    static final String TOO_MANY_PODS = "Too many pods";
    private static final int LEAST = 0;
    private static final int MOST = 1;
    private static final int RATIO = 2;

    private final SchedulerCache nodes;
    private final NodePods pods;
    private final int strategy;
    private final int[] resources;
    private final long[] weights;
    private final long[] shapeUtil;
    private final long[] shapeScore;
    private String[] insufficient = new String[0];
    /** Reasons for nodes short of more than one thing, by bit mask (bit 0: pods, bit r+1: resource r). */
    private final java.util.Map<Long, String> combined = new java.util.HashMap<>();
    /** Per-cycle: rows and pod requests per configured resource; skip[i] drops an unrequested scalar resource. */
    private final long[][] allocRows;
    private final long[][] usedRows;
    private final long[] podRequests;
    private final boolean[] skip;
    private boolean requestsAnything;

    public NodeResourcesFit(SchedulerCache nodes, ScoringStrategy s) {
        this.nodes = nodes;
        this.pods = nodes.pods();
        this.strategy = switch (s.type()) {
            case "MostAllocated" -> MOST;
            case "RequestedToCapacityRatio" -> RATIO;
            default -> LEAST;
        };
        List<ResourceSpec> rs = s.resources();
        resources = new int[rs.size()];
        weights = new long[rs.size()];
        for (int i = 0; i < rs.size(); i++) {
            resources[i] = nodes.resources().intern(rs.get(i).name());
            weights[i] = rs.get(i).weight();
        }
        allocRows = new long[rs.size()][];
        usedRows = new long[rs.size()][];
        podRequests = new long[rs.size()];
        skip = new boolean[rs.size()];
        shapeUtil = s.shape().stream().mapToLong(ScoringStrategy.ShapePoint::utilization).toArray();
        // shape scores are 0..10 (MaxCustomPriorityScore); the scorer works on 0..100
        shapeScore = s.shape().stream().mapToLong(p -> p.score() * 10L).toArray();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String preFilter(CompiledPod pod) {
        requestsAnything = false;
        for (long r : pod.requests) {
            requestsAnything |= r > 0;
        }
        if (insufficient.length < nodes.resources().size()) {
            insufficient = new String[nodes.resources().size()];
            for (int r = 0; r < insufficient.length; r++) {
                insufficient[r] = "Insufficient " + nodes.resources().name(r);
            }
        }
        return null;
    }

    /**
     * Every shortfall of the node, as fitsRequest collects them ("Too many pods", then each
     * insufficient resource), joined by {@link FilterPlugin#REASON_SEPARATOR}; the FitError counts
     * each one. The strings are built once per combination.
     */
    @Override
    public String filter(CompiledPod pod, int node) {
        String first = null;
        long mask = 0;
        if (pods.podCount(node) + 1 > nodes.allowedPods(node)) {
            first = TOO_MANY_PODS;
            mask = 1;
        }
        if (requestsAnything) {
            long[] req = pod.requests;
            for (int r = 0; r < req.length; r++) {
                if (req[r] > 0 && req[r] > nodes.allocatable(r, node) - pods.requested(r, node)) {
                    first = first == null ? insufficient[r] : first;
                    mask |= 1L << Math.min(r + 1, 63);
                }
            }
        }
        return Long.bitCount(mask) <= 1 ? first : combined.computeIfAbsent(mask, this::join);
    }

    private String join(long mask) {
        StringBuilder b = new StringBuilder();
        for (int bit = 0; bit < 64; bit++) {
            if ((mask & (1L << bit)) != 0) {
                if (b.length() > 0) {
                    b.append(REASON_SEPARATOR);
                }
                b.append(bit == 0 ? TOO_MANY_PODS : insufficient[bit - 1]);
            }
        }
        return b.toString();
    }

    @Override
    public boolean preScore(CompiledPod pod, int[] feasible, int count) {
        for (int i = 0; i < resources.length; i++) {
            int r = resources[i];
            allocRows[i] = nodes.allocatableRow(r);
            if (r == SchedulerCache.CPU) {
                podRequests[i] = pod.nonZeroCpu;
                usedRows[i] = pods.nonZeroCpuRow();
            } else if (r == SchedulerCache.MEMORY) {
                podRequests[i] = pod.nonZeroMemory;
                usedRows[i] = pods.nonZeroMemoryRow();
            } else {
                podRequests[i] = pod.request(r);
                usedRows[i] = pods.requestedRow(r);
            }
            String name = nodes.resources().name(r);
            skip[i] = isScalar(name) ? podRequests[i] == 0 : !isNativeScored(name);
        }
        return true;
    }

    /** The node's score; valid after {@link #preScore} for the same pod. */
    @Override
    public long score(CompiledPod pod, int node) {
        long nodeScore = 0;
        long weightSum = 0;
        for (int i = 0; i < resources.length; i++) {
            long alloc = allocRows[i][node];
            if (skip[i] || alloc == 0) {
                continue;
            }
            long requested = usedRows[i][node] + podRequests[i];
            long s = switch (strategy) {
                case LEAST -> requested > alloc ? 0 : (alloc - requested) * Normalize.MAX_NODE_SCORE / alloc;
                case MOST -> Math.min(requested, alloc) * Normalize.MAX_NODE_SCORE / alloc;
                default -> shape(requested > alloc ? 100 : requested * 100 / alloc);
            };
            if (strategy == RATIO && s <= 0) {
                // RequestedToCapacityRatio drops zero-scored resources from numerator and weights
                continue;
            }
            nodeScore += s * weights[i];
            weightSum += weights[i];
        }
        if (weightSum == 0) {
            return 0;
        }
        return strategy == RATIO ? Math.round((double) nodeScore / weightSum) : nodeScore / weightSum;
    }

    /** helper.BuildBrokenLinearFunction over the scaled shape. */
    private long shape(long p) {
        for (int i = 0; i < shapeUtil.length; i++) {
            if (p <= shapeUtil[i]) {
                if (i == 0) {
                    return shapeScore[0];
                }
                return shapeScore[i - 1] + (shapeScore[i] - shapeScore[i - 1]) * (p - shapeUtil[i - 1])
                        / (shapeUtil[i] - shapeUtil[i - 1]);
            }
        }
        return shapeScore[shapeScore.length - 1];
    }

    /**
     * v1helper.IsScalarResourceName: extended ({@code example.com/gpu}), prefixed native
     * ({@code kubernetes.io/...}), {@code hugepages-*} and {@code attachable-volumes-*}. Only these are
     * dropped from the score when the pod requests none; cpu, memory and ephemeral-storage always count.
     */
    static boolean isScalar(String name) {
        return name.indexOf('/') >= 0 || name.startsWith("hugepages-") || name.startsWith("attachable-volumes-");
    }

    /** calculateResourceAllocatableRequest scores these three natives; any other native name yields (0, 0). */
    private static boolean isNativeScored(String name) {
        return "cpu".equals(name) || "memory".equals(name) || "ephemeral-storage".equals(name);
    }
}
