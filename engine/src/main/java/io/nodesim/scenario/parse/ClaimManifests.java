package io.nodesim.scenario.parse;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Volume;
import io.nodesim.scenario.WorkloadSpec;
import io.nodesim.scenario.parse.YNode.YList;
import io.nodesim.scenario.parse.YNode.YMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code v1 PersistentVolumeClaim} manifests of {@code workloads} and the workloads that mount
 * them by {@code persistentVolumeClaim.claimName}. Only the access modes matter to the model: a claim
 * with ReadWriteOnce or ReadWriteOncePod attaches to one node at a time, so a replacement pod waits
 * in ContainerCreating until the attach-detach controller detaches it from the old pod's node
 * ({@code workloads.AttachDetachController}, as for a StatefulSet's claim templates). Refused:
 * a claim mounted but not declared (the pod would stay Pending, which is not modelled), and a
 * ReadWriteOnce claim mounted by more than one pod (the Multi-Attach wait of the extra pods is not
 * modelled).
 */
final class ClaimManifests {
    private static final List<String> ACCESS_MODES = List.of("ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany",
            "ReadWriteOncePod");

    /** Whether each claim, by NAMESPACE/NAME, is ReadWriteOnce or ReadWriteOncePod. */
    private final Map<String, Boolean> readWriteOnce = new HashMap<>();
    /** The workload path that mounts each ReadWriteOnce claim. */
    private final Map<String, String> mountedBy = new HashMap<>();

    private ClaimManifests() {
    }

    static ClaimManifests read(YList list, Origins o) {
        ClaimManifests claims = new ClaimManifests();
        for (int i = 0; i < list.items().size(); i++) {
            YNode item = list.items().get(i);
            if (item instanceof YMap m && m.get("kind") instanceof YNode.YScalar k
                    && "PersistentVolumeClaim".equals(k.text())) {
                claims.add(m, "workloads[" + i + "]");
                o.written("workloads[" + i + "]", item);
            }
        }
        return claims;
    }

    private void add(YMap m, String path) {
        YNode av = m.get("apiVersion");
        if (av == null || !"v1".equals(Values.string(av, path + ".apiVersion"))) {
            throw (av == null ? m.loc() : av.loc()).error(path + ".apiVersion",
                    "a PersistentVolumeClaim needs apiVersion: v1" + (av == null ? "" : ", got " + av.describe()));
        }
        PersistentVolumeClaim claim = ManifestReader.read(m, PersistentVolumeClaim.class, path);
        ObjectMeta meta = claim.getMetadata();
        if (meta == null || meta.getName() == null || meta.getName().isBlank()) {
            throw m.loc().error(path + ".metadata.name", "required field missing: metadata.name");
        }
        List<String> modes = claim.getSpec() == null ? null : claim.getSpec().getAccessModes();
        YNode spec = m.get("spec");
        if (modes == null || modes.isEmpty()) {
            throw (spec == null ? m : spec).loc().error(path + ".spec.accessModes",
                    "required field missing: spec.accessModes (" + String.join(", ", ACCESS_MODES) + ")");
        }
        YList modeNodes = Values.list(Values.map(spec, path + ".spec").get("accessModes"), path + ".spec.accessModes");
        for (int j = 0; j < modes.size(); j++) {
            if (!ACCESS_MODES.contains(modes.get(j))) {
                throw modeNodes.items().get(j).loc().error(path + ".spec.accessModes[" + j + "]", "unknown access mode \""
                        + modes.get(j) + "\"" + DidYouMean.hint(modes.get(j), ACCESS_MODES)
                        + " (allowed: " + String.join(", ", ACCESS_MODES) + ")");
            }
        }
        String key = namespace(meta.getNamespace()) + "/" + meta.getName();
        boolean rwo = modes.contains("ReadWriteOnce") || modes.contains("ReadWriteOncePod");
        if (readWriteOnce.putIfAbsent(key, rwo) != null) {
            YNode at = m.get("metadata") instanceof YMap md && md.get("name") != null ? md.get("name") : m;
            throw at.loc().error(path + ".metadata.name", "PersistentVolumeClaim \"" + key + "\" is declared twice");
        }
    }

    private static String namespace(String ns) {
        return ns == null || ns.isEmpty() ? "default" : ns;
    }

    /** The workload, marked when its pods mount a ReadWriteOnce claim; checks every claimName. */
    WorkloadSpec mounted(WorkloadSpec w, YMap m, String path) {
        List<Volume> volumes = w.template().getSpec().getVolumes();
        if (volumes == null) {
            return w;
        }
        boolean rwo = false;
        String volumesPath = "Pod".equals(w.kind()) ? path + ".spec.volumes" : path + ".spec.template.spec.volumes";
        for (int i = 0; i < volumes.size(); i++) {
            if (volumes.get(i).getPersistentVolumeClaim() == null) {
                continue;
            }
            String at = volumesPath + "[" + i + "].persistentVolumeClaim.claimName";
            String name = volumes.get(i).getPersistentVolumeClaim().getClaimName();
            String key = w.namespace() + "/" + name;
            Boolean claimRwo = readWriteOnce.get(key);
            if (claimRwo == null) {
                throw locate(m, at).loc().error(at, "not modelled: PersistentVolumeClaim \"" + key
                        + "\" is not declared in workloads (its pods would stay Pending); add a v1 PersistentVolumeClaim"
                        + " manifest with spec.accessModes");
            }
            if (claimRwo && (w.replicas() > 1 || "DaemonSet".equals(w.kind()) || mountedBy.containsKey(key))) {
                throw locate(m, at).loc().error(at, "not modelled: several pods mounting the ReadWriteOnce claim \""
                        + key + "\"" + (mountedBy.containsKey(key) ? " (also " + mountedBy.get(key) + ")" : "")
                        + " (it attaches to one node at a time; the Multi-Attach wait of the others is not modelled)");
            }
            if (claimRwo) {
                mountedBy.put(key, path);
                rwo = true;
            }
        }
        return rwo ? w.mountingReadWriteOnceClaim() : w;
    }

    /** The YAML node at a dotted path with [i] indexes, or the deepest one that exists. */
    private static YNode locate(YMap root, String path) {
        YNode at = root;
        String[] parts = path.replaceFirst("^workloads\\[\\d+\\]\\.", "").split("\\.");
        for (String part : parts) {
            String key = part.replaceAll("\\[\\d+\\]$", "");
            if (!(at instanceof YMap map) || map.get(key) == null) {
                return at;
            }
            at = map.get(key);
            if (part.endsWith("]")) {
                int index = Integer.parseInt(part.substring(part.indexOf('[') + 1, part.length() - 1));
                if (!(at instanceof YList l) || index >= l.items().size()) {
                    return at;
                }
                at = l.items().get(index);
            }
        }
        return at;
    }
}
