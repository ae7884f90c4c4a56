package io.nodesim.cli.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.nodesim.experiment.SweepIdentity;
import io.nodesim.scenario.ScenarioContent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code sweep-job.yaml} (DESIGN §3.2): a sweep as a Kubernetes Indexed Job, built with the fabric8
 * model classes. A ConfigMap holds the scenario's files; a {@code batch/v1} Job with
 * {@code completionMode: Indexed} and {@code completions: N} runs one shard per index, the index
 * coming from {@code JOB_COMPLETION_INDEX}, which the Job controller adds to every container
 * (pkg/controller/job/indexed_job_utils.go, addCompletionIndexEnvVariable) and the kubelet expands
 * in {@code $(JOB_COMPLETION_INDEX)}. Each shard writes its part to the output volume, a
 * ReadWriteMany claim by default, where a merge finds all of them.
 *
 * <p>Failures (pkg/controller/job/pod_failure_policy.go): {@code backoffLimitPerIndex} retries an
 * index on its own, so one flaky node does not fail the sweep; the {@code podFailurePolicy} fails an
 * index at once on exit code 2 (nodesim's bad input: a retry would fail the same way) and ignores a
 * pod's {@code DisruptionTarget} condition (preemption, eviction, node drain: not the task's fault,
 * and not counted against the backoff limit). A retried index writes the same part again, whole,
 * because a task is a pure function of the scenario and its index.
 *
 * @param name the Job's name; the ConfigMap and the claim are named after it
 * @param image the nodesim image (its entrypoint runs the CLI jar)
 * @param shards the number of indexes (N in {@code --shard I/N})
 * @param parallelism how many shards run at once
 * @param backoffLimitPerIndex retries of one index
 * @param claim the output claim; null: the manifest creates a ReadWriteMany claim of its own
 */
public record SweepJobManifest(String name, String image, int shards, int parallelism, int backoffLimitPerIndex,
        String claim) {
    /** A ConfigMap's data, all keys together, is at most 1 MiB (the API server's object limit). */
    public static final long CONFIG_MAP_LIMIT = 1024 * 1024;
    public static final String CONTAINER = "nodesim";
    public static final String SCENARIO_MOUNT = "/scenario";
    public static final String OUTPUT_MOUNT = "/out";
    /** Bad input: the exit code whose index is not retried. */
    public static final int BAD_INPUT_EXIT_CODE = 2;
    private static final String CLAIM_SIZE = "1Gi";

    public SweepJobManifest {
        Objects.requireNonNull(name, "name");
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("--image: the nodesim image to run (docker build -t IMAGE . at the "
                    + "repository root makes one)");
        }
        if (shards < 1) {
            throw new IllegalArgumentException("--emit-job takes the number of shards, >= 1, got " + shards);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("--parallelism must be >= 1, got " + parallelism);
        }
        if (backoffLimitPerIndex < 0) {
            throw new IllegalArgumentException("--backoff-limit-per-index must be >= 0, got " + backoffLimitPerIndex);
        }
    }

    /** A Kubernetes object name (DNS-1123 label) from a scenario's name. */
    public static String objectName(String scenarioName) {
        String n = scenarioName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        n = n.length() > 40 ? n.substring(0, 40) : n;
        return ("nodesim-" + n).replaceAll("-+$", "");
    }

    public String configMapName() {
        return name + "-scenario";
    }

    /** The claim the shards write to. */
    public String claimName() {
        return claim != null ? claim : name + "-out";
    }

    /** Where the shards write on the output volume: one folder per Job, so one claim can serve many sweeps. */
    public String outputDir() {
        return OUTPUT_MOUNT + "/" + name;
    }

    /**
     * The objects, in apply order: the claim (unless the user named one), the ConfigMap, the Job.
     *
     * @throws IllegalArgumentException the scenario's files do not fit a ConfigMap
     */
    public List<HasMetadata> objects(ScenarioContent files, SweepIdentity identity) {
        List<HasMetadata> objects = new ArrayList<>();
        if (claim == null) {
            objects.add(claimObject());
        }
        objects.add(configMap(files));
        objects.add(job(files, identity));
        return objects;
    }

    /** The objects as one multi-document YAML file. */
    public String yaml(ScenarioContent files, SweepIdentity identity) {
        YAMLMapper mapper = YAMLMapper.builder().enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .disable(YAMLGenerator.Feature.SPLIT_LINES).enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .build();
        StringBuilder text = new StringBuilder();
        text.append("# nodesim sweep as a Kubernetes Indexed Job: ").append(shards).append(" shards.\n");
        for (String line : nextSteps().split("\n")) {
            text.append("# ").append(line).append('\n');
        }
        try {
            for (HasMetadata o : objects(files, identity)) {
                text.append(mapper.writeValueAsString(o));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the fabric8 model objects always serialize", e);
        }
        return text.toString();
    }

    /** What to do with the file: apply, wait, merge. */
    public String nextSteps() {
        return "kubectl apply -f sweep-job.yaml\n"
                + "kubectl wait --for=condition=complete --timeout=24h job/" + name + "\n"
                + "then, where claim " + claimName() + " is mounted at " + OUTPUT_MOUNT + " (or on a copy of "
                + outputDir() + "):\n"
                + "nodesim sweep merge " + outputDir();
    }

    private PersistentVolumeClaim claimObject() {
        return new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName(claimName()).endMetadata()
                .withNewSpec()
                .withAccessModes("ReadWriteMany")
                .withNewResources().addToRequests("storage", new Quantity(CLAIM_SIZE)).endResources()
                .endSpec()
                .build();
    }

    private ConfigMap configMap(ScenarioContent files) {
        if (files.size() > CONFIG_MAP_LIMIT) {
            throw new IllegalArgumentException("the scenario's files hold " + files.size() + " bytes; a ConfigMap "
                    + "holds at most " + CONFIG_MAP_LIMIT + ": build an image with the scenario in it and run "
                    + "nodesim sweep --shard I/N there instead");
        }
        Map<String, String> data = new LinkedHashMap<>();
        Map<String, String> binary = new LinkedHashMap<>();
        Map<String, String> keys = keys(files);
        files.files().forEach((path, bytes) -> {
            String text = utf8(bytes);
            if (text != null) {
                data.put(keys.get(path), text);
            } else {
                binary.put(keys.get(path), Base64.getEncoder().encodeToString(bytes));
            }
        });
        return new ConfigMapBuilder()
                .withNewMetadata().withName(configMapName()).endMetadata()
                .withData(data)
                .withBinaryData(binary.isEmpty() ? null : binary)
                .build();
    }

    /** ConfigMap keys allow no '/': each file gets a key, and the volume's items put it back in its place. */
    private static Map<String, String> keys(ScenarioContent files) {
        Map<String, String> keys = new LinkedHashMap<>();
        int i = 0;
        for (String path : files.files().keySet()) {
            String base = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^-._a-zA-Z0-9]", "_");
            keys.put(path, "f" + i++ + "-" + base);
        }
        return keys;
    }

    private Job job(ScenarioContent files, SweepIdentity identity) {
        List<String> args = new ArrayList<>();
        args.add("sweep");
        args.add(SCENARIO_MOUNT + "/" + files.scenario());
        for (String token : identity.arguments().tokens()) {
            // the kubelet expands $(VAR) in args; $$ keeps a literal $
            args.add(token.replace("$", "$$"));
        }
        args.addAll(List.of("--shard", "$(JOB_COMPLETION_INDEX)/" + shards, "-o", outputDir()));
        List<KeyToPath> items = new ArrayList<>();
        keys(files).forEach((path, key) -> items.add(new KeyToPath(key, null, path)));
        return new JobBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewSpec()
                .withCompletionMode("Indexed")
                .withCompletions(shards)
                .withParallelism(Math.min(parallelism, shards))
                .withBackoffLimitPerIndex(backoffLimitPerIndex)
                .withNewPodFailurePolicy()
                .addNewRule()
                .withAction("FailIndex")
                .withNewOnExitCodes().withContainerName(CONTAINER).withOperator("In").withValues(BAD_INPUT_EXIT_CODE)
                .endOnExitCodes()
                .endRule()
                .addNewRule()
                .withAction("Ignore")
                .addNewOnPodCondition().withType("DisruptionTarget").withStatus("True").endOnPodCondition()
                .endRule()
                .endPodFailurePolicy()
                .withNewTemplate()
                .withNewSpec()
                .withRestartPolicy("Never")
                .addNewContainer()
                .withName(CONTAINER)
                .withImage(image)
                .withArgs(args)
                .addNewVolumeMount().withName("scenario").withMountPath(SCENARIO_MOUNT).withReadOnly(true)
                .endVolumeMount()
                .addNewVolumeMount().withName("out").withMountPath(OUTPUT_MOUNT).endVolumeMount()
                .endContainer()
                .addNewVolume().withName("scenario")
                .withNewConfigMap().withName(configMapName()).withItems(items).endConfigMap()
                .endVolume()
                .addNewVolume().withName("out")
                .withNewPersistentVolumeClaim().withClaimName(claimName()).endPersistentVolumeClaim()
                .endVolume()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
