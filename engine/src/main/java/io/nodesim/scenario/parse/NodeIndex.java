package io.nodesim.scenario.parse;

import io.nodesim.cluster.WellKnownLabels;
import io.nodesim.scenario.NodeGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The expanded node list of a scenario, for resolving fault targets at load time. */
final class NodeIndex {
    private final List<String> names = new ArrayList<>();
    private final List<Map<String, String>> labels = new ArrayList<>();
    private final Map<String, Integer> byName = new HashMap<>();
    private final Set<String> zones = new TreeSet<>();

    NodeIndex(List<NodeGroup> groups) {
        for (NodeGroup g : groups) {
            for (int i = 0; i < g.count(); i++) {
                byName.put(g.nodeName(i), names.size());
                names.add(g.nodeName(i));
                labels.add(NodeSection.labelsOf(g, i));
                if (!g.zone(i).isEmpty()) {
                    zones.add(g.zone(i));
                }
            }
        }
    }

    boolean hasNode(String name) {
        return byName.containsKey(name);
    }

    List<String> names() {
        return names;
    }

    Set<String> zones() {
        return zones;
    }

    /** How many nodes satisfy every given criterion (empty criteria hold for every node). */
    int count(List<String> nodeNames, String zone, Map<String, String> selector) {
        Set<String> wanted = Set.copyOf(nodeNames);
        int n = 0;
        for (int i = 0; i < names.size(); i++) {
            Map<String, String> l = labels.get(i);
            if ((wanted.isEmpty() || wanted.contains(names.get(i)))
                    && (zone == null || zone.equals(l.get(WellKnownLabels.ZONE)))
                    && l.entrySet().containsAll(selector.entrySet())) {
                n++;
            }
        }
        return n;
    }
}
