package io.nodesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/** A bug in nodesim is reported as one, never as the user's bad input (exit 2). */
class InternalErrorTest {
    @CommandLine.Command(name = "crash")
    static final class Crash implements Callable<Integer> {
        @Override
        public Integer call() {
            // an engine bug reached by a command: the loader handed a null override list
            return ScenarioLoader.load(Path.of("..", "scenarios", "single-node-crash.yaml"), null).replications();
        }
    }

    @Test
    void theLoader_letsAnEngineBugThrough_ratherThanCallingTheScenarioInvalid() {
        assertThrows(NullPointerException.class,
                () -> ScenarioLoader.load(Path.of("..", "scenarios", "single-node-crash.yaml"), null));
    }

    @Test
    void anUnexpectedException_exits3_withAnInternalErrorMessageAndStackTrace() {
        CommandLine cl = NodesimCommand.commandLine().addSubcommand(new Crash());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("crash");
        assertEquals(NodesimCommand.EXIT_INTERNAL_ERROR, code, err.toString());
        assertTrue(err.toString().startsWith("nodesim: internal error, a bug in nodesim"), err.toString());
        assertTrue(err.toString().contains("java.lang.NullPointerException"), err.toString());
        assertTrue(err.toString().contains("\tat io.nodesim."), "the stack trace is printed: " + err);
    }

    @Test
    void badInput_stillExits2() {
        Cli.Result r = Cli.run("validate", "--set", "seed=oops", Path.of("..", "scenarios", "single-node-crash.yaml").toString());
        assertEquals(NodesimCommand.EXIT_BAD_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("seed: expected an integer"), r.err());
    }
}
