package io.nodesim.scenario.settings;

import io.nodesim.kernel.DurationDistribution;
import io.nodesim.scenario.parse.Durations;
import io.nodesim.scenario.parse.Values;
import io.nodesim.scenario.parse.YNode;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * How a setting is written: its reader (with the checks and messages of {@link Values}) and how
 * {@code explain} prints a value back in scenario syntax.
 *
 * @param unit what a number means, for the docs ("" when the syntax carries it, as a duration's does)
 */
public record SettingType<T>(String unit, Reader<T> reader, Function<T, String> format) {
    /** Reads one present value; the path is for messages, the directory for distribution files. */
    public interface Reader<T> {
        T read(YNode node, String path, Path baseDir);
    }

    public static final SettingType<Long> POSITIVE_DURATION = new SettingType<>("", (n, p, dir) -> {
        long v = Values.duration(n, p);
        if (v <= 0) {
            throw n.loc().error(p, "must be greater than 0");
        }
        return v;
    }, Durations::format);
    public static final SettingType<Long> DURATION = new SettingType<>("", (n, p, dir) -> Values.duration(n, p),
            Durations::format);
    public static final SettingType<Double> RATE = new SettingType<>("nodes per second",
            (n, p, dir) -> Values.number(n, p, 0, Double.MAX_VALUE), SettingType::number);
    /** A client's {@code --kube-api-qps}: client-go builds no token bucket for 0 (nodesim refuses it). */
    public static final SettingType<Double> REQUEST_RATE = new SettingType<>("requests per second", (n, p, dir) -> {
        double v = Values.number(n, p, 0, Double.MAX_VALUE);
        if (v <= 0) {
            throw n.loc().error(p, "must be greater than 0 (requests per second)");
        }
        return v;
    }, SettingType::number);
    /** A client's {@code --kube-api-burst}: rate.Limiter with burst 0 refuses every request. */
    public static final SettingType<Integer> REQUEST_BURST = new SettingType<>("requests",
            (n, p, dir) -> (int) Values.integer(n, p, 1, Integer.MAX_VALUE), String::valueOf);
    public static final SettingType<Double> FRACTION = new SettingType<>("fraction in [0, 1]",
            (n, p, dir) -> Values.number(n, p, 0, 1), SettingType::number);
    public static final SettingType<Integer> COUNT = new SettingType<>("nodes",
            (n, p, dir) -> (int) Values.integer(n, p, 0, Integer.MAX_VALUE), String::valueOf);
    public static final SettingType<Integer> POSITIVE_SECONDS = new SettingType<>("seconds",
            (n, p, dir) -> (int) Values.integer(n, p, 1, Integer.MAX_VALUE), String::valueOf);
    public static final SettingType<Long> SECONDS = new SettingType<>("seconds",
            (n, p, dir) -> Values.integer(n, p, 0, Integer.MAX_VALUE), String::valueOf);
    public static final SettingType<Boolean> BOOLEAN = new SettingType<>("",
            (n, p, dir) -> Values.bool(n, p), String::valueOf);
    public static final SettingType<DurationDistribution> DISTRIBUTION = new SettingType<>("",
            Values::distribution, DurationDistribution::spec);

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
