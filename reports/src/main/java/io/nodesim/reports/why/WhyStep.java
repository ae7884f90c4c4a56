package io.nodesim.reports.why;

import io.nodesim.kernel.SimTime;

/**
 * One line of a pod's causal chain.
 *
 * @param time when it happened; {@link SimTime#NEVER} for a step that did not happen
 * @param rule the rule that acted (or would have), e.g. {@code crash}, {@code Unknown}, {@code toleration}
 * @param text what happened, or why it did not
 */
public record WhyStep(long time, String rule, String text) {
    public boolean happened() {
        return time != SimTime.NEVER;
    }

    /** {@code   110.860  Unknown       text}, or {@code       not  deletion      reason}. */
    public String line() {
        String t = happened() ? SimTime.formatSeconds(time) : "not";
        return String.format("%12s  %-16s %s", t, rule, text);
    }
}
