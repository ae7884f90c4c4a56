package io.nodesim.scenario.parse;

import io.nodesim.scenario.SweepSection;
import io.nodesim.scenario.parse.YNode.YList;
import io.nodesim.scenario.parse.YNode.YMap;
import io.nodesim.scenario.parse.YNode.YScalar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads the top-level {@code sweep:} section (vary, lhs, samples) into a {@link SweepSection}: every
 * error of shape (an unknown field, a value that is not a list of values, a range without "..", a
 * samples count without ranges) names its line and column, as for the rest of the file.
 */
public final class SweepSectionReader {
    static final List<String> FIELDS = List.of("vary", "lhs", "samples");

    private SweepSectionReader() {
    }

    public static SweepSection read(YNode node) {
        Section s = Section.of(node, "sweep", FIELDS);
        List<SweepSection.Axis> vary = new ArrayList<>();
        if (s.has("vary")) {
            YMap m = Values.map(s.get("vary"), "sweep.vary");
            for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
                String path = "sweep.vary." + e.getKey();
                vary.add(new SweepSection.Axis(e.getKey(), values(e.getValue(), path), e.getValue().loc()));
            }
        }
        List<SweepSection.Range> lhs = new ArrayList<>();
        if (s.has("lhs")) {
            YMap m = Values.map(s.get("lhs"), "sweep.lhs");
            for (Map.Entry<String, YNode> e : m.entries().entrySet()) {
                String path = "sweep.lhs." + e.getKey();
                String text = Values.string(e.getValue(), path);
                int dots = text.indexOf("..");
                if (dots < 0) {
                    throw e.getValue().loc().error(path, "expected a range LOW..HIGH (0.01..0.5, 20s..2m), got \""
                            + text + "\"");
                }
                lhs.add(new SweepSection.Range(e.getKey(), text.substring(0, dots).trim(), text.substring(dots + 2).trim(),
                        e.getValue().loc()));
            }
        }
        int samples = s.has("samples") ? (int) Values.integer(s.get("samples"), "sweep.samples", 1, 1_000_000) : 0;
        if (vary.isEmpty() && lhs.isEmpty()) {
            throw s.map().loc().error("sweep", "nothing to sweep: give vary (PATH: [V1, V2, ...]) or lhs (PATH: LOW..HIGH)");
        }
        if (lhs.isEmpty() != (samples == 0)) {
            YNode at = lhs.isEmpty() ? s.get("samples") : s.get("lhs");
            throw at.loc().error(lhs.isEmpty() ? "sweep.samples" : "sweep.lhs", lhs.isEmpty()
                    ? "samples applies to lhs ranges, and there are none"
                    : "lhs ranges need samples: N (the number of Latin hypercube points)");
        }
        return new SweepSection(vary, lhs, samples);
    }

    /** A list of scalar values, or one scalar "V1,V2,..." split at its commas. */
    private static List<String> values(YNode n, String path) {
        List<String> out = new ArrayList<>();
        if (n instanceof YList list) {
            for (YNode item : list.items()) {
                out.add(value(item, path));
            }
        } else {
            Arrays.stream(value(n, path).split(",", -1)).map(String::trim).forEach(out::add);
        }
        if (out.isEmpty()) {
            throw n.loc().error(path, "no values to vary");
        }
        for (String v : out) {
            if (v.isEmpty()) {
                throw n.loc().error(path, "an empty value in " + out);
            }
        }
        return out;
    }

    private static String value(YNode n, String path) {
        YScalar s = Values.scalar(n, path, "a value (a number, a duration, a string)");
        if (s.text().indexOf('\n') >= 0 || s.text().indexOf('\r') >= 0) {
            throw n.loc().error(path, "a value of a sweep must fit on one line of sweep.csv");
        }
        return s.text();
    }
}
