package io.nodesim.kubelet;

import io.fabric8.kubernetes.api.model.ContainerImage;
import io.fabric8.kubernetes.api.model.Node;
import io.nodesim.cluster.Topology;
import io.nodesim.kernel.DurationDistribution;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The images on each node as its kubelet's image manager sees them
 * ({@code pkg/kubelet/images/image_manager.go EnsureImageExists}): those the node lists at t = 0
 * ({@code status.images} of its template) and those pulled since. A pull ends at a sampled time;
 * a second pod that needs an image being pulled waits for that pull rather than pulling again.
 */
public final class NodeImageStore {
    private final Map<String, Integer> ids = new HashMap<>();
    /** Per node, the interned images it lists, ascending. */
    private final int[][] listed;
    /** (node, image) → when its pull ends. */
    private final Map<Long, Long> pulledAt = new HashMap<>();

    public NodeImageStore(Topology topology) {
        listed = new int[topology.size()][];
        // a pool's nodes share their template: its images are interned once (the arrays are never written)
        Map<Node, int[]> byTemplate = new IdentityHashMap<>();
        for (int n = 0; n < listed.length; n++) {
            listed[n] = byTemplate.computeIfAbsent(topology.template(n), this::listedImages);
        }
    }

    private int[] listedImages(Node template) {
        if (template.getStatus() == null || template.getStatus().getImages() == null) {
            return new int[0];
        }
        return template.getStatus().getImages().stream().map(ContainerImage::getNames).flatMap(java.util.List::stream)
                .mapToInt(this::id).distinct().sorted().toArray();
    }

    /** The interned id of an image reference (as written; a pod's references are normalized by the caller). */
    public int id(String image) {
        return ids.computeIfAbsent(image, k -> ids.size());
    }

    /**
     * When every one of {@code images} is on the node, judged at {@code now}: at once for listed or
     * already pulled images, the end of a pull in progress, or the end of a pull that starts now
     * (one sample of {@code pull} per missing image, in order).
     */
    public long readyAt(int node, int[] images, DurationDistribution pull, RandomGenerator rng, long now) {
        long done = now;
        for (int image : images) {
            if (Arrays.binarySearch(listed[node], image) >= 0) {
                continue;
            }
            long key = ((long) node << 32) | image;
            Long at = pulledAt.get(key);
            if (at == null) {
                at = now + pull.sample(rng);
                pulledAt.put(key, at);
            }
            done = Math.max(done, at);
        }
        return done;
    }
}
