package io.nodesim.scenario.parse;

import io.nodesim.scenario.ClusterAutoscalerConfig;
import io.nodesim.scenario.NodeGroup;
import io.nodesim.scenario.SettingOrigin;
import io.nodesim.scenario.parse.YNode.YList;
import io.nodesim.scenario.parse.YNode.YMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code spec.clusterAutoscaler}: cluster-autoscaler flags by their names, with the flags' defaults
 * ({@code cluster-autoscaler/config/flags/flags.go}), and the priority expander's ConfigMap content
 * under {@code priorities}. A section needs at least one pool with {@code autoscaling}.
 */
public final class AutoscalerSection {
    static final String SECTION = "clusterAutoscaler";
    static final List<String> FIELDS = List.of("scan-interval", "max-node-provision-time",
            "max-total-unready-percentage", "ok-total-unready-count", "max-nodes-total", "new-pod-scale-up-delay",
            "expander", "priorities", "scale-down-enabled", "scale-down-unready-time", "scale-down-delay-after-add",
            "initial-node-group-backoff-duration", "max-node-group-backoff-duration");

    private AutoscalerSection() {
    }

    public static ClusterAutoscalerConfig read(YNode node, List<NodeGroup> groups, Origins o) {
        Section s = Section.of(node, SECTION, FIELDS);
        if (groups.stream().noneMatch(g -> g.autoscaling() != null)) {
            throw node.loc().error(SECTION, "cluster-autoscaler needs a node group: give a pool "
                    + "autoscaling: {min, max, provisionDelay}");
        }
        ClusterAutoscalerConfig d = ClusterAutoscalerConfig.DISABLED;
        SettingOrigin flag = new SettingOrigin("default", "cluster-autoscaler flag default");
        long scan = o.resolve(s, "scan-interval", AutoscalerSection::positiveDuration, d.scanInterval(), flag);
        long provision = o.resolve(s, "max-node-provision-time", AutoscalerSection::positiveDuration,
                d.maxNodeProvisionTime(), flag);
        double unreadyPct = o.resolve(s, "max-total-unready-percentage", (n, p) -> Values.number(n, p, 0, 100),
                d.maxTotalUnreadyPercentage(), flag);
        int okUnready = o.resolve(s, "ok-total-unready-count", (n, p) -> (int) Values.integer(n, p, 0, Integer.MAX_VALUE),
                d.okTotalUnreadyCount(), flag);
        int maxTotal = o.resolve(s, "max-nodes-total", (n, p) -> (int) Values.integer(n, p, 0, Integer.MAX_VALUE),
                0, flag);
        long youngPods = o.resolve(s, "new-pod-scale-up-delay", Values::duration, 0L, flag);
        List<String> expanders = o.resolve(s, "expander", AutoscalerSection::expanders, d.expanders(), flag);
        Map<Integer, List<String>> priorities = o.resolve(s, "priorities", AutoscalerSection::priorities, Map.of(),
                flag);
        if (expanders.contains("priority") && priorities.isEmpty()) {
            YNode at = s.get("expander");
            throw at.loc().error(s.path("expander"), "the priority expander reads its priorities from the "
                    + "cluster-autoscaler-priority-expander ConfigMap: give clusterAutoscaler.priorities "
                    + "(e.g. {10: [\".*\"], 50: [\"spot-.*\"]})");
        }
        boolean scaleDown = o.resolve(s, "scale-down-enabled", Values::bool, true, flag);
        long unreadyTime = o.resolve(s, "scale-down-unready-time", Values::duration, d.scaleDownUnreadyTime(), flag);
        long afterAdd = o.resolve(s, "scale-down-delay-after-add", Values::duration, d.scaleDownDelayAfterAdd(), flag);
        long initialBackoff = o.resolve(s, "initial-node-group-backoff-duration", AutoscalerSection::positiveDuration,
                d.initialNodeGroupBackoffDuration(), flag);
        long maxBackoff = o.resolve(s, "max-node-group-backoff-duration", AutoscalerSection::positiveDuration,
                d.maxNodeGroupBackoffDuration(), flag);
        return new ClusterAutoscalerConfig(true, scan, provision, unreadyPct, okUnready, maxTotal, youngPods, expanders,
                priorities, scaleDown, unreadyTime, afterAdd, initialBackoff, maxBackoff);
    }

    private static long positiveDuration(YNode n, String path) {
        long v = Values.duration(n, path);
        if (v <= 0) {
            throw n.loc().error(path, "must be greater than 0");
        }
        return v;
    }

    /** {@code --expander}: one name or a comma-separated chain of them. */
    private static List<String> expanders(YNode n, String path) {
        List<String> out = new ArrayList<>();
        for (String name : Values.string(n, path).split(",", -1)) {
            String e = name.trim();
            if (!ClusterAutoscalerConfig.EXPANDER_NAMES.contains(e)) {
                throw n.loc().error(path, "unknown expander \"" + e + "\"; allowed: "
                        + String.join(", ", ClusterAutoscalerConfig.EXPANDER_NAMES) + " (or a comma-separated chain)");
            }
            out.add(e);
        }
        return out;
    }

    /** The ConfigMap's {@code priorities}: integer priority to a list of node-group name regular expressions. */
    private static Map<Integer, List<String>> priorities(YNode n, String path) {
        YMap map = Values.map(n, path);
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, YNode> e : map.entries().entrySet()) {
            String at = path + "." + e.getKey();
            int priority;
            try {
                priority = Integer.parseInt(e.getKey().trim());
            } catch (NumberFormatException ex) {
                throw e.getValue().loc().error(at, "a priority is an integer, got \"" + e.getKey() + "\"");
            }
            YList list = Values.list(e.getValue(), at);
            List<String> patterns = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                YNode item = list.items().get(i);
                String regex = Values.string(item, at + "[" + i + "]");
                try {
                    Pattern.compile(regex);
                } catch (PatternSyntaxException ex) {
                    throw item.loc().error(at + "[" + i + "]", "not a regular expression: " + ex.getDescription());
                }
                patterns.add(regex);
            }
            out.put(priority, List.copyOf(patterns));
        }
        return out;
    }
}
