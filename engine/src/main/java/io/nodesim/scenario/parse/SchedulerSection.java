package io.nodesim.scenario.parse;

import io.nodesim.scenario.parse.YNode.YList;
import io.nodesim.scenario.parse.YNode.YMap;
import io.nodesim.scenario.parse.YNode.YScalar;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.kubeScheduler}: the body of a KubeSchedulerConfiguration
 * ({@code kubescheduler.config.k8s.io/v1}, {@code staging/src/k8s.io/kube-scheduler/config/v1/types.go}).
 * Its top-level and per-profile field names are checked here; the values are handed on as plain
 * immutable maps and lists for the scheduler package to compile.
 */
public final class SchedulerSection {
    static final List<String> FIELDS = List.of("apiVersion", "kind", "parallelism", "leaderElection",
            "clientConnection", "healthzBindAddress", "metricsBindAddress", "enableProfiling",
            "enableContentionProfiling", "percentageOfNodesToScore", "podInitialBackoffSeconds",
            "podMaxBackoffSeconds", "profiles", "extenders", "delayCacheUntilActive");
    static final List<String> PROFILE_FIELDS = List.of("schedulerName", "percentageOfNodesToScore", "plugins",
            "pluginConfig");

    private SchedulerSection() {
    }

    public static Map<String, Object> read(YNode node) {
        Section s = Section.of(node, "kubeScheduler", FIELDS);
        if (s.has("profiles")) {
            YList profiles = Values.list(s.get("profiles"), s.path("profiles"));
            for (int i = 0; i < profiles.items().size(); i++) {
                Section.of(profiles.items().get(i), s.path("profiles") + "[" + i + "]", PROFILE_FIELDS);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) plain(s.map(), "kubeScheduler");
        return body;
    }

    /** A YAML value as String / Long / Double / Boolean / Map / List; null map values are dropped. */
    static Object plain(YNode n, String path) {
        if (n instanceof YMap m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> {
                if (!(v instanceof YScalar sc && sc.kind() == YScalar.Kind.NULL)) {
                    out.put(k, plain(v, path + "." + k));
                }
            });
            return Collections.unmodifiableMap(out);
        }
        if (n instanceof YList l) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < l.items().size(); i++) {
                out.add(plain(l.items().get(i), path + "[" + i + "]"));
            }
            return Collections.unmodifiableList(out);
        }
        YScalar s = Values.scalar(n, path, "a value");
        try {
            return switch (s.kind()) {
                case INTEGER -> new BigDecimal(s.text()).longValueExact();
                case FLOAT -> Double.parseDouble(s.text());
                case BOOLEAN -> Boolean.parseBoolean(s.text());
                default -> s.text();
            };
        } catch (NumberFormatException | ArithmeticException e) {
            return s.text();
        }
    }
}
