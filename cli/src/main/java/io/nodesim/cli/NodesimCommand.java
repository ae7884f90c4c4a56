package io.nodesim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code nodesim} command: the only place that touches argv, stdout and exit codes.
 * Exit codes: 0 success, 1 the simulation ran but a run-time check failed, 2 bad input, 3 a bug in
 * nodesim (an exception no command expected; printed with its stack trace so it is not mistaken for
 * the user's mistake).
 */
@Command(name = "nodesim",
        mixinStandardHelpOptions = true,
        versionProvider = NodesimCommand.Version.class,
        description = "Simulates how a Kubernetes cluster detects a dead node and gets its pods running again.",
        subcommands = {RunCommand.class, SweepCommand.class, ScheduleCommand.class, ValidateCommand.class, ImportCommand.class,
            ExplainCommand.class, WhyCommand.class, TuneCommand.class, CdsTrainingCommand.class,
            CommandLine.HelpCommand.class})
public final class NodesimCommand implements Runnable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_CHECK_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_INTERNAL_ERROR = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new NodesimCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("nodesim: internal error, a bug in nodesim rather than in the input; please report it "
                    + "with this trace and the scenario:");
            ex.printStackTrace(err);
            err.flush();
            return EXIT_INTERNAL_ERROR;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("nodesim: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'nodesim " + ex.getCommandLine().getCommandName()
                    .replace("nodesim", "").trim() + " --help'.".replace("  ", " "));
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Reads the version Maven filtered into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = NodesimCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"nodesim " + p.getProperty("version", "unknown")
                    + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
