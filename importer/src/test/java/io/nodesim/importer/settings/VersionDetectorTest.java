package io.nodesim.importer.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.VersionProfiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionDetectorTest {
    @ParameterizedTest
    @CsvSource({
        "v1.12.8-gke.6, 1.12",
        "v1.29.3-eks-ae9a62a, 1.29",
        "v1.21.2-13+d2965f0db10712, 1.21",
        "v1.30.2+k3s1, 1.30",
        "v1.33.3, 1.33",
        "1.27.0, 1.27",
        "v1.35, 1.35"})
    void providerSuffixesAreDropped(String kubeletVersion, String minor) {
        assertEquals(minor, VersionDetector.parse(kubeletVersion).orElseThrow().toString());
    }

    @ParameterizedTest
    @CsvSource({"latest", "stable-1.30", "v2", "''", "sha256"})
    void textThatIsNoVersionGivesNone(String text) {
        assertTrue(VersionDetector.parse(text).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({
        "registry.k8s.io/kube-controller-manager:v1.30.2, v1.30.2",
        "localhost:5000/kube-apiserver:v1.28.1@sha256:0123abcd, v1.28.1",
        "602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/kube-apiserver:v1.29.3-eks-1-29-4, v1.29.3-eks-1-29-4"})
    void theTagOfAnImageReferenceIsReadPastRegistryPortsAndDigests(String image, String tag) {
        assertEquals(tag, VersionDetector.tag(image).orElseThrow());
    }

    @Test
    void anImageByDigestOnlyHasNoTag() {
        assertTrue(VersionDetector.tag("quay.io/openshift-release-dev/ocp-v4.0-art-dev@sha256:ab12").isEmpty());
        assertTrue(VersionDetector.tag("localhost:5000/kube-apiserver").isEmpty());
    }

    @Test
    void theGkeDumpsKubeletsGiveOneTwelve() {
        var nodes = Fixtures.nodeVersions(Fixtures.sample("kalc-gke-1.12/nodes.yaml"));
        DetectedVersion d = VersionDetector.fromKubelets(nodes).orElseThrow();
        assertEquals(new KubernetesVersion(1, 12), d.version());
        assertEquals("v1.12.8-gke.6", d.observed());
        assertEquals("nodes.yaml#$.items[0].status.nodeInfo.kubeletVersion", d.from().toString());
        assertEquals("most common kubeletVersion (5 of 5 nodes)", d.how());
    }

    @Test
    void theOpenShiftJsonInAYamlFileGivesOneThirtyThree() {
        var nodes = Fixtures.nodeVersions(Fixtures.sample("oc-azure-3-zones/ocpbugs-60768-node.yaml"));
        assertEquals(6, nodes.size());
        assertEquals("1.33", VersionDetector.fromKubelets(nodes).orElseThrow().version().toString());
    }

    @Test
    void theEksRawNodeListGivesOneTwentyOne() {
        var nodes = Fixtures.nodeVersions(Fixtures.sample("honeycomb-raw-lists/nodes.json"));
        assertEquals("1.21", VersionDetector.fromKubelets(nodes).orElseThrow().version().toString());
    }

    @Test
    void theMostCommonReleaseWinsAndATieGoesToTheOlder() {
        List<VersionDetector.NodeVersion> nodes = new ArrayList<>();
        for (String v : List.of("v1.29.3-eks-ae9a62a", "v1.30.2-eks-1", "v1.30.2-eks-1", "v1.29.1", "v1.28.0")) {
            nodes.add(new VersionDetector.NodeVersion(v, Provenance.root("n.json").index(nodes.size())));
        }
        DetectedVersion tie = VersionDetector.fromKubelets(nodes).orElseThrow();
        assertEquals("1.29", tie.version().toString());
        assertEquals("n.json#$[0]", tie.from().toString());
        assertTrue(tie.how().contains("2 of 5 nodes, releases seen: {1.28=1, 1.29=2, 1.30=2}"), tie.how());
        nodes.add(new VersionDetector.NodeVersion("v1.30.4", Provenance.root("n.json").index(5)));
        assertEquals("1.30", VersionDetector.fromKubelets(nodes).orElseThrow().version().toString());
    }

    @Test
    void aReleaseNewerThanTheProfilesIsClampedWithAWarning() {
        List<String> warnings = new ArrayList<>();
        DetectedVersion d = VersionDetector.withinProfiles(new DetectedVersion(new KubernetesVersion(1, 40), "v1.40.0",
                Provenance.root("kcm.json").field("image"), "control-plane image tag"), warnings);
        assertEquals(VersionProfiles.NEWEST, d.version());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("newer than the newest version profile"), warnings.get(0));
    }

    @Test
    void aReleaseOlderThanTheProfilesIsBadInputAtItsSource() {
        var old = List.of(new VersionDetector.NodeVersion("v1.11.10-gke.5", Provenance.root("nodes.json")
                .field("items").index(0).field("status").field("nodeInfo").field("kubeletVersion")));
        ScenarioException e = assertThrows(ScenarioException.class, () -> SettingsImport.read(
                new SettingsImport.Sources(Optional.empty(), List.of(), Optional.empty(), old)));
        assertTrue(e.getMessage().startsWith("nodes.json#$.items[0].status.nodeInfo.kubeletVersion: Kubernetes 1.11 "
                + "(\"v1.11.10-gke.5\") is older than every version profile; supported: 1.12 to"), e.getMessage());
    }

    @Test
    void noVersionAnywhereKeepsTheDefaultProfileWithAWarning() {
        ImportedSettings s = SettingsImport.read(new SettingsImport.Sources(Optional.empty(), List.of(), Optional.empty(),
                List.of(new VersionDetector.NodeVersion("", Provenance.root("n.json")))));
        assertTrue(s.version().isEmpty());
        assertTrue(s.warnings().get(0).startsWith("no source names the Kubernetes version"), s.warnings().toString());
    }
}
