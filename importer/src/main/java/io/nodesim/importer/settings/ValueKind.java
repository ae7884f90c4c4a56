package io.nodesim.importer.settings;

import io.nodesim.scenario.parse.Durations;
import java.util.Locale;

/**
 * The value syntaxes of the modelled settings, as the components parse them (pflag and metav1.Duration)
 * and as the scenario writes them. Each conversion throws IllegalArgumentException with the reason.
 */
public enum ValueKind {
    /** Go {@code time.ParseDuration}; written back the way Go prints it ({@code 5m0s}). */
    DURATION {
        @Override
        Object parse(String text) {
            return Durations.format(Durations.parse(text));
        }
    },
    /** pflag float64. */
    NUMBER {
        @Override
        Object parse(String text) {
            try {
                double v = Double.parseDouble(text.trim());
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a number, got \"" + text + "\"");
            }
        }
    },
    /** pflag int / int32 (decimal). */
    INTEGER {
        @Override
        Object parse(String text) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected an integer, got \"" + text + "\"");
            }
        }
    },
    /** Go {@code strconv.ParseBool}, which pflag uses: 1, t, T, TRUE, true, True and their false forms. */
    BOOLEAN {
        @Override
        Object parse(String text) {
            return switch (text) {
                case "1", "t", "T", "TRUE", "true", "True" -> Boolean.TRUE;
                case "0", "f", "F", "FALSE", "false", "False" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("expected a boolean (true or false), got \"" + text + "\"");
            };
        }
    };

    /** The scenario scalar (String, Long, Double or Boolean) for a value as the cluster holds it. */
    abstract Object parse(String text);

    String describe() {
        return name().toLowerCase(Locale.ROOT);
    }
}
