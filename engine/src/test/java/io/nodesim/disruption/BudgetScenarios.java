package io.nodesim.disruption;

import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.simulation.ClusterSimulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small scenarios with budgets for the disruption tests: the cluster at t = 0, every pod Ready. */
final class BudgetScenarios {
    private BudgetScenarios() {
    }

    static String deployment(String name, int replicas, String labels) {
        return """
                    - apiVersion: apps/v1
                      kind: %s
                      metadata: {name: %s}
                      spec:
                        replicas: %d
                        selector: {matchLabels: {app: %s}}
                        template:
                          metadata: {labels: {%s}}
                          spec:
                            containers: [{name: c, image: nginx, resources: {requests: {cpu: 100m}}}]
                """.formatted("Deployment", name, replicas, name, labels);
    }

    static String workload(String kind, String name, int replicas, String labels) {
        return deployment(name, replicas, labels).replace("kind: Deployment", "kind: " + kind);
    }

    static String budget(String name, String field, String app) {
        return """
                    - apiVersion: policy/v1
                      kind: PodDisruptionBudget
                      metadata: {name: %s}
                      spec:
                        %s
                        selector: {matchLabels: {app: %s}}
                """.formatted(name, field, app);
    }

    static String scenario(String workloads, String faults) {
        return """
                apiVersion: nodesim.io/v1alpha1
                kind: Scenario
                metadata:
                  name: budgets
                spec:
                  kubernetesVersion: "1.35"
                  duration: 20m
                  nodes:
                    - pool: w
                      count: 4
                      zones: [a, b]
                      allocatable: {cpu: "8", memory: 32Gi, pods: "110"}
                  workloads:
                %s  faults:
                %s""".formatted(workloads, faults.isEmpty() ? "    []\n" : faults);
    }

    static ClusterSimulation simulation(Path dir, String text) {
        try {
            Path f = dir.resolve("s.yaml");
            Files.writeString(f, text);
            return new ClusterSimulation(ScenarioLoader.load(f, List.of()), 0, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pods of the workload, in creation order. */
    static int[] podsOf(ClusterSimulation s, String workload) {
        var pods = s.cluster().pods();
        return java.util.stream.IntStream.range(0, pods.count())
                .filter(p -> s.cluster().workloadOf(p).name().equals(workload)).toArray();
    }
}
