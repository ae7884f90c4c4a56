package io.nodesim.metrics;

/** What a metric's samples measure, and so which values they may take. */
public enum MetricUnit {
    /** A duration in seconds: finite, never negative. */
    SECONDS("s", 3),
    /** How many times something happened: a whole number, never negative. */
    COUNT("count", 3),
    /** A share of the run, e.g. availability: from 0 to 1. */
    FRACTION("fraction", 6);

    private final String symbol;
    private final int decimals;

    MetricUnit(String symbol, int decimals) {
        this.symbol = symbol;
        this.decimals = decimals;
    }

    /**
     * Decimals a statistic of this unit is written with: milliseconds for times; six for a fraction,
     * because availability lives in its nines (0.9995 and 0.99995 must not both print as 1.000).
     */
    public int decimals() {
        return decimals;
    }

    /** The unit as an axis or column label shows it, e.g. {@code s}. */
    public String symbol() {
        return symbol;
    }

    /** Whether {@code sample} is a value of this unit. */
    public boolean admits(double sample) {
        return Double.isFinite(sample) && sample >= 0 && switch (this) {
            case SECONDS -> true;
            case COUNT -> sample == Math.rint(sample);
            case FRACTION -> sample <= 1;
        };
    }
}
