package io.nodesim.importer.write;

import io.nodesim.importer.model.NodeEntry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster's Kubernetes minor version from its kubelets when no control-plane image says it:
 * the most common {@code status.nodeInfo.kubeletVersion}, provider suffixes ({@code -gke.6},
 * {@code -eks-...}, {@code +k3s1}) dropped.
 */
final class KubeletVersions {
    private static final Pattern MINOR = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)?.*");

    private KubeletVersions() {
    }

    /** {@code "1.21"}, or null when no node reports a version. */
    static String mostCommonMinor(List<NodeEntry> nodes) {
        Map<String, Integer> counts = new TreeMap<>();
        for (NodeEntry n : nodes) {
            if (n.kubeletVersion() != null) {
                Matcher m = MINOR.matcher(n.kubeletVersion());
                if (m.matches()) {
                    counts.merge(m.group(1) + "." + m.group(2), 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}
