package io.nodesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code main} builds only the subcommand its arguments name; what the user sees must not change. */
class SubcommandTreeTest {
    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Class<?> c : NodesimCommand.SUBCOMMANDS) {
            names.add(c.getAnnotation(Command.class).name());
        }
        return names;
    }

    private static void sameAsWithTheWholeTree(String... args) {
        Cli.Result whole = Cli.run(NodesimCommand.commandLine(), args);
        Cli.Result asMainBuildsIt = Cli.run(args);
        assertEquals(whole, asMainBuildsIt, String.join(" ", args));
    }

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        for (String name : names()) {
            if (name.equals("help")) {
                continue;
            }
            CommandLine cl = NodesimCommand.commandLine(new String[] {name, "--help"});
            assertEquals(List.of(name), List.copyOf(cl.getSubcommands().keySet()), name);
        }
    }

    @Test
    void anythingElseGetsTheWholeTree() {
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"help", "run"},
                new String[] {"rnu"}, new String[] {"--version"})) {
            assertEquals(names(), List.copyOf(NodesimCommand.commandLine(args).getSubcommands().keySet()));
        }
    }

    @Test
    void helpUsageAndMistakesReadTheSame() {
        for (String name : names()) {
            sameAsWithTheWholeTree(name, "--help");
        }
        sameAsWithTheWholeTree();
        sameAsWithTheWholeTree("--help");
        sameAsWithTheWholeTree("help", "sweep");
        sameAsWithTheWholeTree("rnu", "x.yaml");
        sameAsWithTheWholeTree("run");
        sameAsWithTheWholeTree("run", "--bogus", "x.yaml");
        sameAsWithTheWholeTree("sweep", "merge", "--help");
        sameAsWithTheWholeTree("validate", "no-such-file.yaml");
    }

    @Test
    void aMistakePointsAtTheHelpOfTheCommandItWasMadeIn() {
        Cli.Result top = Cli.run("rnu");
        assertEquals(NodesimCommand.EXIT_BAD_INPUT, top.code());
        assertTrue(top.err().endsWith("Try 'nodesim --help'." + System.lineSeparator()), top.err());
        Cli.Result run = Cli.run("run", "--bogus", "x.yaml");
        assertEquals(NodesimCommand.EXIT_BAD_INPUT, run.code());
        assertTrue(run.err().endsWith("Try 'nodesim run --help'." + System.lineSeparator()), run.err());
        Cli.Result merge = Cli.run("sweep", "merge", "--bogus");
        assertTrue(merge.err().endsWith("Try 'nodesim sweep merge --help'." + System.lineSeparator()), merge.err());
    }
}
