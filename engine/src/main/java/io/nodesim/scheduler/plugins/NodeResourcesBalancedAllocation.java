package io.nodesim.scheduler.plugins;

import static io.nodesim.scheduler.plugins.ExtensionPoint.PRE_SCORE;
import static io.nodesim.scheduler.plugins.ExtensionPoint.SCORE;
import static io.nodesim.scheduler.plugins.PluginDescriptor.plugin;

import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.SchedulerCache;
import java.util.List;

/**
 * Favours nodes whose resource fractions (real requests, each capped at 1) are close to each other:
 * {@code int64((1 - std) * 100)}. Skips best-effort pods from 1.33 (PR #130260); from 1.36 scores the
 * change in balance, {@code 50 + (50 + with - without) / 2} (PR #135573)
 * (kubernetes .../plugins/noderesources/balanced_allocation.go).
 */
public final class NodeResourcesBalancedAllocation implements ScorePlugin {
    public static final String NAME = "NodeResourcesBalancedAllocation";
    public static final PluginDescriptor DESCRIPTOR = plugin(NAME, PRE_SCORE, SCORE)
            .weight(1).args("NodeResourcesBalancedAllocationArgs").scoreNodeLocal()
            .build((nodes, config) -> new NodeResourcesBalancedAllocation(nodes, config.balancedResources(),
                    config.balancedAllocationSkipsBestEffort(), config.balancedAllocationDelta()));

    private final SchedulerCache nodes;
    private final int[] resources;
    private final boolean skipBestEffort;
    private final boolean delta;
    private final double[] fractions;
    /** Per-cycle: rows and pod requests per resource; a resource with a null row is not scored. */
    private final long[][] allocRows;
    private final long[][] usedRows;
    private final long[] podRequests;

    public NodeResourcesBalancedAllocation(SchedulerCache nodes, List<ResourceSpec> resources, boolean skipBestEffort,
            boolean delta) {
        this.nodes = nodes;
        this.resources = resources.stream().mapToInt(r -> nodes.resources().intern(r.name())).toArray();
        this.skipBestEffort = skipBestEffort;
        this.delta = delta;
        this.fractions = new double[this.resources.length];
        this.allocRows = new long[this.resources.length][];
        this.usedRows = new long[this.resources.length][];
        this.podRequests = new long[this.resources.length];
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean preScore(CompiledPod pod, int[] feasible, int count) {
        boolean bestEffort = true;
        for (int i = 0; i < resources.length; i++) {
            int r = resources[i];
            podRequests[i] = pod.request(r);
            bestEffort &= podRequests[i] == 0;
            // an extended resource the pod does not request is left out (calculateResourceAllocatableRequest)
            boolean scored = podRequests[i] != 0 || r == SchedulerCache.CPU || r == SchedulerCache.MEMORY
                    || "ephemeral-storage".equals(nodes.resources().name(r));
            allocRows[i] = scored ? nodes.allocatableRow(r) : null;
            usedRows[i] = scored ? nodes.pods().requestedRow(r) : null;
        }
        return !(skipBestEffort && bestEffort);
    }

    @Override
    public long score(CompiledPod pod, int node) {
        long with = balance(pod, node, true);
        if (!delta) {
            return with;
        }
        long without = balance(pod, node, false);
        return 50 + (50 + with - without) / 2;
    }

    private long balance(CompiledPod pod, int node, boolean withPod) {
        int n = 0;
        double total = 0;
        for (int i = 0; i < resources.length; i++) {
            long[] alloc = allocRows[i];
            if (alloc == null || alloc[node] == 0) {
                continue;
            }
            long requested = usedRows[i][node] + (withPod ? podRequests[i] : 0);
            double f = Math.min((double) requested / (double) alloc[node], 1.0);
            fractions[n++] = f;
            total += f;
        }
        double std = 0;
        if (n == 2) {
            std = Math.abs((fractions[0] - fractions[1]) / 2);
        } else if (n > 2) {
            double mean = total / n;
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += (fractions[i] - mean) * (fractions[i] - mean);
            }
            std = Math.sqrt(sum / n);
        }
        return (long) ((1 - std) * Normalize.MAX_NODE_SCORE);
    }
}
