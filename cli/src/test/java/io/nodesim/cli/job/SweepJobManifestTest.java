package io.nodesim.cli.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;
import io.nodesim.experiment.SweepArguments;
import io.nodesim.experiment.SweepIdentity;
import io.nodesim.experiment.SweepSpec;
import io.nodesim.scenario.ScenarioContent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * sweep-job.yaml read back into the fabric8 model and checked field by field against what the Job
 * controller needs (pkg/controller/job: Indexed completion mode, per-index backoff, the pod failure
 * policy rules, whose FailIndex action requires backoffLimitPerIndex and restartPolicy Never).
 */
class SweepJobManifestTest {
    private static final ScenarioContent FILES = new ScenarioContent("tune/scenario.yaml", Map.of(
            "tune/scenario.yaml", "apiVersion: nodesim.io/v1alpha1\n".getBytes(StandardCharsets.UTF_8),
            "tune/apps/web.yaml", "kind: Deployment\n".getBytes(StandardCharsets.UTF_8),
            "shared/delays.csv", new byte[] {(byte) 0xff, 0x00, 0x01}));
    private static final SweepIdentity IDENTITY = new SweepIdentity("c".repeat(64), new SweepArguments(
            List.of("kubelet.nodeStatusUpdateFrequency=$(HOME)"),
            SweepSpec.parse(List.of("kubeControllerManager.node-monitor-grace-period=20s,40s"), List.of(), 0), 5));

    private static List<ObjectNode> documents(String yaml) throws Exception {
        YAMLMapper mapper = new YAMLMapper();
        List<ObjectNode> docs = new ArrayList<>();
        try (MappingIterator<ObjectNode> it = mapper.readerFor(ObjectNode.class).readValues(yaml)) {
            it.forEachRemaining(docs::add);
        }
        return docs;
    }

    private static <T> T as(ObjectNode node, Class<T> type) throws Exception {
        return new YAMLMapper().treeToValue(node, type);
    }

    @Test
    void manifest_isAClaim_aConfigMapOfTheScenario_andAnIndexedJobRunningOneShardPerIndex() throws Exception {
        SweepJobManifest manifest = new SweepJobManifest(SweepJobManifest.objectName("Tune_Timeouts.v2"),
                "registry.example/nodesim:0.1", 12, 4, 2, null);
        assertEquals("nodesim-tune-timeouts-v2", manifest.name());
        String yaml = manifest.yaml(FILES, IDENTITY);
        List<ObjectNode> docs = documents(yaml);
        assertEquals(3, docs.size());

        PersistentVolumeClaim claim = as(docs.get(0), PersistentVolumeClaim.class);
        assertEquals("v1", claim.getApiVersion());
        assertEquals("nodesim-tune-timeouts-v2-out", claim.getMetadata().getName());
        assertEquals(List.of("ReadWriteMany"), claim.getSpec().getAccessModes());
        assertEquals(new Quantity("1Gi"), claim.getSpec().getResources().getRequests().get("storage"));

        ConfigMap config = as(docs.get(1), ConfigMap.class);
        assertEquals("nodesim-tune-timeouts-v2-scenario", config.getMetadata().getName());
        assertEquals(Map.of("f1-web.yaml", "kind: Deployment\n", "f2-scenario.yaml", "apiVersion: nodesim.io/v1alpha1\n"),
                config.getData());
        assertEquals(Map.of("f0-delays.csv", "/wAB"), config.getBinaryData(), "bytes that are not UTF-8, in base64");

        Job job = as(docs.get(2), Job.class);
        assertEquals("batch/v1", job.getApiVersion());
        assertEquals("Job", job.getKind());
        assertEquals("nodesim-tune-timeouts-v2", job.getMetadata().getName());
        JobSpec spec = job.getSpec();
        assertEquals("Indexed", spec.getCompletionMode());
        assertEquals(12, spec.getCompletions());
        assertEquals(4, spec.getParallelism());
        assertEquals(2, spec.getBackoffLimitPerIndex());
        List<PodFailurePolicyRule> rules = spec.getPodFailurePolicy().getRules();
        assertEquals(2, rules.size());
        assertEquals("FailIndex", rules.get(0).getAction());
        assertEquals("nodesim", rules.get(0).getOnExitCodes().getContainerName());
        assertEquals("In", rules.get(0).getOnExitCodes().getOperator());
        assertEquals(List.of(2), rules.get(0).getOnExitCodes().getValues());
        assertEquals("Ignore", rules.get(1).getAction());
        assertEquals("DisruptionTarget", rules.get(1).getOnPodConditions().get(0).getType());
        assertEquals("True", rules.get(1).getOnPodConditions().get(0).getStatus());

        PodSpec pod = spec.getTemplate().getSpec();
        assertEquals("Never", pod.getRestartPolicy(), "a podFailurePolicy needs restartPolicy Never");
        assertEquals(1, pod.getContainers().size());
        Container c = pod.getContainers().get(0);
        assertEquals("nodesim", c.getName());
        assertEquals("registry.example/nodesim:0.1", c.getImage());
        assertTrue(c.getCommand().isEmpty(), "the image's entrypoint runs the CLI jar");
        assertTrue(docs.get(2).at("/spec/template/spec/containers/0").has("args"));
        assertTrue(!docs.get(2).at("/spec/template/spec/containers/0").has("command"), "no command: the entrypoint stays");
        assertEquals(List.of("sweep", "/scenario/tune/scenario.yaml",
                "--set", "kubelet.nodeStatusUpdateFrequency=$$(HOME)",
                "--vary", "kubeControllerManager.node-monitor-grace-period=20s,40s",
                "--replications", "5",
                "--shard", "$(JOB_COMPLETION_INDEX)/12", "-o", "/out/nodesim-tune-timeouts-v2"), c.getArgs());
        assertEquals("/scenario", c.getVolumeMounts().get(0).getMountPath());
        assertEquals(true, c.getVolumeMounts().get(0).getReadOnly());
        assertEquals("/out", c.getVolumeMounts().get(1).getMountPath());
        assertEquals("nodesim-tune-timeouts-v2-scenario", pod.getVolumes().get(0).getConfigMap().getName());
        assertEquals(List.of(new KeyToPath("f0-delays.csv", null, "shared/delays.csv"),
                new KeyToPath("f1-web.yaml", null, "tune/apps/web.yaml"),
                new KeyToPath("f2-scenario.yaml", null, "tune/scenario.yaml")),
                pod.getVolumes().get(0).getConfigMap().getItems());
        assertEquals("nodesim-tune-timeouts-v2-out", pod.getVolumes().get(1).getPersistentVolumeClaim().getClaimName());

        assertTrue(yaml.contains("# nodesim sweep merge /out/nodesim-tune-timeouts-v2\n"), yaml);
    }

    @Test
    void aNamedClaim_isUsedAndNotCreated_andParallelismIsAtMostTheShards() throws Exception {
        List<ObjectNode> docs = documents(new SweepJobManifest("nodesim-x", "img", 3, 10, 0, "team-results")
                .yaml(FILES, IDENTITY));
        assertEquals(List.of("ConfigMap", "Job"), docs.stream().map(d -> d.get("kind").asText()).toList());
        Job job = as(docs.get(1), Job.class);
        assertEquals(3, job.getSpec().getParallelism());
        assertEquals("team-results", job.getSpec().getTemplate().getSpec().getVolumes().get(1)
                .getPersistentVolumeClaim().getClaimName());
    }

    @Test
    void aScenarioTooBigForAConfigMap_orNoImage_isRefused() {
        ScenarioContent big = new ScenarioContent("s.yaml", Map.of("s.yaml", new byte[2 * 1024 * 1024]));
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                () -> new SweepJobManifest("nodesim-x", "img", 3, 3, 1, null).yaml(big, IDENTITY));
        assertTrue(tooBig.getMessage().contains("a ConfigMap holds at most 1048576"), tooBig.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SweepJobManifest("nodesim-x", " ", 3, 3, 1, null));
        assertThrows(IllegalArgumentException.class, () -> new SweepJobManifest("nodesim-x", "img", 0, 3, 1, null));
    }
}
