package io.nodesim.scheduler;

import io.fabric8.kubernetes.api.model.ContainerImage;
import io.fabric8.kubernetes.api.model.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The container images every node of a {@link SchedulerCache} reports, with their sizes, and per image
 * the number of live nodes that have it: the scheduler cache's {@code imageStates} and each
 * {@code NodeInfo}'s {@code ImageStates} (kubernetes pkg/scheduler/backend/cache/cache.go
 * {@code addNodeImageStates}/{@code removeNodeImageStates}), what ImageLocality scores from.
 * A node's images never change after it is added.
 */
public final class NodeImages {
    private final Symbols names = new Symbols();
    private int[][] ids;
    private long[][] sizes;
    private int[] nodeCount = new int[16];
    /** The template read last and its images. */
    private Node lastTemplate;
    private int[] lastIds;
    private long[] lastSizes;

    NodeImages(int capacity) {
        ids = new int[capacity][];
        sizes = new long[capacity][];
    }

    /** Interned image names, shared by the nodes' reported images and the pods' containers. */
    public Symbols symbols() {
        return names;
    }

    /** The interned images on the node, each once. */
    public int[] ids(int n) {
        return ids[n];
    }

    /** Parallel to {@link #ids}: each image's size in bytes. */
    public long[] sizes(int n) {
        return sizes[n];
    }

    /** Number of live nodes that have the image. */
    public int nodesWith(int image) {
        return image < nodeCount.length ? nodeCount[image] : 0;
    }

    void read(int n, Node template) {
        if (template != lastTemplate) {
            // a pool's nodes share their template: its images are read once (the arrays are never written)
            readTemplate(template);
        }
        ids[n] = lastIds;
        sizes[n] = lastSizes;
        if (nodeCount.length < names.size()) {
            nodeCount = Arrays.copyOf(nodeCount, Math.max(names.size(), nodeCount.length * 2));
        }
        nodeReturned(n);
    }

    private void readTemplate(Node template) {
        List<Integer> found = new ArrayList<>();
        List<Long> foundSizes = new ArrayList<>();
        if (template.getStatus() != null && template.getStatus().getImages() != null) {
            for (ContainerImage image : template.getStatus().getImages()) {
                long size = image.getSizeBytes() == null ? 0 : image.getSizeBytes();
                for (String name : image.getNames()) {
                    int id = names.intern(name);
                    if (!found.contains(id)) {
                        found.add(id);
                        foundSizes.add(size);
                    }
                }
            }
        }
        lastTemplate = template;
        lastIds = found.stream().mapToInt(Integer::intValue).toArray();
        lastSizes = foundSizes.stream().mapToLong(Long::longValue).toArray();
    }

    void nodeLeft(int n) {
        for (int image : ids[n]) {
            nodeCount[image]--;
        }
    }

    void nodeReturned(int n) {
        for (int image : ids[n]) {
            nodeCount[image]++;
        }
    }

    void grow(int c) {
        ids = Arrays.copyOf(ids, c);
        sizes = Arrays.copyOf(sizes, c);
    }
}
