package io.nodesim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
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
        description = "Simulates how a Kubernetes cluster detects a dead node and gets its pods running again.")
public final class NodesimCommand implements Runnable {
    /** The subcommands, in the order the usage lists them: a new command is one more class here. */
    static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, SweepCommand.class, ScheduleCommand.class,
            ValidateCommand.class, ImportCommand.class, ExplainCommand.class, WhyCommand.class, TuneCommand.class,
            CdsTrainingCommand.class, CommandLine.HelpCommand.class);

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

    /** The whole command tree: what the usage, {@code help} and a mistyped command's suggestions need. */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS);
    }

    /**
     * The tree {@code args} needs: only the subcommand they name when they name one. picocli reads
     * every option of every command it is given by reflection, in code the JVM has not compiled yet;
     * leaving out the commands a run does not use saves each start tens of milliseconds
     * (benchmarks/README.md). What it parses, prints and returns is the same as with the whole tree.
     */
    static CommandLine commandLine(String[] args) {
        if (args.length > 0) {
            for (Class<?> c : SUBCOMMANDS) {
                if (c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(args[0])) {
                    return commandLine(List.of(c));
                }
            }
        }
        return commandLine();
    }

    private static CommandLine commandLine(List<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new NodesimCommand());
        for (Class<?> c : subcommands) {
            cl.addSubcommand(c);
        }
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
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help'.");
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
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
