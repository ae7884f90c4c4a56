package io.nodesim.cli;

import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which JIT a single run gets. {@code ./nodesim run} starts the JVM with C1 alone: most runs simulate
 * for seconds, and tiered compilation spends them running profiled code while its C2 thread compiles
 * beside the run (the large zone outage: 4.2 s wall and 4.7 s CPU with C1, 4.6–6.7 s and 7.5–11 s
 * tiered). A long run pays C2 back many times (a simulated year of 1,000 nodes: 15.6 s tiered, 24.4 s
 * with C1), so once the scenario is read and it is one long replication, the run starts again in a
 * tiered JVM that the launcher describes in {@value #ENV} (one word a line: the java command, its
 * options, {@code -jar} and the jar) and this one only waits for it. Without that variable (a plain
 * {@code java -jar}, or {@code NODESIM_JAVA_OPTS} set) the run stays where it is.
 */
final class TieredRelaunch {
    static final String ENV = "NODESIM_TIERED_JVM";
    /** Set in the relaunched run: the process id of the one that waits for it. */
    static final String PARENT_ENV = "NODESIM_RELAUNCHED_BY";
    /** Nodes × simulated hours of one replication from which C2 pays back (measured: between 0.1 M and 8.8 M). */
    static final long LONG_RUN_NODE_HOURS = 1_000_000;

    private final List<String> jvm;

    private TieredRelaunch(List<String> jvm) {
        this.jvm = jvm;
    }

    /**
     * The tiered JVM to start {@code scenario}'s run in, or null to run it here; {@code addsReplications}
     * (a run to a precision) may go on to fill every core with replications, which C1 does better.
     */
    static TieredRelaunch forRun(Scenario scenario, boolean addsReplications, Map<String, String> env) {
        String command = env.get(ENV);
        if (command == null || command.isBlank() || scenario.replications() > 1 || addsReplications
                || nodeHours(scenario) < LONG_RUN_NODE_HOURS) {
            return null;
        }
        return new TieredRelaunch(List.of(command.split("\n")));
    }

    /**
     * In a relaunched run: stops it as Ctrl-C would if the process waiting for it dies without passing
     * a signal on (killed outright), so that no run goes on writing with nobody waiting.
     */
    static void stopWithParent(Map<String, String> env) {
        String parent = env.get(PARENT_ENV);
        if (parent == null) {
            return;
        }
        try {
            ProcessHandle.of(Long.parseLong(parent.trim())).ifPresentOrElse(
                    p -> p.onExit().thenRun(() -> System.exit(SweepCommand.EXIT_INTERRUPTED)),
                    () -> System.exit(SweepCommand.EXIT_INTERRUPTED));
        } catch (NumberFormatException notAPid) {
            // not set by a relaunch: nothing to watch
        }
    }

    static long nodeHours(Scenario scenario) {
        return (long) scenario.nodeCount() * Math.max(1, scenario.duration() / SimTime.HOUR);
    }

    /**
     * Runs the same command line in the tiered JVM, its input and output this process's, and returns
     * its exit code. Ctrl-C reaches both processes; a SIGTERM sent to this one alone is passed on. Either
     * way the run stops as any run does (CtrlC) and this process waits for it.
     */
    int run(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(jvm);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().remove(ENV);
        builder.environment().put(PARENT_ENV, Long.toString(ProcessHandle.current().pid()));
        Process run = builder.start();
        return CtrlC.interruptible(() -> {
            try {
                return run.waitFor();
            } catch (InterruptedException e) {
                run.destroy();
                while (true) {
                    try {
                        return run.waitFor();
                    } catch (InterruptedException again) {
                        // already stopping it: wait on
                    }
                }
            }
        });
    }
}
