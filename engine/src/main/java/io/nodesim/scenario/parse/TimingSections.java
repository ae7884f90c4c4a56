package io.nodesim.scenario.parse;

import io.nodesim.kernel.DurationDistribution;
import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.Latencies;
import io.nodesim.scenario.SettingOrigin;
import io.nodesim.scenario.StartupConfig;
import io.nodesim.scenario.VersionProfiles;
import io.nodesim.scenario.settings.SettingRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code latencies} and {@code startup} sections: distributions with nodesim's defaults, since
 * no Kubernetes source fixes them (spec §5). The latencies are declared in {@link SettingRegistry};
 * a workload's start: image pull log-normal with median 3 s, container start 1 s.
 */
public final class TimingSections {
    static final List<String> MODEL_FIELDS = List.of("imagePull", "containerStart");

    public static final DurationDistribution IMAGE_PULL = DurationDistribution.lognormal(3 * SimTime.SECOND, 0.5);
    public static final DurationDistribution CONTAINER_START = DurationDistribution.constant(SimTime.SECOND);

    private TimingSections() {
    }

    public static Latencies latencies(YNode node, VersionProfiles.Row row, Path baseDir, Origins o) {
        Section s = Section.of(node, SettingRegistry.LATENCIES, SettingRegistry.fields(SettingRegistry.LATENCIES));
        return new Latencies(
                o.resolve(s, SettingRegistry.WATCH, row, baseDir),
                o.resolve(s, SettingRegistry.MONITOR_PASS, row, baseDir),
                o.resolve(s, SettingRegistry.LEASE_RENEWAL, row, baseDir),
                o.resolve(s, SettingRegistry.STATUS_UPDATE, row, baseDir),
                o.resolve(s, SettingRegistry.CONTROLLER, row, baseDir),
                o.resolve(s, SettingRegistry.SCHEDULING_CYCLE, row, baseDir),
                o.resolve(s, SettingRegistry.BINDING, row, baseDir));
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
