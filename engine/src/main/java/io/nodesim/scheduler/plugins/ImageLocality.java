package io.nodesim.scheduler.plugins;

import static io.nodesim.scheduler.plugins.ExtensionPoint.SCORE;
import static io.nodesim.scheduler.plugins.PluginDescriptor.plugin;

import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.NodeImages;
import io.nodesim.scheduler.SchedulerCache;

/**
 * Favours nodes that already have the pod's images: each present image contributes
 * {@code size * nodesWithImage / allNodes} (truncated); the sum is clamped to
 * [23 MiB, 1000 MiB x containers] and scaled to 0..100
 * (kubernetes .../plugins/imagelocality/image_locality.go; init and app containers count).
 */
public final class ImageLocality implements ScorePlugin {
    public static final String NAME = "ImageLocality";
    public static final PluginDescriptor DESCRIPTOR = plugin(NAME, SCORE).weight(1).scoreNodeLocal()
            .build((nodes, config) -> new ImageLocality(nodes));
    static final long MIN_THRESHOLD = 23L * 1024 * 1024;
    static final long MAX_CONTAINER_THRESHOLD = 1000L * 1024 * 1024;

    private final SchedulerCache nodes;
    private final NodeImages images;

    public ImageLocality(SchedulerCache nodes) {
        this.nodes = nodes;
        this.images = nodes.images();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean preScore(CompiledPod pod, int[] feasible, int count) {
        return true;
    }

    @Override
    public long score(CompiledPod pod, int node) {
        int[] nodeImages = images.ids(node);
        long sum = 0;
        if (nodeImages.length > 0) {
            long[] sizes = images.sizes(node);
            int total = nodes.size();
            for (int image : pod.images) {
                for (int i = 0; i < nodeImages.length; i++) {
                    if (nodeImages[i] == image) {
                        double spread = (double) images.nodesWith(image) / (double) total;
                        sum += (long) (sizes[i] * spread);
                        break;
                    }
                }
            }
        }
        long max = MAX_CONTAINER_THRESHOLD * pod.images.length;
        sum = Math.max(MIN_THRESHOLD, Math.min(sum, max));
        return Normalize.MAX_NODE_SCORE * (sum - MIN_THRESHOLD) / (max - MIN_THRESHOLD);
    }
}
