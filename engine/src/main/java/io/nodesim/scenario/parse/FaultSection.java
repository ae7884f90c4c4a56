package io.nodesim.scenario.parse;

import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.FaultSpec;
import io.nodesim.scenario.FaultTarget;
import io.nodesim.scenario.FaultType;
import io.nodesim.scenario.NodeGroup;
import io.nodesim.scenario.parse.YNode.YList;
import io.nodesim.scenario.parse.YNode.YMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code spec.faults}: each entry checked against the {@link FaultType} table (fields allowed for
 * its type) and its target resolved against the nodes, so a target that can name no node is an
 * error at load time rather than a silent no-op at run time.
 */
public final class FaultSection {
    private static final List<String> TARGET_FIELDS = List.of("nodes", "zone", "count", "percent", "selector");
    /** Faults that happen at one instant: a duration means nothing for them. */
    private static final Set<FaultType> INSTANT = Set.of(
            FaultType.NODE_RECOVER, FaultType.NODE_DELETE, FaultType.CONTROLLER_MANAGER_RESTART);
    private static final List<FaultType> FAILURE_KINDS = List.of(
            FaultType.NODE_CRASH, FaultType.KUBELET_STOP, FaultType.NETWORK_PARTITION);

    private FaultSection() {
    }

    public static List<FaultSpec> read(YNode node, List<NodeGroup> groups, Path baseDir, Origins o) {
        YList list = Values.list(node, "faults");
        NodeIndex index = new NodeIndex(groups);
        List<FaultSpec> out = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            String path = "faults[" + i + "]";
            out.add(fault(list.items().get(i), path, index, baseDir));
            o.written(path, list.items().get(i));
        }
        return out;
    }

    static List<String> allowedFields(FaultType t) {
        List<String> f = new ArrayList<>(List.of("type", "at"));
        if (!INSTANT.contains(t)) {
            f.add("duration");
        }
        if (t == FaultType.ZONE_OUTAGE) {
            f.add("zone");
        } else if (t.targetsNodes()) {
            f.addAll(TARGET_FIELDS);
        }
        f.addAll(t.extraFields().stream().sorted().toList());
        return f;
    }

    private static FaultSpec fault(YNode item, String path, NodeIndex index, Path baseDir) {
        YMap m = Values.map(item, path);
        List<String> typeNames = Arrays.stream(FaultType.values()).map(FaultType::yamlName).toList();
        YNode typeNode = m.get("type");
        if (typeNode == null) {
            throw m.loc().error(path + ".type", "required field missing: type (" + String.join(", ", typeNames) + ")");
        }
        String typeName = Values.string(typeNode, path + ".type");
        FaultType type = FaultType.byName(typeName).orElseThrow(() -> typeNode.loc().error(path + ".type",
                "unknown fault type \"" + typeName + "\"" + DidYouMean.hint(typeName, typeNames)
                        + " (allowed: " + String.join(", ", typeNames) + ")"));
        List<String> allowed = allowedFields(type);
        for (String key : m.entries().keySet()) {
            if (!allowed.contains(key)) {
                boolean elsewhere = Arrays.stream(FaultType.values()).anyMatch(t -> allowedFields(t).contains(key));
                if (elsewhere) {
                    throw m.keys().get(key).error(path + "." + key, "field \"" + key + "\" is not allowed for a "
                            + typeName + " fault (allowed: " + String.join(", ", allowed) + ")");
                }
                throw Values.unknownField(m, key, path + "." + key, allowed);
            }
        }
        Section s = Section.of(item, path, allowed);
        long at = Values.duration(s.require("at", "at (when the fault starts, e.g. 1m)"), s.path("at"));
        long duration = SimTime.NEVER;
        if (s.has("duration")) {
            duration = Values.duration(s.get("duration"), s.path("duration"));
            if (duration <= 0) {
                throw s.get("duration").loc().error(s.path("duration"), "must be greater than 0 (omit it for a permanent fault)");
            }
        }
        Origins.Reader<DurationDistribution> dist = (n, p) -> Values.distribution(n, p, baseDir);
        DurationDistribution delay = s.has("delay") ? dist.read(s.get("delay"), s.path("delay")) : null;
        if (type == FaultType.HEARTBEAT_DELAY && delay == null) {
            throw m.loc().error(path + ".delay", "required field missing: delay (a distribution, e.g. uniform(30s, 60s))");
        }
        DurationDistribution mtbf = s.has("mtbf") ? dist.read(s.get("mtbf"), s.path("mtbf")) : null;
        DurationDistribution mttr = s.has("mttr") ? dist.read(s.get("mttr"), s.path("mttr")) : null;
        FaultType failure = null;
        if (type == FaultType.RANDOM_NODE_FAILURES) {
            if (mtbf == null) {
                throw m.loc().error(path + ".mtbf", "required field missing: mtbf (a distribution, e.g. exponential(2h))");
            }
            failure = s.has("failure") ? failureKind(s) : FaultType.NODE_CRASH;
        }
        FaultTarget target = target(s, type, path, index);
        return new FaultSpec(type, at, duration, target, delay, mtbf, mttr, failure, m.loc().line());
    }

    private static FaultType failureKind(Section s) {
        String name = Values.string(s.get("failure"), s.path("failure"));
        List<String> names = FAILURE_KINDS.stream().map(FaultType::yamlName).toList();
        return FAILURE_KINDS.stream().filter(t -> t.yamlName().equals(name)).findFirst()
                .orElseThrow(() -> s.get("failure").loc().error(s.path("failure"), "a random failure is one of "
                        + String.join(", ", names) + DidYouMean.hint(name, names) + ", got \"" + name + "\""));
    }

    private static FaultTarget target(Section s, FaultType type, String path, NodeIndex index) {
        if (!type.targetsNodes()) {
            return FaultTarget.all();
        }
        List<String> names = new ArrayList<>();
        if (s.has("nodes")) {
            YList nl = Values.list(s.get("nodes"), s.path("nodes"));
            for (int i = 0; i < nl.items().size(); i++) {
                YNode n = nl.items().get(i);
                String name = Values.string(n, s.path("nodes") + "[" + i + "]");
                if (!index.hasNode(name)) {
                    throw n.loc().error(s.path("nodes") + "[" + i + "]", "no node is named \"" + name + "\""
                            + DidYouMean.hint(name, index.names()));
                }
                names.add(name);
            }
        }
        String zone = null;
        if (s.has("zone")) {
            zone = Values.string(s.get("zone"), s.path("zone"));
            if (!index.zones().contains(zone)) {
                throw s.get("zone").loc().error(s.path("zone"), "no node is in zone \"" + zone + "\""
                        + DidYouMean.hint(zone, index.zones()) + " (zones: " + String.join(", ", index.zones()) + ")");
            }
        } else if (type == FaultType.ZONE_OUTAGE) {
            throw s.map().loc().error(path + ".zone", "required field missing: zone (the zone that goes down)");
        }
        Map<String, String> selector = new LinkedHashMap<>();
        if (s.has("selector")) {
            YMap sm = Values.map(s.get("selector"), s.path("selector"));
            sm.entries().forEach((k, v) -> selector.put(k, NodeSection.labelValue(v, s.path("selector") + "." + k)));
            if (index.count(List.of(), null, selector) == 0) {
                throw sm.loc().error(s.path("selector"), "the selector " + selector + " matches no node");
            }
        }
        Integer count = s.has("count") ? (int) Values.integer(s.get("count"), s.path("count"), 1, Integer.MAX_VALUE) : null;
        Double percent = s.has("percent") ? Values.number(s.get("percent"), s.path("percent"), 0, 100) : null;
        if (count != null && percent != null) {
            throw s.get("percent").loc().error(s.path("percent"), "give count or percent, not both");
        }
        if (percent != null && percent <= 0) {
            throw s.get("percent").loc().error(s.path("percent"), "expected a percentage in (0, 100], got " + percent);
        }
        boolean anyCriterion = !names.isEmpty() || zone != null || !selector.isEmpty() || count != null || percent != null;
        if (!anyCriterion && type != FaultType.RANDOM_NODE_FAILURES) {
            throw s.map().loc().error(path, "a " + type.yamlName() + " fault needs a target: nodes, zone, count, percent or selector");
        }
        int matching = index.count(names, zone, selector);
        if (matching == 0) {
            throw s.map().loc().error(path, "the target names no node: no node matches all of "
                    + describe(names, zone, selector));
        }
        if (count != null && count > matching) {
            throw s.get("count").loc().error(s.path("count"), "count " + count + " is more than the "
                    + matching + " node(s) the target allows");
        }
        return new FaultTarget(names, zone, selector, count, percent);
    }

    private static String describe(List<String> names, String zone, Map<String, String> selector) {
        List<String> parts = new ArrayList<>();
        if (!names.isEmpty()) {
            parts.add("nodes " + names);
        }
        if (zone != null) {
            parts.add("zone " + zone);
        }
        if (!selector.isEmpty()) {
            parts.add("selector " + selector);
        }
        return String.join(", ", parts);
    }
}
