package io.nodesim.scenario.parse;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Kubernetes resource quantities ({@code 500m}, {@code 8Gi}, {@code 110}, {@code 1e3}) through
 * fabric8's {@link Quantity}. fabric8 accepts some strings the API server rejects (it parses
 * "8GB" as 8 with an unknown format), so the text is first checked against the grammar of
 * apimachinery's {@code resource.ParseQuantity}.
 */
public final class QuantitySyntax {
    public static final String SYNTAX = "a Kubernetes quantity such as 500m, 2, 8Gi, 512Mi or 1e3";

    /** apimachinery/pkg/api/resource/quantity.go: sign, digits, optional fraction, suffix. */
    private static final Pattern GRAMMAR = Pattern.compile(
            "[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\\d+)?");

    private QuantitySyntax() {
    }

    /** Parses and checks a non-negative quantity; IllegalArgumentException with the reason. */
    public static Quantity parse(String text) {
        String t = text.trim();
        if (!GRAMMAR.matcher(t).matches()) {
            throw new IllegalArgumentException("expected " + SYNTAX + ", got \"" + text + "\"");
        }
        Quantity q;
        BigDecimal amount;
        try {
            q = Quantity.parse(t);
            amount = Quantity.getAmountInBytes(q);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("expected " + SYNTAX + ", got \"" + text + "\"");
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a quantity must not be negative, got \"" + text + "\"");
        }
        return q;
    }
}
