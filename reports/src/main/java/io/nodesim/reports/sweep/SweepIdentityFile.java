package io.nodesim.reports.sweep;

import io.nodesim.experiment.SweepArguments;
import io.nodesim.experiment.SweepIdentity;
import io.nodesim.metrics.Rfc4180;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SweepIdentity} as CSV lines, in {@value SweepCsvFile#IDENTITY_NAME} and at the head of
 * every part of a sharded sweep:
 * <pre>
 * scenario_sha256,3f9a…
 * arguments,--set,seed=3,--vary,kubeControllerManager.node-monitor-grace-period=20s,40s
 * </pre>
 * The arguments are one cell per command-line token, so a user can read (and paste) them.
 */
final class SweepIdentityFile {
    static final String SCENARIO_SHA256 = "scenario_sha256";
    static final String ARGUMENTS = "arguments";

    private SweepIdentityFile() {
    }

    static List<String> lines(SweepIdentity identity) {
        List<String> arguments = new ArrayList<>();
        arguments.add(ARGUMENTS);
        arguments.addAll(identity.arguments().tokens());
        return List.of(Rfc4180.line(List.of(SCENARIO_SHA256, identity.scenarioSha256())), Rfc4180.line(arguments));
    }

    static String text(SweepIdentity identity) {
        StringBuilder b = new StringBuilder();
        lines(identity).forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }

    /**
     * Reads the two lines of {@link #lines}.
     *
     * @throws IllegalArgumentException they are not such lines
     */
    static SweepIdentity parse(List<String> lines) {
        if (lines.size() < 2) {
            throw new IllegalArgumentException("expected the lines " + SCENARIO_SHA256 + " and " + ARGUMENTS);
        }
        List<String> hash = Rfc4180.cells(lines.get(0));
        List<String> arguments = Rfc4180.cells(lines.get(1));
        if (hash.size() != 2 || !hash.get(0).equals(SCENARIO_SHA256) || !hash.get(1).matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("expected " + SCENARIO_SHA256 + ",<64 hex digits>, got " + lines.get(0));
        }
        if (arguments.isEmpty() || !arguments.get(0).equals(ARGUMENTS)) {
            throw new IllegalArgumentException("expected " + ARGUMENTS + ",<tokens>, got " + lines.get(1));
        }
        return new SweepIdentity(hash.get(1), SweepArguments.parse(arguments.subList(1, arguments.size())));
    }
}
