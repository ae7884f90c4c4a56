package io.nodesim.scenario.parse;

import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.Latencies;
import io.nodesim.scenario.SettingOrigin;
import io.nodesim.scenario.StartupConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code latencies} and {@code startup} sections: distributions with nodesim's defaults.
 *
 * <p>The defaults are nodesim's choice, since no Kubernetes source fixes them (spec §5): informer
 * delivery (watch) 10–100 ms; a monitor pass 20 ms (small but not zero, so the strict
 * {@code now > probe + grace} test fires at the pass nearest the deadline, spec §1.2); API writes
 * (lease renewal, status update, binding) 5 ms; a controller's sync of one work item 10 ms; one
 * scheduling cycle 2 ms; image pull log-normal with median 3 s; container start 1 s.
 */
public final class TimingSections {
    static final List<String> LATENCY_FIELDS = List.of(
            "watch", "monitorPass", "leaseRenewal", "statusUpdate", "controller", "schedulingCycle", "binding");
    static final List<String> MODEL_FIELDS = List.of("imagePull", "containerStart");

    public static final DurationDistribution WATCH = DurationDistribution.uniform(10 * SimTime.MILLISECOND,
            100 * SimTime.MILLISECOND);
    public static final DurationDistribution MONITOR_PASS = DurationDistribution.constant(20 * SimTime.MILLISECOND);
    public static final DurationDistribution API_WRITE = DurationDistribution.constant(5 * SimTime.MILLISECOND);
    public static final DurationDistribution CONTROLLER = DurationDistribution.constant(10 * SimTime.MILLISECOND);
    public static final DurationDistribution SCHEDULING_CYCLE = DurationDistribution.constant(2 * SimTime.MILLISECOND);
    public static final DurationDistribution IMAGE_PULL = DurationDistribution.lognormal(3 * SimTime.SECOND, 0.5);
    public static final DurationDistribution CONTAINER_START = DurationDistribution.constant(SimTime.SECOND);

    private TimingSections() {
    }

    public static Latencies latencies(YNode node, Path baseDir, Origins o) {
        Section s = Section.of(node, "latencies", LATENCY_FIELDS);
        Origins.Reader<DurationDistribution> d = (n, p) -> Values.distribution(n, p, baseDir);
        SettingOrigin def = Origins.nodesimDefault();
        return new Latencies(
                o.resolve(s, "watch", d, WATCH, def),
                o.resolve(s, "monitorPass", d, MONITOR_PASS, def),
                o.resolve(s, "leaseRenewal", d, API_WRITE, def),
                o.resolve(s, "statusUpdate", d, API_WRITE, def),
                o.resolve(s, "controller", d, CONTROLLER, def),
                o.resolve(s, "schedulingCycle", d, SCHEDULING_CYCLE, def),
                o.resolve(s, "binding", d, API_WRITE, def));
    }

    /**
     * {@code startup: {default: {...}, <workload>: {...}}}; a workload's model takes each field it
     * omits from {@code default}.
     */
    public static StartupConfig startup(YNode node, List<String> workloadNames, Path baseDir, Origins o) {
        YNode.YMap map = Values.map(node, "startup");
        List<String> allowed = new ArrayList<>();
        allowed.add("default");
        allowed.addAll(workloadNames);
        for (String key : map.entries().keySet()) {
            if (!allowed.contains(key)) {
                throw map.keys().get(key).error("startup." + key, "no workload is named \"" + key + "\""
                        + DidYouMean.hint(key, allowed) + " (allowed: default or a workload name: "
                        + String.join(", ", allowed) + ")");
            }
        }
        SettingOrigin def = Origins.nodesimDefault();
        YNode defaultNode = map.get("default");
        StartupConfig.Model defaults = model(defaultNode == null ? new YNode.YMap(map.loc()) : defaultNode,
                "startup.default", new StartupConfig.Model(IMAGE_PULL, CONTAINER_START), def, def, baseDir, o);
        Map<String, StartupConfig.Model> byWorkload = new LinkedHashMap<>();
        for (Map.Entry<String, YNode> e : map.entries().entrySet()) {
            if (!e.getKey().equals("default")) {
                String path = "startup." + e.getKey();
                SettingOrigin inherited = new SettingOrigin("default", "startup.default");
                byWorkload.put(e.getKey(), model(e.getValue(), path, defaults, inherited, inherited, baseDir, o));
            }
        }
        return new StartupConfig(defaults, byWorkload);
    }

    private static StartupConfig.Model model(YNode node, String path, StartupConfig.Model fallback,
            SettingOrigin pullOrigin, SettingOrigin startOrigin, Path baseDir, Origins o) {
        Section s = Section.of(node, path, MODEL_FIELDS);
        Origins.Reader<DurationDistribution> d = (n, p) -> Values.distribution(n, p, baseDir);
        return new StartupConfig.Model(
                o.resolve(s, "imagePull", d, fallback.imagePull(), pullOrigin),
                o.resolve(s, "containerStart", d, fallback.containerStart(), startOrigin));
    }
}
