package io.nodesim.scenario;

/** kube-apiserver flags of the DefaultTolerationSeconds admission plugin, in seconds. */
public record ApiServerConfig(long defaultNotReadyTolerationSeconds, long defaultUnreachableTolerationSeconds) {
    public ApiServerConfig {
        if (defaultNotReadyTolerationSeconds < 0 || defaultUnreachableTolerationSeconds < 0) {
            throw new IllegalArgumentException("default toleration seconds must be >= 0");
        }
    }
}
