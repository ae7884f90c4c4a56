package io.nodesim.importer.settings;

import io.nodesim.scenario.ScenarioException;

/**
 * Where an imported value was read: a file (as the user named it, without its directories) and a
 * JSONPath inside it. A value inside an embedded document (the {@code ClusterConfiguration} string of
 * the {@code kubeadm-config} ConfigMap) continues the path after a {@code /}:
 * {@code kubeadm-config.yaml#$.data.ClusterConfiguration/$.controllerManager.extraArgs[0].value}.
 * {@link #toString()} is what {@code metadata.origins} holds and {@code explain} shows after {@code import}.
 */
public record Provenance(String file, String jsonPath) {
    public Provenance {
        if (file.isEmpty() || file.contains("#") || !jsonPath.startsWith("$")) {
            throw new IllegalArgumentException("not FILE#JSONPATH: " + file + "#" + jsonPath);
        }
    }

    public static Provenance root(String file) {
        return new Provenance(file, "$");
    }

    public Provenance field(String key) {
        return new Provenance(file, jsonPath + (key.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + key : "['" + key + "']"));
    }

    public Provenance index(int i) {
        return new Provenance(file, jsonPath + "[" + i + "]");
    }

    /** The root of a document embedded as a string at this path. */
    public Provenance embedded() {
        return new Provenance(file, jsonPath + "/$");
    }

    /** Bad input at this place: the CLI prints the message, {@code FILE#JSONPATH: problem}, and exits 2. */
    public ScenarioException error(String problem) {
        return new ScenarioException(toString(), 0, 0, "", problem);
    }

    @Override
    public String toString() {
        return file + "#" + jsonPath;
    }
}
