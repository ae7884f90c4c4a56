package io.nodesim.scenario;

import java.util.List;
import java.util.Map;

/**
 * The nodes a fault hits. Every given criterion must hold (names, zone, selector narrow the set);
 * then {@code count} or {@code percent} draws that many of the remaining nodes from the
 * replication's fault stream. An empty target means every node (useful for ControlPlaneOutage,
 * which has no node target at all).
 */
public record FaultTarget(List<String> nodes, String zone, Map<String, String> selector, Integer count, Double percent) {
    public FaultTarget {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        selector = selector == null ? Map.of() : Map.copyOf(selector);
        if (count != null && count < 0) {
            throw new IllegalArgumentException("count must be >= 0");
        }
        if (percent != null && !(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be in [0, 100]");
        }
        if (count != null && percent != null) {
            throw new IllegalArgumentException("give count or percent, not both");
        }
    }

    public static FaultTarget all() {
        return new FaultTarget(List.of(), null, Map.of(), null, null);
    }

    /** The criteria as one text, each after a comma ({@code ", zone a, count 3"}), "" for every node. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        if (!nodes.isEmpty()) {
            b.append(", nodes ").append(String.join(",", nodes));
        }
        if (zone != null) {
            b.append(", zone ").append(zone);
        }
        if (!selector.isEmpty()) {
            b.append(", selector ").append(new java.util.TreeMap<>(selector));
        }
        if (count != null) {
            b.append(", count ").append(count);
        }
        if (percent != null) {
            b.append(", percent ").append(percent == Math.rint(percent) ? Long.toString(percent.longValue()) : percent);
        }
        return b.toString();
    }
}
