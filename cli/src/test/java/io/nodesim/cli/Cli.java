package io.nodesim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the nodesim command line in-process and captures what it prints, for the command tests. */
final class Cli {
    record Result(int code, String out, String err) {
    }

    private Cli() {
    }

    /** Through the tree {@code main} builds for these arguments. */
    static Result run(String... args) {
        return run(NodesimCommand.commandLine(args), args);
    }

    static Result run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
