package io.nodesim.importer.settings;

import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.VersionProfiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The component settings of a real cluster with their provenance (DESIGN §3.1): the kubelet from
 * {@code --kubelet-configz}, kube-apiserver / kube-controller-manager / kube-scheduler flags from
 * {@code --control-plane} pods and the {@code --kubeadm-config} ClusterConfiguration, the version from a
 * control-plane image tag, kubeadm's {@code kubernetesVersion} or the nodes' kubelets.
 *
 * <p>The running pods' command lines are what the components run with, so they win over kubeadm's
 * {@code extraArgs} (which only say what kubeadm wrote when it last generated the manifests); a difference
 * is reported. Among several pods of one component (an HA control plane) the first file's first pod
 * wins and a different value elsewhere is reported; within one command line the last occurrence wins, as
 * in pflag. Only differences in flags nodesim models are reported. Every bad input throws
 * {@link io.nodesim.scenario.ScenarioException} naming {@code FILE#JSONPATH} (or {@code FILE:LINE:COLUMN} for a
 * parse error).
 */
public final class SettingsImport {
    /**
     * The inputs; every one is optional.
     *
     * @param nodeVersions every node's {@code status.nodeInfo.kubeletVersion} with its path in the dump
     */
    public record Sources(Optional<Path> kubeletConfigz, List<Path> controlPlane, Optional<Path> kubeadmConfig,
            List<VersionDetector.NodeVersion> nodeVersions) {
        public Sources {
            controlPlane = List.copyOf(controlPlane);
            nodeVersions = List.copyOf(nodeVersions);
        }
    }

    private final List<NotModelled> notModelled = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private SettingsImport() {
    }

    public static ImportedSettings read(Sources sources) {
        return new SettingsImport().run(sources);
    }

    private ImportedSettings run(Sources sources) {
        List<Flag> podFlags = new ArrayList<>();
        List<ControlPlanePods.Image> images = new ArrayList<>();
        for (Path file : sources.controlPlane()) {
            ControlPlanePods.Result r = ControlPlanePods.read(file);
            podFlags.addAll(r.flags());
            images.addAll(r.images());
            warnings.addAll(r.warnings());
        }
        Optional<KubeadmConfig.Result> kubeadm = sources.kubeadmConfig().map(KubeadmConfig::read);
        Optional<KubeletConfigz.Result> kubelet = sources.kubeletConfigz().map(KubeletConfigz::read);

        Optional<DetectedVersion> detected = VersionDetector.fromImages(images)
                .or(() -> kubeadm.flatMap(k -> VersionDetector.fromKubeadm(k.kubernetesVersion(), k.versionAt())))
                .or(() -> VersionDetector.fromKubelets(sources.nodeVersions()))
                .map(d -> VersionDetector.withinProfiles(d, warnings));
        if (detected.isEmpty()) {
            warnings.add("no source names the Kubernetes version; the scenario keeps nodesim's default profile "
                    + VersionProfiles.DEFAULT);
        }
        KubernetesVersion version = detected.map(DetectedVersion::version).orElse(VersionProfiles.DEFAULT);

        Map<String, Map<String, ImportedValue>> sections = new LinkedHashMap<>();
        kubelet.ifPresent(k -> {
            notModelled.addAll(k.notModelled());
            Map<String, ImportedValue> values = new LinkedHashMap<>(k.values());
            ImportedValue report = values.get("nodeStatusReportFrequency");
            if (report != null && !version.atLeast(13)) {
                values.remove("nodeStatusReportFrequency");
                notModelled.add(new NotModelled("kubelet", "nodeStatusReportFrequency", report.from(),
                        "the kubelet has no such field before 1.13 and the cluster is " + version));
            }
            sections.put("kubelet", values);
        });
        Map<Component, Map<String, Flag>> effective = effectiveFlags(podFlags,
                kubeadm.map(KubeadmConfig.Result::flags).orElse(List.of()));
        for (Component c : Component.values()) {
            Map<String, ImportedValue> values = new LinkedHashMap<>();
            effective.getOrDefault(c, Map.of()).values().forEach(f -> modelled(f, version).ifPresent(
                    v -> values.put(f.name(), v)));
            c.section().ifPresent(s -> sections.put(s, values));
        }
        return new ImportedSettings(sections, detected, notModelled, warnings);
    }

    /** Per component, each flag once: the pods' value, else kubeadm's. */
    private Map<Component, Map<String, Flag>> effectiveFlags(List<Flag> podFlags, List<Flag> kubeadmFlags) {
        Map<Component, Map<String, Flag>> out = new LinkedHashMap<>();
        Map<Component, String> firstPod = new LinkedHashMap<>();
        for (Flag f : podFlags) {
            String pod = podOf(f.from());
            String first = firstPod.computeIfAbsent(f.component(), c -> pod);
            Map<String, Flag> flags = out.computeIfAbsent(f.component(), c -> new LinkedHashMap<>());
            Flag seen = flags.get(f.name());
            if (pod.equals(first)) {
                flags.put(f.name(), f);
            } else if (modelled(f) && (seen == null || !seen.value().equals(f.value()))) {
                warnings.add(f.from() + ": --" + f.name() + "=" + f.value() + " differs from the first "
                        + f.component().binary() + " pod (" + (seen == null ? "unset" : seen.from().toString())
                        + "); the first pod's setting is used");
            }
        }
        for (Flag f : kubeadmFlags) {
            if (firstPod.containsKey(f.component())) {
                Flag running = out.get(f.component()).get(f.name());
                if (modelled(f) && (running == null || !running.value().equals(f.value()))) {
                    warnings.add(f.from() + ": kubeadm's --" + f.name() + "=" + f.value() + " is not what the running "
                            + f.component().binary() + " has (" + (running == null ? "unset" : running.from().toString())
                            + "); the running pod's setting is used");
                }
                continue;
            }
            out.computeIfAbsent(f.component(), c -> new LinkedHashMap<>()).put(f.name(), f);
        }
        return out;
    }

    /**
     * Whether a flag's value reaches the scenario. Only such flags' differences are reported: the others change
     * nothing in the run, and their values (addresses, host names, paths) must not reach an anonymised report.
     */
    private static boolean modelled(Flag f) {
        return f.component().modelled().containsKey(f.name());
    }

    /** The pod a flag came from: its path up to the containers list. */
    private static String podOf(Provenance from) {
        String p = from.jsonPath();
        int containers = p.indexOf(".spec.containers[");
        return from.file() + "#" + (containers < 0 ? p : p.substring(0, containers));
    }

    private Optional<ImportedValue> modelled(Flag f, KubernetesVersion version) {
        ValueKind kind = f.component().modelled().get(f.name());
        if (kind == null) {
            notModelled.add(new NotModelled(f.component().binary(), f.name(), f.from(), NotModelled.NOT_MODELLED));
            return Optional.empty();
        }
        boolean legacy = f.name().equals("enable-taint-manager") || f.name().equals("pod-eviction-timeout");
        if (legacy && version.atLeast(VersionProfiles.LEGACY_FLAGS_REMOVED)) {
            notModelled.add(new NotModelled(f.component().binary(), f.name(), f.from(), "removed in 1."
                    + VersionProfiles.LEGACY_FLAGS_REMOVED + " (PR #115840) and the scenario is " + version));
            return Optional.empty();
        }
        try {
            return Optional.of(new ImportedValue(kind.parse(f.value()), f.value(), f.from()));
        } catch (IllegalArgumentException e) {
            throw f.from().error("--" + f.name() + " of " + f.component().binary() + ": " + e.getMessage());
        }
    }
}
