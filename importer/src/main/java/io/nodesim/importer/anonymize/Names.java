package io.nodesim.importer.anonymize;

import java.util.Set;

/**
 * The names an imported scenario writes, as they appear in it: unchanged ({@link #identity()}) or
 * replaced by keyed-hash tokens ({@link HmacNames}) for {@code nodesim import --anonymize}.
 *
 * <p>Every method maps the same input to the same output, so whatever matched before still matches:
 * selectors and label values, affinities and topology spreads (a {@code kubernetes.io/hostname} label value is
 * its node's token, a {@code kubernetes.io/metadata.name} value its namespace's), and image locality (images are
 * compared after the scheduler's own normalisation). Each output is valid where it appears: DNS-1123 labels for
 * object names, label-value syntax within 63 characters, image references.
 */
public interface Names {
    /** Label keys under these DNS prefixes (and their subdomains) are Kubernetes vocabulary and keep their text. */
    Set<String> KUBERNETES_PREFIXES = Set.of("kubernetes.io", "k8s.io");
    /** The label that carries a node's name (every nodesim node has it). */
    String HOSTNAME_KEY = "kubernetes.io/hostname";
    /** The label that carries a namespace's name. */
    String NAMESPACE_NAME_KEY = "kubernetes.io/metadata.name";
    /** The zone label: a node's {@code zone} and its zone label value must map alike. */
    String ZONE_KEY = "topology.kubernetes.io/zone";

    String node(String name);

    String namespace(String name);

    /** A Deployment, StatefulSet, DaemonSet, ReplicaSet or bare Pod workload. */
    String workload(String name);

    String pod(String name);

    /**
     * A pod named after its workload ({@code web-7d9c6b5d4f-x2x7q}, {@code db-0}): the workload's name maps as
     * {@link #workload}, a StatefulSet ordinal is kept and any other suffix maps to a token, so the pod's name
     * still shows which workload it belongs to. A pod not named after the workload maps as {@link #pod(String)}.
     */
    String pod(String workload, String name);

    String container(String name);

    /** An image reference as a pod or a node's {@code status.images} names it. */
    String image(String reference);

    String service(String name);

    String priorityClass(String name);

    String disruptionBudget(String name);

    /** A StatefulSet's claim template ({@code volumeClaimTemplates[].metadata.name}). */
    String volumeClaim(String name);

    String storageClass(String name);

    /** {@code app}, {@code app.example.com/tier}; keys under the Kubernetes prefixes are kept. */
    String labelKey(String key);

    /** The value of label {@code key} (the original key); the empty value stays empty. */
    String labelValue(String key, String value);

    /** A node's zone, mapped as the value of its zone label. */
    default String zone(String zone) {
        return labelValue(ZONE_KEY, zone);
    }

    /** Names as they are. */
    static Names identity() {
        return IdentityNames.INSTANCE;
    }

    /** Whether a label key's prefix is Kubernetes vocabulary ({@code node-role.kubernetes.io/master}). */
    static boolean kubernetesKey(String key) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String prefix = key.substring(0, slash);
        return KUBERNETES_PREFIXES.stream().anyMatch(p -> prefix.equals(p) || prefix.endsWith("." + p));
    }
}
