package io.nodesim.importer.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a component's flags from its container's {@code command} and {@code args} as pflag does
 * ({@code k8s.io/component-base/cli/flag}, {@code spf13/pflag} {@code parseLongArg} / {@code parseShortArg}):
 * {@code --name=value}, {@code --name value}, a boolean flag alone ({@code --leader-elect} means true,
 * and only {@code --leader-elect=false} gives it a value), the short {@code -v=2} / {@code -v 2}, and
 * {@code --} ending the flags. The components take no positional arguments (cobra {@code Args} rejects
 * them), so any other token is bad input, as is a flag that is not in the component's list. A name is read
 * as {@code cliflag.WordSepNormalizeFunc} reads it ({@code k8s.io/component-base/cli/run.go} sets it on every
 * component's command): {@code _} is {@code -}, so {@code --concurrent_rc_syncs} is {@code --concurrent-rc-syncs}.
 */
final class CommandLine {
    private CommandLine() {
    }

    /** One argument with where it was read. */
    record Argument(String text, Provenance from) {
    }

    static List<Flag> parse(Component component, List<Argument> arguments) {
        FlagCatalog catalog = FlagCatalog.of(component);
        List<Flag> flags = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            Argument a = arguments.get(i);
            String t = a.text();
            if (t.equals("--")) {
                if (i + 1 < arguments.size()) {
                    throw arguments.get(i + 1).from().error(component.binary() + " takes no arguments, got \""
                            + arguments.get(i + 1).text() + "\"");
                }
                break;
            }
            if (!t.startsWith("-") || t.equals("-")) {
                throw a.from().error(component.binary() + " takes no arguments, got \"" + t
                        + "\" (a flag starts with --; is the value of the previous flag separated by a space "
                        + "from a flag that takes none?)");
            }
            String body = t.startsWith("--") ? t.substring(2) : t.substring(1);
            int eq = body.indexOf('=');
            String given = eq < 0 ? body : body.substring(0, eq);
            String name = FlagCatalog.normalized(given);
            if (!catalog.known(name)) {
                throw a.from().error("--" + given + " is not a flag of " + component.binary()
                        + " (flag list: " + catalog.size() + " flags of releases 1.12 to 1.36, "
                        + component.binary() + ".flags)");
            }
            String value;
            if (eq >= 0) {
                value = body.substring(eq + 1);
            } else if (catalog.takesNoSeparateValue(name)) {
                value = "true";
            } else if (i + 1 < arguments.size()) {
                value = arguments.get(++i).text();
            } else {
                throw a.from().error("flag needs an argument: --" + name);
            }
            flags.add(new Flag(component, name, value, a.from()));
        }
        return flags;
    }
}
