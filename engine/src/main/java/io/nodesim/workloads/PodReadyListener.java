package io.nodesim.workloads;

/** Told when a pod the kubelet started passes its readiness probe (the StatefulSet controller waits for it). */
@FunctionalInterface
public interface PodReadyListener {
    void podReady(int pod, long time);
}
