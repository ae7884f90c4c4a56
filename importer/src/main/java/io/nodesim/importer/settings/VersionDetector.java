package io.nodesim.importer.settings;

import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.VersionProfiles;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster's minor release. In order: a control-plane image tag
 * ({@code registry.k8s.io/kube-controller-manager:v1.30.2}), the kubeadm ClusterConfiguration's
 * {@code kubernetesVersion}, else the most common {@code status.nodeInfo.kubeletVersion} of the nodes
 * (a tie goes to the older release: during an upgrade the control plane is at least as new as every
 * kubelet, so the older kubelets bound what the cluster still runs). Provider suffixes are dropped:
 * {@code v1.12.8-gke.6}, {@code v1.29.3-eks-ae9a62a}, {@code v1.21.2-13+d2965f0db10712}, {@code v1.30.2+k3s1}.
 *
 * <p>Outside the version profiles: a release newer than the newest profile is clamped to it with a
 * warning (the newest rules are the best estimate of a release nodesim has not seen yet, and the import
 * stays usable); a release older than the oldest profile is bad input, because the rules before 1.12
 * (no taint-based eviction at all) are not modelled and clamping would misstate them.
 */
public final class VersionDetector {
    private static final Pattern VERSION = Pattern.compile("^v?(\\d+)\\.(\\d+)(?:\\.\\d+)?(?:[-+].*)?$");

    /** A node's {@code status.nodeInfo.kubeletVersion} and where it was read. */
    public record NodeVersion(String kubeletVersion, Provenance from) {
    }

    private VersionDetector() {
    }

    /** {@code 1.12} for {@code v1.12.8-gke.6}; empty for text that is no Kubernetes version. */
    public static Optional<KubernetesVersion> parse(String text) {
        Matcher m = VERSION.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new KubernetesVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The tag of an image reference, without registry port or digest; empty when it has none. */
    static Optional<String> tag(String image) {
        String ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = ref.lastIndexOf(':');
        return colon > ref.lastIndexOf('/') ? Optional.of(ref.substring(colon + 1)) : Optional.empty();
    }

    static Optional<DetectedVersion> fromImages(List<ControlPlanePods.Image> images) {
        for (ControlPlanePods.Image i : images) {
            Optional<String> tag = tag(i.reference());
            Optional<KubernetesVersion> v = tag.flatMap(VersionDetector::parse);
            if (v.isPresent()) {
                return Optional.of(new DetectedVersion(v.get(), tag.get(), i.from(),
                        "control-plane image tag (" + i.component().binary() + ")"));
            }
        }
        return Optional.empty();
    }

    static Optional<DetectedVersion> fromKubeadm(String version, Provenance at) {
        if (version == null) {
            return Optional.empty();
        }
        return parse(version).map(v -> new DetectedVersion(v, version, at, "kubeadm ClusterConfiguration kubernetesVersion"));
    }

    /** The most common minor release of the kubelets; empty when no node names one. */
    public static Optional<DetectedVersion> fromKubelets(List<NodeVersion> nodes) {
        TreeMap<KubernetesVersion, Integer> counts = new TreeMap<>();
        TreeMap<KubernetesVersion, NodeVersion> first = new TreeMap<>();
        int parsed = 0;
        for (NodeVersion n : nodes) {
            Optional<KubernetesVersion> v = parse(n.kubeletVersion());
            if (v.isPresent()) {
                parsed++;
                counts.merge(v.get(), 1, Integer::sum);
                first.putIfAbsent(v.get(), n);
            }
        }
        if (counts.isEmpty()) {
            return Optional.empty();
        }
        KubernetesVersion best = null;
        for (var e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        NodeVersion n = first.get(best);
        String spread = counts.size() == 1 ? "" : ", releases seen: " + counts;
        return Optional.of(new DetectedVersion(best, n.kubeletVersion(), n.from(),
                "most common kubeletVersion (" + counts.get(best) + " of " + parsed + " nodes" + spread + ")"));
    }

    /**
     * The detected release within the profiles: clamped down to the newest with a warning, or bad input
     * at its provenance when older than the oldest.
     */
    static DetectedVersion withinProfiles(DetectedVersion d, List<String> warnings) {
        if (d.version().compareTo(VersionProfiles.OLDEST) < 0) {
            throw d.from().error("Kubernetes " + d.version() + " (\"" + d.observed() + "\") is older than every "
                    + "version profile; supported: " + VersionProfiles.supportedRange());
        }
        if (d.version().compareTo(VersionProfiles.NEWEST) > 0) {
            warnings.add("Kubernetes " + d.version() + " (" + d.from() + ") is newer than the newest version "
                    + "profile; the scenario uses " + VersionProfiles.NEWEST);
            return new DetectedVersion(VersionProfiles.NEWEST, d.observed(), d.from(),
                    d.how() + ", clamped to the newest profile " + VersionProfiles.NEWEST);
        }
        return d;
    }
}
