package io.nodesim.scenario.parse;

import io.nodesim.kernel.DurationDistribution;
import io.nodesim.scenario.ScenarioSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distribution syntax of DESIGN §2: {@code constant(x)}, {@code uniform(a, b)},
 * {@code exponential(mean)}, {@code normal(mean, sd)}, {@code lognormal(median, sigma)},
 * {@code weibull(shape, scale)}, {@code gamma(shape, scale)}, {@code empirical(file.csv)}.
 * Arguments are durations except the unitless sigma and shapes; a bare duration is read as
 * {@code constant(x)}.
 */
public final class Distributions {
    public static final String SYNTAX = "constant(x), uniform(a, b), exponential(mean), normal(mean, sd), "
            + "lognormal(median, sigma), weibull(shape, scale), gamma(shape, scale) or empirical(file.csv)";

    /** Histograms are expanded into samples; more than this many is surely a mistake. */
    private static final long MAX_SAMPLES = 1_000_000;
    private static final Pattern CALL = Pattern.compile("\\s*([A-Za-z]+)\\s*\\((.*)\\)\\s*");

    private Distributions() {
    }

    /**
     * Parses a distribution; {@code baseDir} resolves {@code empirical} files.
     *
     * @throws IllegalArgumentException with the reason
     */
    public static DurationDistribution parse(String text, Path baseDir) {
        Matcher m = CALL.matcher(text);
        if (!m.matches()) {
            try {
                return DurationDistribution.constant(Durations.parse(text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("expected a distribution: " + SYNTAX + ", got \"" + text + "\"");
            }
        }
        String name = m.group(1);
        String body = m.group(2).trim();
        List<String> args = body.isEmpty() ? List.of() : List.of(body.split("\\s*,\\s*", -1));
        return switch (name) {
            case "constant" -> {
                arity(name, args, 1, "constant(x)");
                yield DurationDistribution.constant(duration(name, args.get(0)));
            }
            case "uniform" -> {
                arity(name, args, 2, "uniform(a, b)");
                yield DurationDistribution.uniform(duration(name, args.get(0)), duration(name, args.get(1)));
            }
            case "exponential" -> {
                arity(name, args, 1, "exponential(mean)");
                yield DurationDistribution.exponential(duration(name, args.get(0)));
            }
            case "normal" -> {
                arity(name, args, 2, "normal(mean, sd)");
                yield DurationDistribution.normal(duration(name, args.get(0)), duration(name, args.get(1)));
            }
            case "lognormal" -> {
                arity(name, args, 2, "lognormal(median, sigma)");
                yield DurationDistribution.lognormal(duration(name, args.get(0)), number(name, args.get(1)));
            }
            case "weibull" -> {
                arity(name, args, 2, "weibull(shape, scale)");
                yield DurationDistribution.weibull(number(name, args.get(0)), duration(name, args.get(1)));
            }
            case "gamma" -> {
                arity(name, args, 2, "gamma(shape, scale)");
                yield DurationDistribution.gamma(number(name, args.get(0)), duration(name, args.get(1)));
            }
            case "empirical" -> {
                arity(name, args, 1, "empirical(file.csv)");
                yield empirical(args.get(0), baseDir);
            }
            default -> throw new IllegalArgumentException("unknown distribution \"" + name + "\""
                    + DidYouMean.hint(name, List.of("constant", "uniform", "exponential", "normal", "lognormal",
                            "weibull", "gamma", "empirical"))
                    + " (allowed: " + SYNTAX + ")");
        };
    }

    private static void arity(String name, List<String> args, int n, String form) {
        if (args.size() != n) {
            throw new IllegalArgumentException(name + " takes " + n + (n == 1 ? " argument" : " arguments")
                    + ": " + form + ", got " + args.size());
        }
    }

    private static long duration(String name, String arg) {
        try {
            return Durations.parse(arg);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }

    private static double number(String name, String arg) {
        try {
            double v = Double.parseDouble(arg);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected a plain number, got \"" + arg + "\"");
        }
    }

    /**
     * A CSV of samples in seconds (one column), or a histogram (value,count). A first line that is
     * not numeric is a header.
     */
    static DurationDistribution empirical(String fileName, Path baseDir) {
        String name = fileName.replaceAll("^[\"']|[\"']$", "");
        Path file = baseDir.resolve(name);
        List<String> lines;
        ScenarioSources.noteRead(file);
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("empirical: file not found: " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("empirical: cannot read " + file + ": " + e.getMessage());
        }
        List<Long> samples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("\\s*,\\s*");
            double value;
            long count = 1;
            try {
                value = Double.parseDouble(cells[0]);
                if (cells.length > 1) {
                    count = Long.parseLong(cells[1]);
                }
            } catch (NumberFormatException e) {
                if (samples.isEmpty() && i == 0) {
                    continue;
                }
                throw new IllegalArgumentException("empirical: " + name + " line " + (i + 1)
                        + ": expected seconds or value,count, got \"" + line + "\"");
            }
            if (!(value >= 0) || !Double.isFinite(value) || count < 0 || cells.length > 2) {
                throw new IllegalArgumentException("empirical: " + name + " line " + (i + 1)
                        + ": expected seconds >= 0 and a count >= 0, got \"" + line + "\"");
            }
            if (samples.size() + count > MAX_SAMPLES) {
                throw new IllegalArgumentException("empirical: " + name + " has more than " + MAX_SAMPLES + " samples");
            }
            long micros = Math.round(value * 1_000_000);
            for (long k = 0; k < count; k++) {
                samples.add(micros);
            }
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("empirical: " + name + " has no samples");
        }
        return DurationDistribution.empirical(name, samples.stream().mapToLong(Long::longValue).toArray());
    }
}
