package io.nodesim.autoscaler;

import io.nodesim.scenario.Scenario;
import io.nodesim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small scenario files for the autoscaler tests: a spec body indented under {@code spec:}. */
final class AutoscalerScenarios {
    private AutoscalerScenarios() {
    }

    static Scenario load(Path dir, String spec) {
        String text = """
                apiVersion: nodesim.io/v1alpha1
                kind: Scenario
                metadata:
                  name: autoscaler-test
                spec:
                  kubernetesVersion: "1.35"
                """ + spec.indent(2);
        try {
            Path f = dir.resolve("s.yaml");
            Files.writeString(f, text);
            return ScenarioLoader.load(f, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Deployment whose pods request cpu and memory (and a host port when {@code hostPort > 0}). */
    static String deployment(String name, int replicas, String cpu, String memory, int hostPort) {
        String ports = hostPort > 0 ? ", ports: [{containerPort: 80, hostPort: " + hostPort + "}]" : "";
        return """
                - apiVersion: apps/v1
                  kind: Deployment
                  metadata: {name: %s}
                  spec:
                    replicas: %d
                    selector: {matchLabels: {app: %s}}
                    template:
                      metadata: {labels: {app: %s}}
                      spec:
                        containers: [{name: c, image: nginx, resources: {requests: {cpu: %s, memory: %s}}%s}]
                """.formatted(name, replicas, name, name, cpu, memory, ports);
    }
}
