package io.nodesim.scheduler;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Kubernetes quantities as the scheduler's integers: cpu in millicores, everything else in whole
 * units. Both round up, as {@code resource.Quantity.MilliValue()} / {@code Value()} do.
 */
public final class Quantities {
    private Quantities() {
    }

    public static long milli(Quantity q) {
        return Quantity.getAmountInBytes(q).multiply(BigDecimal.valueOf(1000)).setScale(0, RoundingMode.CEILING)
                .longValueExact();
    }

    public static long value(Quantity q) {
        return Quantity.getAmountInBytes(q).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** A resource's amount in the scheduler's unit: millicores for cpu, units otherwise. */
    public static long of(String resource, Quantity q) {
        return "cpu".equals(resource) ? milli(q) : value(q);
    }
}
