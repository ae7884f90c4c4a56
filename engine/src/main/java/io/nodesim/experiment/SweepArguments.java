package io.nodesim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The arguments that decide a sweep's tasks and table, besides the scenario's content: the
 * {@code --set} overrides, what is varied, and the replications per point. Not the threads, the
 * shard or the output folder, which change where and how fast the tasks run, not their results.
 * Written as command-line tokens ({@link #tokens}) into the parts of a sharded sweep and beside a
 * resumable sweep.csv, and read back ({@link #parse}) by a merge.
 *
 * @param sets the {@code --set PATH=VALUE} overrides, in order
 * @param spec what is varied, from the options or the scenario's {@code sweep:} section
 * @param replications replications per point; 0: each point's scenario's own number
 */
public record SweepArguments(List<String> sets, SweepSpec spec, int replications) {
    public SweepArguments {
        sets = List.copyOf(sets);
        Objects.requireNonNull(spec, "spec");
        if (replications < 0) {
            throw new IllegalArgumentException("--replications must be >= 1, got " + replications);
        }
    }

    /** The arguments as options, in a fixed order: what the varied section came from does not matter. */
    public List<String> tokens() {
        List<String> t = new ArrayList<>();
        sets.forEach(s -> add(t, "--set", s));
        spec.vary().forEach(v -> add(t, "--vary", v.path() + "=" + String.join(",", v.values())));
        spec.lhs().forEach(r -> add(t, "--lhs", r.path() + "=" + r.low() + ".." + r.high()));
        if (spec.samples() > 0) {
            add(t, "--samples", Integer.toString(spec.samples()));
        }
        if (replications > 0) {
            add(t, "--replications", Integer.toString(replications));
        }
        return t;
    }

    /** The tokens of {@link #tokens}, read back. */
    public static SweepArguments parse(List<String> tokens) {
        List<String> sets = new ArrayList<>();
        List<String> vary = new ArrayList<>();
        List<String> lhs = new ArrayList<>();
        int samples = 0;
        int replications = 0;
        if (tokens.size() % 2 != 0) {
            throw new IllegalArgumentException("sweep arguments come in option-value pairs: " + tokens);
        }
        for (int i = 0; i < tokens.size(); i += 2) {
            String value = tokens.get(i + 1);
            switch (tokens.get(i)) {
                case "--set" -> sets.add(value);
                case "--vary" -> vary.add(value);
                case "--lhs" -> lhs.add(value);
                case "--samples" -> samples = Integer.parseInt(value);
                case "--replications" -> replications = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("not a sweep argument: " + tokens.get(i));
            }
        }
        return new SweepArguments(sets, SweepSpec.parse(vary, lhs, samples), replications);
    }

    /** The tokens as one line, for messages. */
    @Override
    public String toString() {
        return String.join(" ", tokens());
    }

    private static void add(List<String> tokens, String option, String value) {
        tokens.add(option);
        tokens.add(value);
    }
}
