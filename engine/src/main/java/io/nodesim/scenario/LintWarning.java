package io.nodesim.scenario;

/**
 * A setting that loads but probably does not do what its author wants.
 *
 * @param path the setting, below {@code spec}
 * @param message what is wrong and why it matters
 */
public record LintWarning(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
