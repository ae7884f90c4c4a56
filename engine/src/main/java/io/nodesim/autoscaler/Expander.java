package io.nodesim.autoscaler;

import java.util.List;

/**
 * An expander filter ({@code expander/expander.go} {@code Filter}): keeps the best of the scale-up
 * options by its rule, several when they tie. The {@code expander} flag chains them
 * ({@link Expanders}); what is left after the chain is chosen at random.
 */
interface Expander {
    /** The name the {@code --expander} flag knows it by. */
    String name();

    /** The best options, in their order; empty when none qualifies. */
    List<ExpansionOption> bestOptions(List<ExpansionOption> options);
}
