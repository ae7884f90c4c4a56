package io.nodesim.importer.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One workload of the imported scenario, rebuilt from the dump.
 *
 * @param kind Deployment, ReplicaSet, StatefulSet, DaemonSet or Pod
 * @param replicas desired replicas (0 for a DaemonSet, 1 for a Pod)
 * @param selector the {@code matchLabels} the scenario writes (empty for a Pod)
 * @param template the pod template as the cluster has it ({@code metadata.labels} and {@code spec});
 *     the writer keeps only what the model uses
 * @param templateFromPod the template is a running pod's (its controller is not in the dump): the
 *     fields admission and controllers add to a pod are taken out again
 * @param workloadSpec the controller's spec when the dump holds it (StatefulSet volumeClaimTemplates,
 *     podManagementPolicy), else null
 * @param placed the pods the cluster runs, in placement order, at most {@code replicas} of them
 *     (all for a DaemonSet)
 * @param source where the workload comes from, for the report
 */
public record ImportedWorkload(String kind, String namespace, String name, int replicas, Map<String, String> selector,
        JsonNode template, boolean templateFromPod, JsonNode workloadSpec, List<PodEntry> placed, String source) {
    /** {@code NAMESPACE/NAME}, or NAME in {@code default}: the workload's name in CSV cells. */
    public String qualifiedName() {
        return "default".equals(namespace) ? name : namespace + "/" + name;
    }
}
