package io.nodesim.cli;

import io.nodesim.reports.html.SweepReport;
import io.nodesim.reports.sweep.SweepMerge;
import io.nodesim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nodesim sweep merge DIR}: the shards' parts into the one-machine sweep's outputs ({@link SweepMerge}). */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Checks that DIR/parts holds every shard of one sweep, whole, and writes DIR/sweep.csv "
                + "(the bytes the one-machine sweep writes), the charts and sweep.html."})
final class SweepMergeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The sweep's output folder (the shards' -o).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Path> written;
        try {
            written = SweepMerge.merge(dir);
        } catch (SweepMerge.RefusedException | ScenarioException e) {
            spec.commandLine().getErr().println("nodesim sweep merge: " + e.getMessage());
            return NodesimCommand.EXIT_BAD_INPUT;
        }
        spec.commandLine().getOut().println("Wrote " + written.size() + " files to " + dir + " (open " + dir.resolve(SweepReport.FILE_NAME)
                + ")");
        return NodesimCommand.EXIT_OK;
    }
}
