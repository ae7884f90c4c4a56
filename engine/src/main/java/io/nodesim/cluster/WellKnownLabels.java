package io.nodesim.cluster;

import java.util.List;
import java.util.Map;

/**
 * The node labels Kubernetes itself sets or reads, as in
 * {@code staging/src/k8s.io/api/core/v1/well_known_labels.go}. Defined once: the scenario loader
 * sets them from a node's name, zone and region, and the scheduler and controllers read them.
 */
public final class WellKnownLabels {
    /** {@code LabelHostname}: set by the kubelet to the node name. */
    public static final String HOSTNAME = "kubernetes.io/hostname";
    /** {@code LabelTopologyZone}. */
    public static final String ZONE = "topology.kubernetes.io/zone";
    /** {@code LabelTopologyRegion}. */
    public static final String REGION = "topology.kubernetes.io/region";
    /** {@code LabelFailureDomainBetaZone}, deprecated since 1.17 for {@link #ZONE}. */
    public static final String DEPRECATED_ZONE = "failure-domain.beta.kubernetes.io/zone";
    /** {@code LabelFailureDomainBetaRegion}, deprecated since 1.17 for {@link #REGION}. */
    public static final String DEPRECATED_REGION = "failure-domain.beta.kubernetes.io/region";
    /** {@code LabelNodeExcludeDisruption}: the node lifecycle controller leaves such a node out of zone states. */
    public static final String EXCLUDE_DISRUPTION = "node.kubernetes.io/exclude-disruption";

    /**
     * The zone and region labels a scenario sets from a node's {@code zone} and {@code region} fields. The deprecated
     * spellings are not among them: a kubelet before 1.17 set only those (and later ones still set them), so a node
     * may carry them as labels of its own.
     */
    public static final List<String> TOPOLOGY = List.of(ZONE, REGION);

    private WellKnownLabels() {
    }

    /**
     * A node's zone as the controllers read it, "" for none: the deprecated label first, else
     * {@link #ZONE}, as {@code GetZoneKey} in {@code staging/src/k8s.io/component-helpers/node/topology/helpers.go}
     * (what the node lifecycle controller and the scheduler's SelectorSpread key zones by).
     */
    public static String zone(Map<String, String> labels) {
        String z = labels.get(DEPRECATED_ZONE);
        return z != null ? z : labels.getOrDefault(ZONE, "");
    }

    /** A node's region, the deprecated label first, as {@code GetZoneKey} reads it; "" for none. */
    public static String region(Map<String, String> labels) {
        String r = labels.get(DEPRECATED_REGION);
        return r != null ? r : labels.getOrDefault(REGION, "");
    }
}
