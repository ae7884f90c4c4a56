package io.nodesim.experiment;

import io.nodesim.kernel.RandomStreams;
import io.nodesim.scenario.ScenarioException;
import io.nodesim.scenario.ScenarioLoader;
import io.nodesim.scenario.SweepSection;
import io.nodesim.scenario.parse.Loc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * What a sweep varies: full-grid axes ({@code --vary}), Latin hypercube ranges ({@code --lhs}) and
 * the number of hypercube samples. From the command line ({@link #parse}) or from the scenario file's
 * {@code sweep:} section ({@link #of}):
 * <pre>
 * sweep:
 *   vary:
 *     kubeControllerManager.node-monitor-grace-period: [20s, 40s, 50s]
 *     kubeApiServer.default-unreachable-toleration-seconds: [30, 60, 300]
 *   lhs:
 *     kubeControllerManager.node-eviction-rate: 0.01..0.5
 *   samples: 20
 * </pre>
 *
 * <p>The points ({@link #design}): the grid is the Cartesian product of the axes in the order given,
 * the last axis varying fastest; with ranges, each grid point is crossed with the same
 * {@code samples} hypercube points. Columns: the axes, then the ranges.
 *
 * @param samples the number of Latin hypercube points; 0 exactly when there are no ranges
 */
public record SweepSpec(List<Vary> vary, List<LhsRange> lhs, int samples) {
    /** The stream the hypercube is drawn from, derived from the scenario seed like any other stream. */
    static final String LHS_STREAM = "experiment.lhs";

    public SweepSpec {
        vary = List.copyOf(vary);
        lhs = List.copyOf(lhs);
        if (vary.isEmpty() && lhs.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one --vary PATH=V1,V2,... or --lhs PATH=LOW..HIGH");
        }
        if (lhs.isEmpty() != (samples == 0)) {
            throw new IllegalArgumentException(lhs.isEmpty()
                    ? "a number of samples applies to --lhs ranges, and there are none"
                    : "--lhs ranges need a number of samples (--samples N, sweep.samples) >= 1, got " + samples);
        }
        Set<String> paths = new HashSet<>();
        for (String p : parameters(vary, lhs)) {
            if (!paths.add(p)) {
                throw new IllegalArgumentException("the sweep varies " + p + " twice");
            }
        }
    }

    /** From {@code --vary} and {@code --lhs} options as typed. */
    public static SweepSpec parse(List<String> varyOptions, List<String> lhsOptions, int samples) {
        return new SweepSpec(varyOptions.stream().map(Vary::parse).toList(),
                lhsOptions.stream().map(LhsRange::parse).toList(), samples);
    }

    /**
     * From the scenario file's {@code sweep:} section, as the scenario loader read it. A value the
     * sweep cannot use (an empty range, a range of a number and a duration, a setting varied twice)
     * is reported at its line and column in the file.
     *
     * @throws ScenarioException naming the file position of the bad entry
     */
    public static SweepSpec of(SweepSection section) {
        List<Vary> vary = new ArrayList<>();
        for (SweepSection.Axis a : section.vary()) {
            vary.add(at(a.at(), "sweep.vary." + a.path(), () -> new Vary(a.path(), a.values())));
        }
        List<LhsRange> lhs = new ArrayList<>();
        for (SweepSection.Range r : section.lhs()) {
            lhs.add(at(r.at(), "sweep.lhs." + r.path(), () -> new LhsRange(r.path(), r.low(), r.high())));
        }
        Loc last = !section.lhs().isEmpty() ? section.lhs().get(section.lhs().size() - 1).at()
                : section.vary().get(section.vary().size() - 1).at();
        return at(last, "sweep", () -> new SweepSpec(vary, lhs, section.samples()));
    }

    /**
     * From the options, or, when there are none, from the scenario file's {@code sweep:} section.
     *
     * @throws IllegalArgumentException neither gives anything to sweep, or an option is malformed
     * @throws ScenarioException the file's section is malformed
     */
    public static SweepSpec fromOptionsOrFile(List<String> varyOptions, List<String> lhsOptions, int samples,
            Path scenarioFile) {
        if (!varyOptions.isEmpty() || !lhsOptions.isEmpty()) {
            return parse(varyOptions, lhsOptions, samples);
        }
        return ScenarioLoader.sweepSection(scenarioFile).map(SweepSpec::of).orElseThrow(() ->
                new IllegalArgumentException("nothing to sweep: give --vary PATH=V1,V2,... or --lhs PATH=LOW..HIGH,"
                        + " or a sweep: section in " + scenarioFile));
    }

    private static <T> T at(Loc loc, String path, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw loc.error(path, e.getMessage());
        }
    }

    /** The column names of the varied settings, in column order. */
    public List<String> parameters() {
        return parameters(vary, lhs);
    }

    /** Every point, in row order; the hypercube is drawn from {@code seed} (the scenario's). */
    public List<SweepPoint> design(long seed) {
        String[][] hypercube = hypercube(new RandomStreams(seed, 0).stream(LHS_STREAM));
        List<SweepPoint> points = new ArrayList<>();
        int gridSize = 1;
        for (Vary v : vary) {
            gridSize = Math.multiplyExact(gridSize, v.values().size());
        }
        for (int g = 0; g < gridSize; g++) {
            List<String> grid = new ArrayList<>(vary.size());
            int rest = g;
            for (int a = vary.size() - 1; a >= 0; a--) {
                List<String> values = vary.get(a).values();
                grid.add(0, values.get(rest % values.size()));
                rest /= values.size();
            }
            for (int i = 0; i < Math.max(1, samples); i++) {
                List<String> values = new ArrayList<>(grid);
                for (int d = 0; d < lhs.size(); d++) {
                    values.add(hypercube[d][i]);
                }
                points.add(new SweepPoint(points.size(), values));
            }
        }
        return points;
    }

    /**
     * McKay's Latin hypercube: each range is cut into {@code samples} equal strata, each stratum is
     * used by exactly one point, at a uniform position inside it, and the strata of different ranges
     * are paired by independent random permutations.
     */
    private String[][] hypercube(RandomGenerator rng) {
        String[][] values = new String[lhs.size()][samples];
        for (int d = 0; d < lhs.size(); d++) {
            int[] strata = new int[samples];
            for (int i = 0; i < samples; i++) {
                strata[i] = i;
            }
            for (int i = samples - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = strata[i];
                strata[i] = strata[j];
                strata[j] = t;
            }
            for (int i = 0; i < samples; i++) {
                values[d][i] = lhs.get(d).valueAt((strata[i] + rng.nextDouble()) / samples);
            }
        }
        return values;
    }

    static String checkPath(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isBlank() || !path.equals(path.trim()) || path.contains("=")) {
            throw new IllegalArgumentException("not a setting path: \"" + path + "\"");
        }
        return path;
    }

    private static List<String> parameters(List<Vary> vary, List<LhsRange> lhs) {
        List<String> p = new ArrayList<>();
        vary.forEach(v -> p.add(v.path()));
        lhs.forEach(r -> p.add(r.path()));
        return p;
    }
}
