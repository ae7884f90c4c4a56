package io.nodesim.importer.anonymize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.scenario.ScenarioException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmacNamesTest {
    /** apimachinery validation: IsDNS1123Label, IsValidLabelValue, qualified-name parts, a reference with a tag. */
    static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    static final Pattern IMAGE_REFERENCE = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*:[\\w][\\w.-]{0,127}");
    static final byte[] SALT = "0123456789abcdef-test-salt".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void theSameNameAlwaysGetsTheSameTokenAndAnotherSaltAnother() {
        HmacNames a = HmacNames.withSalt(SALT);
        HmacNames b = HmacNames.withSalt(SALT);
        assertEquals(a.node("gke-standard-cluster-1-default-pool-1f4a2d0e-0m6v"),
                b.node("gke-standard-cluster-1-default-pool-1f4a2d0e-0m6v"));
        assertEquals(a.node("n1"), a.node("n1"));
        HmacNames other = HmacNames.withSalt("another-salt-of-16+bytes".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(a.node("n1"), other.node("n1"));
    }

    @Test
    void kindsAreHashedApartSoANamespaceAndAWorkloadNamedAlikeDiffer() {
        HmacNames n = HmacNames.withSalt(SALT);
        assertNotEquals(n.namespace("web").substring(3), n.workload("web").substring(3));
    }

    @Test
    void tokensAreValidWhereTheyAppear() {
        HmacNames n = HmacNames.withSalt(SALT);
        for (String t : List.of(n.node("ip-10-0-1-23.us-west-2.compute.internal"), n.namespace("payments"),
                n.workload("checkout-api"), n.pod("checkout-api-6d4cf56db6-k8x2q"), n.container("istio-proxy"),
                n.service("checkout"), n.priorityClass("business-critical"), n.disruptionBudget("checkout-pdb"))) {
            assertTrue(DNS1123_LABEL.matcher(t).matches() && t.length() <= 63, t);
        }
        String v = n.labelValue("app", "checkout-api_v2.1");
        assertTrue(LABEL_VALUE.matcher(v).matches() && v.length() <= 63, v);
        String image = n.image("602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.10.1-eksbuild.1");
        assertTrue(IMAGE_REFERENCE.matcher(image).matches(), image);
    }

    @Test
    void aPrefixedLabelKeyKeepsItsPrefixSlashNameStructure() {
        HmacNames n = HmacNames.withSalt(SALT);
        String tier = n.labelKey("app.example.com/tier");
        String owner = n.labelKey("app.example.com/owner");
        assertTrue(tier.matches("p[0-9a-f]{20}/k[0-9a-f]{20}"), tier);
        assertEquals(tier.substring(0, tier.indexOf('/')), owner.substring(0, owner.indexOf('/')));
        assertTrue(n.labelKey("team").matches("k[0-9a-f]{20}"));
    }

    @Test
    void kubernetesLabelKeysAreVocabularyAndKeepTheirText() {
        HmacNames n = HmacNames.withSalt(SALT);
        for (String key : List.of("kubernetes.io/hostname", "node-role.kubernetes.io/master",
                "failure-domain.beta.kubernetes.io/zone", "topology.kubernetes.io/zone", "k8s.io/cluster-autoscaler",
                "cloud.google.com/gke-nodepool".replace("cloud.google.com", "node.k8s.io"))) {
            assertEquals(key, n.labelKey(key));
        }
        assertNotEquals("cloud.google.com/gke-nodepool", n.labelKey("cloud.google.com/gke-nodepool"));
        assertNotEquals("notkubernetes.io/x", n.labelKey("notkubernetes.io/x"));
    }

    @Test
    void labelValuesThatNameObjectsMapAsThoseObjects() {
        HmacNames n = HmacNames.withSalt(SALT);
        assertEquals(n.node("worker-3"), n.labelValue("kubernetes.io/hostname", "worker-3"));
        assertEquals(n.namespace("payments"), n.labelValue("kubernetes.io/metadata.name", "payments"));
        assertEquals(n.labelValue("topology.kubernetes.io/zone", "us-central1-a"), n.zone("us-central1-a"));
        assertEquals(n.labelValue("failure-domain.beta.kubernetes.io/zone", "us-central1-a"), n.zone("us-central1-a"));
        assertEquals("", n.labelValue("node-role.kubernetes.io/master", ""));
    }

    @Test
    void imagesAreComparedAfterTheSchedulersNormalisation() {
        HmacNames n = HmacNames.withSalt(SALT);
        assertEquals(n.image("nginx"), n.image("nginx:latest"));
        assertNotEquals(n.image("nginx:latest"), n.image("docker.io/library/nginx:latest"));
        assertNotEquals(n.image("nginx:1.25"), n.image("nginx:1.26"));
        assertTrue(n.image("nginx").endsWith(":anon"));
    }

    @Test
    void podsNamedAfterTheirWorkloadStillShowIt() {
        HmacNames n = HmacNames.withSalt(SALT);
        String web = n.workload("web");
        String pod = n.pod("web", "web-7d9c6b5d4f-x2x7q");
        assertTrue(pod.startsWith(web + "-") && !pod.contains("7d9c6b5d4f"), pod);
        assertEquals(web + "-0", n.pod("db".equals("web") ? "" : "web", "web-0"));
        assertEquals(pod, n.pod("web-7d9c6b5d4f-x2x7q"), "one pod, one token, whichever method asked first");
        assertTrue(DNS1123_LABEL.matcher(pod).matches(), pod);
        assertEquals(n.pod("coredns-xyz"), n.pod("web", "coredns-xyz"));
    }

    @Test
    void builtInNamespacesAndPriorityClassesAreKubernetesVocabulary() {
        HmacNames n = HmacNames.withSalt(SALT);
        assertEquals("kube-system", n.namespace("kube-system"));
        assertEquals("default", n.namespace("default"));
        assertEquals("system-node-critical", n.priorityClass("system-node-critical"));
        assertNotEquals("monitoring", n.namespace("monitoring"));
    }

    @Test
    void theIdentityKeepsEveryName() {
        Names id = Names.identity();
        assertEquals("web-0", id.pod("web", "web-0"));
        assertEquals("app.example.com/tier", id.labelKey("app.example.com/tier"));
        assertEquals("nginx", id.image("nginx"));
        assertEquals("a", id.zone("a"));
    }

    @Test
    void mapCsvIsOwnerOnlyAndListsEveryReplacedName() throws Exception {
        HmacNames n = HmacNames.withSalt(SALT);
        String node = n.node("worker-1");
        n.labelValue("app", "a,b \"quoted\"");
        Path map = dir.resolve("map.csv");
        Files.writeString(map, "stale");
        n.writeMap(map);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(map)));
        List<String> lines = Files.readAllLines(map);
        assertEquals("kind,original,token", lines.get(0));
        assertEquals("node,worker-1," + node, lines.get(1));
        assertTrue(lines.get(2).startsWith("label-value,\"a,b \"\"quoted\"\"\",v"), lines.get(2));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(map), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void aShortOrMissingSaltFileIsBadInput() throws Exception {
        Path salt = Files.writeString(dir.resolve("salt"), "short");
        ScenarioException e = assertThrows(ScenarioException.class, () -> HmacNames.fromSaltFile(salt));
        assertTrue(e.getMessage().contains("holds 5 bytes; use at least 16"), e.getMessage());
        assertThrows(ScenarioException.class, () -> HmacNames.fromSaltFile(dir.resolve("absent")));
        Files.write(salt, SALT);
        assertEquals(HmacNames.withSalt(SALT).node("x"), HmacNames.fromSaltFile(salt).node("x"));
    }
}
