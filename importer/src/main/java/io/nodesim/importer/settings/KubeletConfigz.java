package io.nodesim.importer.settings;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kubelet's effective KubeletConfiguration from its configz endpoint
 * ({@code kubectl get --raw /api/v1/nodes/NODE/proxy/configz}, {@code {"kubeletconfig": {...}}}, served by
 * {@code pkg/kubelet/server} from the running config): the fields of the scenario's {@code kubelet} section,
 * and every other field as not modelled.
 */
final class KubeletConfigz {
    static final Map<String, ValueKind> MODELLED = Map.of(
            "nodeStatusUpdateFrequency", ValueKind.DURATION,
            "nodeStatusReportFrequency", ValueKind.DURATION,
            "nodeLeaseDurationSeconds", ValueKind.INTEGER);

    record Result(Map<String, ImportedValue> values, List<NotModelled> notModelled) {
    }

    private KubeletConfigz() {
    }

    static Result read(Path file) {
        Documents.Document d = Documents.read(file).get(0);
        JsonNode config = d.root().get("kubeletconfig");
        if (config == null || !config.isObject()) {
            throw d.at().error("expected {\"kubeletconfig\": {...}} as printed by kubectl get --raw "
                    + "/api/v1/nodes/NODE/proxy/configz");
        }
        Provenance at = d.at().field("kubeletconfig");
        Map<String, ImportedValue> values = new LinkedHashMap<>();
        List<NotModelled> notModelled = new ArrayList<>();
        config.fields().forEachRemaining(e -> {
            Provenance from = at.field(e.getKey());
            ValueKind kind = MODELLED.get(e.getKey());
            if (kind == null) {
                notModelled.add(new NotModelled("kubelet", e.getKey(), from, NotModelled.NOT_MODELLED));
                return;
            }
            if (!e.getValue().isValueNode()) {
                throw from.error("expected a " + kind.describe());
            }
            String raw = e.getValue().asText();
            try {
                values.put(e.getKey(), new ImportedValue(kind.parse(raw), raw, from));
            } catch (IllegalArgumentException ex) {
                throw from.error(ex.getMessage());
            }
        });
        return new Result(values, notModelled);
    }
}
