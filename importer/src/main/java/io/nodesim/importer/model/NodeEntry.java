package io.nodesim.importer.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodesim.cluster.WellKnownLabels;
import io.nodesim.importer.read.DumpObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the import keeps of a Node: name, zone and region as the written scenario gives them (the GA topology labels,
 * else the deprecated {@code failure-domain.beta.kubernetes.io} ones, which the engine reads as the controllers do
 * when the GA ones are missing), labels, user taints, cordon, allocatable, images and the kubelet version.
 *
 * @param kubeletVersionAt {@code FILE#JSONPATH} of {@code status.nodeInfo.kubeletVersion} (the file without its directories)
 */
public record NodeEntry(String name, String zone, String region, Map<String, String> labels, List<Taint> taints,
        boolean unschedulable, String cpu, String memory, String pods, List<Image> images, String kubeletVersion,
        String position, String kubeletVersionAt) {
    /** Taints under this prefix are the control plane's (unschedulable, not-ready, unreachable, ...). */
    public static final String CONTROL_PLANE_TAINT_PREFIX = "node.kubernetes.io/";

    public record Taint(String key, String value, String effect) {
    }

    public record Image(List<String> names, long sizeBytes) {
    }

    /**
     * Whether {@code key} is a deprecated zone or region label whose value differs from the GA label's: nodesim gives
     * a node one zone, so the writer keeps the GA label that topology spreads read and drops this one.
     */
    public boolean deprecatedLabelDiffers(String key) {
        String ga = key.equals(WellKnownLabels.DEPRECATED_ZONE) ? WellKnownLabels.ZONE
                : key.equals(WellKnownLabels.DEPRECATED_REGION) ? WellKnownLabels.REGION : null;
        return ga != null && labels.containsKey(ga) && labels.containsKey(key) && !labels.get(ga).equals(labels.get(key));
    }

    static NodeEntry of(DumpObject o) {
        JsonNode body = o.body();
        JsonNode meta = body.path("metadata");
        Map<String, String> labels = Fields.stringMap(meta.get("labels"));
        String zone = labels.getOrDefault(WellKnownLabels.ZONE, labels.get(WellKnownLabels.DEPRECATED_ZONE));
        String region = labels.getOrDefault(WellKnownLabels.REGION, labels.get(WellKnownLabels.DEPRECATED_REGION));
        List<Taint> taints = new ArrayList<>();
        for (JsonNode t : body.path("spec").path("taints")) {
            String key = Fields.text(t, "key");
            if (key != null && !key.startsWith(CONTROL_PLANE_TAINT_PREFIX)) {
                taints.add(new Taint(key, Fields.text(t, "value"), Fields.text(t, "effect")));
            }
        }
        JsonNode status = body.path("status");
        JsonNode alloc = status.has("allocatable") ? status.get("allocatable") : status.path("capacity");
        List<Image> images = new ArrayList<>();
        for (JsonNode im : status.path("images")) {
            List<String> names = new ArrayList<>();
            im.path("names").forEach(n -> names.add(n.asText()));
            if (!names.isEmpty()) {
                images.add(new Image(List.copyOf(names), im.path("sizeBytes").asLong(0)));
            }
        }
        return new NodeEntry(Fields.text(meta, "name"), zone, region, labels, List.copyOf(taints),
                body.path("spec").path("unschedulable").asBoolean(false), Fields.text(alloc, "cpu"),
                Fields.text(alloc, "memory"), Fields.text(alloc, "pods"), List.copyOf(images),
                Fields.text(status.path("nodeInfo"), "kubeletVersion"), o.position(),
                java.nio.file.Path.of(o.file()).getFileName() + "#" + o.jsonPath("status.nodeInfo.kubeletVersion"));
    }
}
