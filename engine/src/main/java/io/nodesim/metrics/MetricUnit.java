package io.nodesim.metrics;

/** What a metric's samples measure, and so which values they may take. */
public enum MetricUnit {
    /** A duration in seconds: finite, never negative. */
    SECONDS("s"),
    /** How many times something happened: a whole number, never negative. */
    COUNT("count");

    private final String symbol;

    MetricUnit(String symbol) {
        this.symbol = symbol;
    }

    /** The unit as an axis or column label shows it, e.g. {@code s}. */
    public String symbol() {
        return symbol;
    }

    /** Whether {@code sample} is a value of this unit. */
    public boolean admits(double sample) {
        return Double.isFinite(sample) && sample >= 0 && (this == SECONDS || sample == Math.rint(sample));
    }
}
