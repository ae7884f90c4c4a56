package io.nodesim.scenario;

import static io.nodesim.scenario.ScenarioFiles.BASE;
import static io.nodesim.scenario.ScenarioFiles.assertError;
import static io.nodesim.scenario.ScenarioFiles.edit;
import static io.nodesim.scenario.ScenarioFiles.fails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gives one message with file, line, column and field path. */
class ScenarioLoaderErrorsTest {
    @TempDir
    Path dir;

    @Test
    void unknownTopLevelField_suggestsTheClosest() {
        ScenarioException e = fails(dir, edit("metadata:", "metdata:"));
        assertError(e, 3, 1, "metdata", "unknown field \"metdata\"", "did you mean \"metadata\"?");
        assertTrue(e.file().endsWith("s.yaml"));
        assertTrue(e.getMessage().startsWith(e.file() + ":3:1: metdata: "), e.getMessage());
    }

    @Test
    void unknownSpecField_suggestsTheClosest() {
        assertError(fails(dir, edit("  nodes:", "  node:")), 9, 3, "node", "did you mean \"nodes\"?");
    }

    @Test
    void unknownControllerManagerFlag_suggestsTheRealFlagName() {
        ScenarioException e = fails(dir, edit("node-monitor-grace-period: 50s", "node-monitor-grace: 50s"));
        assertError(e, 8, 5, "kubeControllerManager.node-monitor-grace",
                "did you mean \"node-monitor-grace-period\"?", "allowed here: node-monitor-period");
    }

    @Test
    void unknownKubeletField_suggestsTheKubeletConfigurationName() {
        ScenarioException e = fails(dir, edit("  nodes:\n", "  kubelet:\n    nodeStatusUpdateFreq: 10s\n  nodes:\n"));
        assertError(e, 10, 5, "kubelet.nodeStatusUpdateFreq", "did you mean \"nodeStatusUpdateFrequency\"?");
    }

    @Test
    void unknownManifestField_isFoundInsideFabric8Classes() {
        ScenarioException e = fails(dir, edit("replicas: 3", "replica: 3"));
        assertError(e, 21, 9, "workloads[0].spec.replica", "unknown field \"replica\"", "did you mean \"replicas\"?");
        ScenarioException deep = fails(dir, edit("image: nginx", "imag: nginx"));
        assertError(deep, 26, -1, "workloads[0].spec.template.spec.containers[0].imag", "did you mean \"image\"?");
    }

    /** A pod already Terminating at t = 0 (issue 11 point 7): refused at its own line, not silently counted. */
    @Test
    void terminatingPod_isRefusedAsNotModelled() {
        String pod = """
                    - apiVersion: v1
                      kind: Pod
                      metadata:
                        name: old
                        deletionTimestamp: "2026-01-01T00:00:00Z"
                      spec:
                        nodeName: solo
                        containers: [{name: c, image: nginx}]
                  faults:
                """;
        ScenarioException e = fails(dir, edit("  faults:\n", pod));
        assertError(e, 31, 28, "workloads[1].metadata.deletionTimestamp", "not modelled: an object that is already "
                + "Terminating at t = 0");
        ScenarioException owner = fails(dir, edit("metadata: {name: web}", "metadata: {name: web, deletionTimestamp: \"2026-01-01T00:00:00Z\"}"));
        assertError(owner, 19, -1, "workloads[0].metadata.deletionTimestamp", "not modelled");
    }

    /** A v1 Namespace in workloads labels a namespace; it is cluster-scoped and declared once. */
    @Test
    void namespaceManifest_isClusterScopedAndUnique() {
        String ns = """
                    - apiVersion: v1
                      kind: Namespace
                      metadata: {name: team-a, namespace: default}
                  faults:
                """;
        assertError(fails(dir, edit("  faults:\n", ns)), 29, 43, "workloads[1].metadata.namespace",
                "a Namespace is cluster-scoped");
        String twice = """
                    - {apiVersion: v1, kind: Namespace, metadata: {name: team-a}}
                    - {apiVersion: v1, kind: Namespace, metadata: {name: team-a, labels: {x: y}}}
                  faults:
                """;
        assertError(fails(dir, edit("  faults:\n", twice)), 28, 58, "workloads[2].metadata.name",
                "namespace \"team-a\" is declared twice");
        String version = """
                    - {apiVersion: apps/v1, kind: Namespace, metadata: {name: team-a}}
                  faults:
                """;
        assertError(fails(dir, edit("  faults:\n", version)), 27, 20, "workloads[1].apiVersion",
                "a Namespace needs apiVersion: v1");
    }

    /** nodeTaintsPolicy before 1.26 (the API server drops it): refused at the workload, not ignored. */
    @Test
    void nodeTaintsPolicyBefore126_isRefusedAsNotModelled() {
        String yaml = edit("containers: [{name: web, image: nginx, resources: {requests: {cpu: 500m}}}]",
                "containers: [{name: web, image: nginx}]\n"
                + "            topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule,"
                + " labelSelector: {matchLabels: {app: web}}, nodeTaintsPolicy: Honor}]").replace("\"1.35\"", "\"1.25\"");
        assertError(fails(dir, yaml), 17, 7, "workloads[0]",
                "not modelled: topologySpreadConstraints.nodeTaintsPolicy before 1.26");
    }

    @Test
    void wrongType_namesWhatWasExpected() {
        assertError(fails(dir, edit("count: 4", "count: four")), 11, 14, "nodes[0].count",
                "expected an integer, got the string \"four\"");
        assertError(fails(dir, edit("replicas: 3", "replicas: [3]")), 21, 19, "workloads[0].spec.replicas",
                "expected an integer");
        assertError(fails(dir, edit("  nodes:\n", "  seed: true\n  nodes:\n")), 9, 9, "seed", "expected an integer");
    }

    @Test
    void malformedOrNegativeDuration() {
        assertError(fails(dir, edit("50s", "50 seconds")), 8, 32, "kubeControllerManager.node-monitor-grace-period",
                "expected a duration such as 40s");
        assertError(fails(dir, edit("50s", "-50s")), 8, 32, "kubeControllerManager.node-monitor-grace-period",
                "must not be negative");
        assertError(fails(dir, edit("50s", "50")), 8, 32, "kubeControllerManager.node-monitor-grace-period",
                "a duration needs a unit, e.g. 50s");
        assertError(fails(dir, edit("at: 1m", "at: 1y")), 28, 11, "faults[0].at", "expected a duration");
    }

    @Test
    void badQuantity_inNodesAndInManifests() {
        assertError(fails(dir, edit("labels: {disk: ssd}", "allocatable: {cpu: 4 cores}")), 15, 26,
                "nodes[1].allocatable.cpu", "expected a Kubernetes quantity", "\"4 cores\"");
        assertError(fails(dir, edit("cpu: 500m", "cpu: 500mm")), 26, -1,
                "workloads[0].spec.template.spec.containers[0].resources.requests.cpu", "Kubernetes quantity");
        assertError(fails(dir, edit("labels: {disk: ssd}", "allocatable: {memory: -1Gi}")), 15, 29,
                "nodes[1].allocatable.memory", "must not be negative");
    }

    @Test
    void unknownFaultType_listsTheAllowedTypes() {
        ScenarioException e = fails(dir, edit("type: NodeCrash", "type: NodeCrahs"));
        assertError(e, 29, 13, "faults[0].type", "unknown fault type \"NodeCrahs\"", "did you mean \"NodeCrash\"?",
                "allowed: NodeCrash, KubeletStop, NetworkPartition, ZoneOutage, HeartbeatDelay, ControlPlaneOutage");
    }

    @Test
    void faultFieldOfAnotherType_isNotAllowed() {
        ScenarioException e = fails(dir, edit("nodes: [w-1]", "nodes: [w-1]\n      delay: constant(30s)"));
        assertError(e, 31, 7, "faults[0].delay", "\"delay\" is not allowed for a NodeCrash fault", "allowed: type, at");
        ScenarioException cp = fails(dir, edit("type: NodeCrash", "type: ControlPlaneOutage"));
        assertError(cp, 30, 7, "faults[0].nodes", "not allowed for a ControlPlaneOutage fault");
    }

    @Test
    void targetThatNamesNoNode() {
        assertError(fails(dir, edit("nodes: [w-1]", "nodes: [w-9]")), 30, 15, "faults[0].nodes[0]",
                "no node is named \"w-9\"", "did you mean \"w-0\"?");
        assertError(fails(dir, edit("nodes: [w-1]", "zone: d")), 30, 13, "faults[0].zone", "no node is in zone \"d\"",
                "zones: a, b, c");
        assertError(fails(dir, edit("nodes: [w-1]", "selector: {disk: hdd}")), 30, 17, "faults[0].selector",
                "matches no node");
        assertError(fails(dir, edit("nodes: [w-1]", "nodes: [w-1]\n      zone: c")), 28, 7, "faults[0]",
                "the target names no node", "nodes [w-1], zone c");
        assertError(fails(dir, edit("nodes: [w-1]", "zone: a\n      count: 3")), 31, 14, "faults[0].count",
                "count 3 is more than the 2 node(s)");
    }

    @Test
    void versionOutsideTheProfiles_listsTheSupportedRange() {
        assertError(fails(dir, edit("\"1.35\"", "\"1.11\"")), 6, 22, "kubernetesVersion",
                "Kubernetes 1.11 is outside the version profiles; supported: 1.12 to 1.36");
        assertError(fails(dir, edit("\"1.35\"", "\"1.37\"")), 6, 22, "kubernetesVersion", "supported: 1.12 to 1.36");
        assertError(fails(dir, edit("\"1.35\"", "latest")), 6, 22, "kubernetesVersion", "expected a version like");
    }

    @Test
    void legacyFlagsOnOrAfter127_areErrors() {
        ScenarioException e = fails(dir, edit("node-monitor-grace-period: 50s", "pod-eviction-timeout: 1m"));
        assertError(e, 8, 27, "kubeControllerManager.pod-eviction-timeout", "removed in Kubernetes 1.27 (PR #115840)");
        ScenarioException f = fails(dir, edit("node-monitor-grace-period: 50s", "enable-taint-manager: false"));
        assertError(f, 8, 27, "kubeControllerManager.enable-taint-manager", "removed in Kubernetes 1.27");
    }

    @Test
    void missingFile_andMissingInclude() {
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(dir.resolve("nope.yaml")));
        assertTrue(e.getMessage().contains("file not found"), e.getMessage());
        ScenarioException inc = fails(dir, BASE.replace("  workloads:\n", "  workloads:\n    - file: web.yaml\n"));
        assertError(inc, 17, 13, "workloads[0].file", "file not found: web.yaml");
    }

    @Test
    void includedFile_mayHoldSeveralDocuments_andErrorsPointIntoIt() {
        ScenarioFiles.write(dir, "more.yaml", """
                apiVersion: v1
                kind: Pod
                metadata: {name: lone}
                spec: {containers: [{name: c, image: busybox}]}
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec: {containers: [{name: db, image: postgres}]}
                """);
        Scenario s = ScenarioFiles.load(dir, BASE.replace("  workloads:\n", "  workloads:\n    - file: more.yaml\n"));
        assertEquals(List.of("lone", "db", "web"), s.workloads().stream().map(WorkloadSpec::name).toList());
        ScenarioFiles.write(dir, "bad.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containerz: []}\n");
        ScenarioException e = fails(dir, BASE.replace("  workloads:\n", "  workloads:\n    - file: bad.yaml\n"));
        assertTrue(e.file().endsWith("bad.yaml"), e.file());
        assertError(e, 4, 8, "workloads[0].spec.containerz", "did you mean \"containers\"?");
    }

    @Test
    void workloadChecks_selectorReplicasNamesKind() {
        assertError(fails(dir, edit("matchLabels: {app: web}}", "matchLabels: {app: api}}")), 22, 19,
                "workloads[0].spec.selector.matchLabels", "does not match the template labels");
        assertError(fails(dir, edit("replicas: 3", "replicas: -1")), 21, 19, "workloads[0].spec.replicas",
                "expected an integer >= 0, got -1");
        assertError(fails(dir, edit("kind: Deployment", "kind: Deploymnet")), 18, 13, "workloads[0].kind",
                "did you mean \"Deployment\"?");
        String twice = BASE.replace("  faults:\n", """
                    - apiVersion: v1
                      kind: Pod
                      metadata: {name: web}
                      spec: {containers: [{name: c, image: busybox}]}
                  faults:
                """);
        assertError(fails(dir, twice), 27, 7, "workloads[1].metadata.name", "workload name \"web\" is already used");
    }

    @Test
    void duplicateNodeNames_andDuplicateKeys() {
        assertError(fails(dir, edit("- name: solo", "- name: w-2")), 13, 7, "nodes[1]",
                "node name \"w-2\" is already used by nodes[0]");
        assertError(fails(dir, edit("count: 4", "count: 4\n      count: 5")), 12, 7, "count", "duplicate key");
    }

    @Test
    void aWellKnownTopologyLabel_isSetFromTheNodeFields_notWrittenAsALabel() {
        assertError(fails(dir, edit("labels: {disk: ssd}", "labels: {topology.kubernetes.io/zone: z}")), 15, 16,
                "nodes[1].labels.topology.kubernetes.io/zone", "is set from the node's zone field");
        assertError(fails(dir, edit("labels: {disk: ssd}", "labels: {topology.kubernetes.io/region: r}")),
                15, 16, "nodes[1].labels.topology.kubernetes.io/region", "is set from the node's region field");
        assertError(fails(dir, edit("labels: {disk: ssd}", "labels: {kubernetes.io/hostname: h}")), 15, 16,
                "nodes[1].labels.kubernetes.io/hostname", "is set from the node's name field");
    }

    @Test
    void nullNameOrPool_isMissing() {
        // an empty value is null in YAML, so the name is missing (as with ~)
        assertError(fails(dir, edit("- name: solo", "- name:")), 13, 7, "nodes[1]", "required field missing: name");
        assertError(fails(dir, edit("- pool: w", "- pool: ~")), 10, 7, "nodes[0]", "required field missing: name");
    }

    @Test
    void startupForAnUnknownWorkload() {
        ScenarioException e = fails(dir, edit("  faults:", "  startup:\n    wbe: {imagePull: constant(1s)}\n  faults:"));
        assertError(e, 28, 5, "startup.wbe", "no workload is named \"wbe\"", "did you mean \"web\"?");
    }

    @Test
    void badDistribution() {
        ScenarioException e = fails(dir, edit("  faults:", "  latencies:\n    watch: unifrom(1ms, 2ms)\n  faults:"));
        assertError(e, 28, 12, "latencies.watch", "unknown distribution \"unifrom\"", "did you mean \"uniform\"?");
        ScenarioException args = fails(dir, edit("  faults:", "  latencies:\n    watch: uniform(1ms)\n  faults:"));
        assertError(args, 28, 12, "latencies.watch", "uniform takes 2 arguments");
        ScenarioException missing = fails(dir, edit("  faults:", "  latencies:\n    watch: empirical(x.csv)\n  faults:"));
        assertError(missing, 28, 12, "latencies.watch", "file not found");
    }

    @Test
    void yamlSyntaxError_hasAPosition() {
        ScenarioException e = fails(dir, edit("  name: base", "  name: [base"));
        assertTrue(e.line() > 0, e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    }

    @Test
    void wrongApiVersionOrKind() {
        assertError(fails(dir, edit("nodesim.io/v1alpha1", "nodesim.io/v1")), 1, 13, "apiVersion",
                "expected nodesim.io/v1alpha1");
        assertError(fails(dir, edit("kind: Scenario", "kind: Scenarios")), 2, 7, "kind", "expected Scenario");
    }
}
