package io.nodesim.cli;

import io.nodesim.cli.job.SweepJobManifest;
import io.nodesim.experiment.SweepIdentity;
import io.nodesim.reports.files.OutputFolder;
import io.nodesim.scenario.ScenarioSources;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code nodesim sweep ... --emit-job N --image IMAGE}: writes {@code sweep-job.yaml} ({@link SweepJobManifest}). */
final class SweepJobOptions {
    static final String FILE_NAME = "sweep-job.yaml";

    @Option(names = "--emit-job", required = true, paramLabel = "N",
            description = "Write DIR/sweep-job.yaml: a Kubernetes Indexed Job running the sweep in N shards.")
    int shards;

    @Option(names = "--image", required = true, paramLabel = "IMAGE",
            description = "The nodesim image the Job runs (built from the Dockerfile at the repository root).")
    String image;

    @Option(names = "--parallelism", paramLabel = "P", description = "Shards running at once (default: N).")
    Integer parallelism;

    @Option(names = "--claim", paramLabel = "NAME",
            description = "An existing volume claim for the outputs (default: the manifest creates a ReadWriteMany claim).")
    String claim;

    @Option(names = "--backoff-limit-per-index", paramLabel = "K", defaultValue = "3",
            description = "Retries of one shard (default: ${DEFAULT-VALUE}); bad input (exit 2) is never retried.")
    int backoffLimitPerIndex;

    int emit(Path dir, ScenarioSources.Loaded loaded, SweepIdentity identity, PrintWriter out, PrintWriter err)
            throws Exception {
        String yaml;
        SweepJobManifest manifest;
        try {
            manifest = new SweepJobManifest(SweepJobManifest.objectName(loaded.scenario().name()), image, shards,
                    parallelism != null ? parallelism : shards, backoffLimitPerIndex, claim);
            yaml = manifest.yaml(loaded.files(), identity);
        } catch (IllegalArgumentException e) {
            err.println("nodesim sweep: " + e.getMessage());
            return NodesimCommand.EXIT_BAD_INPUT;
        }
        Path file = new OutputFolder(dir).writeText(FILE_NAME, w -> w.write(yaml));
        out.println("Wrote " + file + ": job/" + manifest.name() + ", " + shards + " shards. Next:");
        out.println(manifest.nextSteps().replace("sweep-job.yaml", file.toString()));
        return NodesimCommand.EXIT_OK;
    }
}
