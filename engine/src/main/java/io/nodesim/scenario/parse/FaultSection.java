package io.nodesim.scenario.parse;

import io.nodesim.kernel.SimTime;
import io.nodesim.cluster.Topology;
import io.nodesim.faults.FaultField;
import io.nodesim.faults.FaultType;
import io.nodesim.faults.FaultTypes;
import io.nodesim.scenario.FaultSpec;
import io.nodesim.scenario.FaultTarget;
import io.nodesim.scenario.NodeGroup;
import io.nodesim.scenario.parse.YNode.YList;
import io.nodesim.scenario.parse.YNode.YMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.faults}: each entry checked against its registered {@link FaultType} (its fields, its
 * target, instant or not) and its target checked against the scenario's {@link Topology}, so a
 * target that can name no node is an error at load time rather than a silent no-op at run time.
 */
public final class FaultSection {
    private FaultSection() {
    }

    public static List<FaultSpec> read(YNode node, List<NodeGroup> groups, Path baseDir, Origins o) {
        YList list = Values.list(node, "faults");
        Topology topology = Topology.of(groups);
        List<FaultSpec> out = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            String path = "faults[" + i + "]";
            out.add(fault(list.items().get(i), path, topology, baseDir));
            o.written(path, list.items().get(i));
        }
        return out;
    }

    private static FaultSpec fault(YNode item, String path, Topology topology, Path baseDir) {
        YMap m = Values.map(item, path);
        List<String> typeNames = FaultTypes.names();
        YNode typeNode = m.get("type");
        if (typeNode == null) {
            throw m.loc().error(path + ".type", "required field missing: type (" + String.join(", ", typeNames) + ")");
        }
        String typeName = Values.string(typeNode, path + ".type");
        FaultType type = FaultTypes.byName(typeName).orElseThrow(() -> typeNode.loc().error(path + ".type",
                "unknown fault type \"" + typeName + "\"" + DidYouMean.hint(typeName, typeNames)
                        + " (allowed: " + String.join(", ", typeNames) + ")"));
        List<String> allowed = type.allowedFields();
        for (String key : m.entries().keySet()) {
            if (!allowed.contains(key)) {
                boolean elsewhere = FaultTypes.ALL.stream().anyMatch(t -> t.allowedFields().contains(key));
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
        Map<String, Object> fields = new LinkedHashMap<>();
        for (FaultField f : type.fields()) {
            Object value = field(s, f, baseDir);
            if (value != null) {
                fields.put(f.name(), value);
            } else if (f.required()) {
                throw m.loc().error(s.path(f.name()), "required field missing: " + f.name() + " (" + f.hint() + ")");
            }
        }
        FaultTarget target = target(s, type, path, topology);
        return new FaultSpec(type.name(), at, duration, target, fields, m.loc().line());
    }

    private static Object field(Section s, FaultField f, Path baseDir) {
        if (!s.has(f.name())) {
            return f.defaultValue();
        }
        YNode n = s.get(f.name());
        return switch (f.kind()) {
            case DISTRIBUTION -> Values.distribution(n, s.path(f.name()), baseDir);
            case DURATION -> Values.duration(n, s.path(f.name()));
            case CHOICE -> {
                String value = Values.string(n, s.path(f.name()));
                if (!f.choices().contains(value)) {
                    throw n.loc().error(s.path(f.name()), "\"" + f.name() + "\" is " + f.hint()
                            + DidYouMean.hint(value, f.choices()) + ", got \"" + value + "\"");
                }
                yield value;
            }
        };
    }

    private static FaultTarget target(Section s, FaultType type, String path, Topology topology) {
        if (!type.targeting().targetsNodes()) {
            return FaultTarget.all();
        }
        List<String> names = new ArrayList<>();
        if (s.has("nodes")) {
            YList nl = Values.list(s.get("nodes"), s.path("nodes"));
            for (int i = 0; i < nl.items().size(); i++) {
                YNode n = nl.items().get(i);
                String name = Values.string(n, s.path("nodes") + "[" + i + "]");
                if (topology.indexOf(name) < 0) {
                    throw n.loc().error(s.path("nodes") + "[" + i + "]", "no node is named \"" + name + "\""
                            + DidYouMean.hint(name, nodeNames(topology)));
                }
                names.add(name);
            }
        }
        List<String> zones = topology.zones().stream().filter(z -> !z.isEmpty()).sorted().toList();
        String zone = null;
        if (s.has("zone")) {
            zone = Values.string(s.get("zone"), s.path("zone"));
            if (!zones.contains(zone)) {
                throw s.get("zone").loc().error(s.path("zone"), "no node is in zone \"" + zone + "\""
                        + DidYouMean.hint(zone, zones) + " (zones: " + String.join(", ", zones) + ")");
            }
        } else if (type.targeting() == FaultType.Targeting.ZONE) {
            throw s.map().loc().error(path + ".zone", "required field missing: zone (the zone that goes down)");
        }
        Map<String, String> selector = new LinkedHashMap<>();
        if (s.has("selector")) {
            YMap sm = Values.map(s.get("selector"), s.path("selector"));
            sm.entries().forEach((k, v) -> selector.put(k, NodeSection.labelValue(v, s.path("selector") + "." + k)));
            if (topology.candidates(new FaultTarget(List.of(), null, selector, null, null)).length == 0) {
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
        if (!anyCriterion && type.targeting() != FaultType.Targeting.NODES_OR_ALL) {
            throw s.map().loc().error(path, "a " + type.name() + " fault needs a target: nodes, zone, count, percent or selector");
        }
        int matching = topology.candidates(new FaultTarget(names, zone, selector, null, null)).length;
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

    private static List<String> nodeNames(Topology topology) {
        return java.util.stream.IntStream.range(0, topology.size()).mapToObj(topology::name).toList();
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
