package io.nodesim.scheduler;

import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.VersionProfile;
import io.nodesim.scenario.parse.Loc;
import io.nodesim.scenario.parse.YNode;
import io.nodesim.scenario.parse.YNode.YList;
import io.nodesim.scenario.parse.YNode.YMap;
import io.nodesim.scenario.parse.YNode.YScalar;
import java.util.List;
import java.util.Map;

/** A kubeScheduler body written as Java maps and lists, turned into the loader's tree (every value at 1:1). */
public final class ConfigTree {
    private static final Loc AT = Loc.file("s.yaml", 1, 1);

    private ConfigTree() {
    }

    public static SchedulerConfiguration compile(Map<String, Object> body, KubernetesVersion version,
            VersionProfile profile) {
        return SchedulerConfigurations.compile(of(body), version, profile);
    }

    public static YNode of(Object value) {
        if (value instanceof Map<?, ?> m) {
            YMap out = new YMap(AT);
            m.forEach((k, v) -> out.put((String) k, AT, of(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            YList out = new YList(AT);
            l.forEach(v -> out.items().add(of(v)));
            return out;
        }
        YScalar.Kind kind = value instanceof Integer || value instanceof Long ? YScalar.Kind.INTEGER
                : value instanceof Number ? YScalar.Kind.FLOAT
                : value instanceof Boolean ? YScalar.Kind.BOOLEAN : YScalar.Kind.STRING;
        return new YScalar(AT, String.valueOf(value), kind);
    }
}
