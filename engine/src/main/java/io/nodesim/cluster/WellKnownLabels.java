package io.nodesim.cluster;

import java.util.List;

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

    /** The zone and region labels in both spellings: a scenario sets them with a node's zone and region fields. */
    public static final List<String> TOPOLOGY = List.of(ZONE, REGION, DEPRECATED_ZONE, DEPRECATED_REGION);

    private WellKnownLabels() {
    }
}
