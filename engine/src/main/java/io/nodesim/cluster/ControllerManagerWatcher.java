package io.nodesim.cluster;

/** Told when the kube-controller-manager process stops; its new instance runs {@code downtime} later. */
@FunctionalInterface
public interface ControllerManagerWatcher {
    void restarted(long now, long downtime);
}
