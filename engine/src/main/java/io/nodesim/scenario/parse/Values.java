package io.nodesim.scenario.parse;

import io.fabric8.kubernetes.api.model.Quantity;
import io.nodesim.kernel.DurationDistribution;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.parse.YNode.YList;
import io.nodesim.scenario.parse.YNode.YMap;
import io.nodesim.scenario.parse.YNode.YScalar;
import java.math.BigDecimal;
import java.nio.file.Path;

/** Typed reading of one YAML value; every failure names the value's position and path. */
public final class Values {
    private Values() {
    }

    public static YMap map(YNode n, String path) {
        if (n instanceof YMap m) {
            return m;
        }
        throw n.loc().error(path, "expected a mapping (key: value lines), got " + n.describe());
    }

    public static YList list(YNode n, String path) {
        if (n instanceof YList l) {
            return l;
        }
        throw n.loc().error(path, "expected a list (\"- \" items), got " + n.describe());
    }

    public static YScalar scalar(YNode n, String path, String expected) {
        if (n instanceof YScalar s && s.kind() != YScalar.Kind.NULL) {
            return s;
        }
        throw n.loc().error(path, "expected " + expected + ", got " + n.describe());
    }

    public static String string(YNode n, String path) {
        YScalar s = scalar(n, path, "a string");
        if (s.text().isBlank()) {
            throw n.loc().error(path, "expected a non-empty string");
        }
        return s.text();
    }

    public static long duration(YNode n, String path) {
        YScalar s = scalar(n, path, Durations.SYNTAX);
        if (s.kind() == YScalar.Kind.INTEGER && !s.text().equals("0")) {
            throw n.loc().error(path, "expected " + Durations.SYNTAX + ", got the number " + s.text()
                    + " (a duration needs a unit, e.g. " + s.text() + "s)");
        }
        try {
            return Durations.parse(s.text());
        } catch (IllegalArgumentException e) {
            throw n.loc().error(path, e.getMessage());
        }
    }

    public static long integer(YNode n, String path, long min, long max) {
        YScalar s = scalar(n, path, "an integer");
        long v;
        try {
            if (s.kind() == YScalar.Kind.BOOLEAN) {
                throw new NumberFormatException();
            }
            v = new BigDecimal(s.text().trim()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw n.loc().error(path, "expected an integer, got " + s.describe());
        }
        if (v < min || v > max) {
            throw n.loc().error(path, "expected an integer " + range(min, max) + ", got " + v);
        }
        return v;
    }

    public static double number(YNode n, String path, double min, double max) {
        YScalar s = scalar(n, path, "a number");
        double v;
        try {
            if (s.kind() == YScalar.Kind.BOOLEAN) {
                throw new NumberFormatException();
            }
            v = Double.parseDouble(s.text().trim());
        } catch (NumberFormatException e) {
            throw n.loc().error(path, "expected a number, got " + s.describe());
        }
        if (!(v >= min && v <= max)) {
            throw n.loc().error(path, "expected a number " + range(min, max) + ", got " + s.text());
        }
        return v;
    }

    public static boolean bool(YNode n, String path) {
        YScalar s = scalar(n, path, "true or false");
        String t = s.text().trim();
        if (t.equals("true") || t.equals("false")) {
            return Boolean.parseBoolean(t);
        }
        throw n.loc().error(path, "expected true or false, got " + s.describe());
    }

    public static Quantity quantity(YNode n, String path) {
        YScalar s = scalar(n, path, QuantitySyntax.SYNTAX);
        try {
            return QuantitySyntax.parse(s.text());
        } catch (IllegalArgumentException e) {
            throw n.loc().error(path, e.getMessage());
        }
    }

    public static DurationDistribution distribution(YNode n, String path, Path baseDir) {
        YScalar s = scalar(n, path, "a distribution: " + Distributions.SYNTAX);
        try {
            return Distributions.parse(s.text(), baseDir);
        } catch (IllegalArgumentException e) {
            throw n.loc().error(path, e.getMessage());
        }
    }

    private static String range(double min, double max) {
        boolean noMax = max == Long.MAX_VALUE || max == Double.MAX_VALUE || max == Integer.MAX_VALUE;
        if (noMax) {
            return ">= " + fmt(min);
        }
        return "in [" + fmt(min) + ", " + fmt(max) + "]";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** An unknown key: the message lists what is allowed and suggests the closest. */
    public static ScenarioException unknownField(YMap map, String key, String path, java.util.Collection<String> allowed) {
        Loc at = map.keys().getOrDefault(key, map.loc());
        return at.error(path, "unknown field \"" + key + "\"" + DidYouMean.hint(key, allowed)
                + " (allowed here: " + String.join(", ", allowed) + ")");
    }
}
