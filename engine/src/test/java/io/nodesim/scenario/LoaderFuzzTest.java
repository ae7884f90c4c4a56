package io.nodesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 10,000 mutations of the example scenarios (fields dropped, duplicated, retyped, out of range;
 * anchors, aliases and merge keys; odd Unicode and bytes that are not UTF-8) either load or throw
 * a ScenarioException naming the file, a line and a column; never any other exception. Every
 * mutant has its own seed, printed on failure, so one reproduces alone.
 */
class LoaderFuzzTest {
    static final int TOTAL = 10_000;
    private static final AtomicInteger LOADED = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();

    private static final String[] VALUES = {"", "-1", "0", "1e400", "abc", "[]", "{}", "null", "~", "true", "\"\"",
        "1.5", "99999999999999999999", "-5s", "1m30s", "uniform(1s)", "constant(", "500m", "8Gi", "'", "\"1.2\"",
        "[a, b", "&x", "*x", "!!binary AAAA", "!!str 5", "!custom x", "NodeCrash", "ZoneOutage", "{a: [1, {b: c}]}",
        "0x1F", "0o17", ".inf", "-.inf", ".nan", "1_000", "yes", "\"\\u0000\"", "|\n  block", ">-", "? x", "- - x"};
    private static final String[] OUT_OF_RANGE = {"-1", "0", "-0", "2147483648", "-2147483649", "9223372036854775808",
        "1e308", "-1e308", "4.9e-324", "0s", "-1s", "-0s", "2562047h", "9999999999h", "1ns", "0.5ns", "1.5", "-1.5",
        "0m", "-500m", "1Ei", "99999999999999999999Gi", "uniform(5s, 1s)", "normal(1s, -1s)", "constant(-1s)"};
    private static final String[] GARBAGE = {"bogus: 1", "nodes: []", "spec: {}", "- 3", "kind: Pod", "  x:", "::",
        "? complex", "\t tab: 1", "zone: a", "replicas: -3", "at: 1m", "type: HeartbeatDelay", "file: x.yaml",
        "- file: missing.yaml", "<<: {}", "<<: [*nope]", "<<: 3", "&a b: *a", "*a : x", "%YAML 1.1", "---", "..."};
    private static final String[] ODD = {"\uFEFF", "\u0000", "\uD800", "\uDC00", "\u202E", "\u200F", "\u200D", "\u00A0",
        "\u2028", "\u0085", "\uFF1A", "\r", "\t", "\uD83D\uDE00", "e\u0301", "\u0007", "\u001B[31m", "\uFFFF", "\uFFFE"};

    @TempDir
    static Path dir;

    static List<Path> exampleFiles() throws IOException {
        return ExampleScenariosTest.exampleFiles().toList();
    }

    @AfterAll
    static void everyMutantRan() throws IOException {
        assertEquals(perExample() * exampleFiles().size(), LOADED.get() + REFUSED.get());
        assertTrue(LOADED.get() + REFUSED.get() >= TOTAL);
        assertTrue(LOADED.get() > TOTAL / 20, "a fair share of mutants still load: " + LOADED);
        assertTrue(REFUSED.get() > TOTAL / 5, "a fair share of mutants are refused: " + REFUSED);
    }

    private static int perExample() throws IOException {
        int n = exampleFiles().size();
        return (TOTAL + n - 1) / n;
    }

    @ParameterizedTest
    @MethodSource("exampleFiles")
    void mutationsLoadOrGiveAPositionedScenarioException(Path example) throws IOException {
        String original = Files.readString(example);
        long base = example.getFileName().toString().hashCode();
        Path f = dir.resolve(example.getFileName());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < perExample(); i++) {
            long seed = base * 100_003 + i;
            Random rnd = new Random(seed);
            byte[] mutated = mutate(original, rnd, 1 + rnd.nextInt(3));
            Files.write(f, mutated);
            try {
                ScenarioLoader.load(f);
                LOADED.incrementAndGet();
            } catch (ScenarioException e) {
                if (!e.file().equals(f.toString()) && !e.file().endsWith(".yaml") || e.line() < 1 || e.column() < 1) {
                    failures.add("mutant seed " + seed + " of " + example + ": no FILE:LINE:COLUMN in "
                            + e.getMessage() + "\n---\n" + new String(mutated, StandardCharsets.UTF_8));
                }
                REFUSED.incrementAndGet();
            } catch (RuntimeException | StackOverflowError e) {
                java.io.StringWriter trace = new java.io.StringWriter();
                e.printStackTrace(new java.io.PrintWriter(trace));
                failures.add("mutant seed " + seed + " of " + example + " threw " + trace.toString().lines().limit(6)
                        .collect(java.util.stream.Collectors.joining("\n")) + "\n---\n"
                        + new String(mutated, StandardCharsets.UTF_8));
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " mutants broke the contract; the first ones:\n"
                    + String.join("\n=====\n", failures.subList(0, Math.min(3, failures.size()))));
        }
    }

    /** Applies {@code times} mutations; the result is bytes so that it can be malformed UTF-8. */
    static byte[] mutate(String text, Random rnd, int times) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int anchors = 0;
        boolean badBytes = false;
        for (int t = 0; t < times; t++) {
            int li = rnd.nextInt(lines.size());
            String line = lines.get(li);
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            int colon = line.indexOf(": ");
            switch (rnd.nextInt(12)) {
                case 0 -> lines.remove(li); // a field dropped
                case 1 -> lines.add(li, line); // a field duplicated
                case 2 -> { // a character dropped
                    if (!line.isEmpty()) {
                        int c = rnd.nextInt(line.length());
                        lines.set(li, line.substring(0, c) + line.substring(c + 1));
                    }
                }
                case 3 -> { // lines swapped
                    int lj = rnd.nextInt(lines.size());
                    lines.set(li, lines.get(lj));
                    lines.set(lj, line);
                }
                case 4 -> lines.set(li, withValue(line, colon, VALUES[rnd.nextInt(VALUES.length)])); // retyped
                case 5 -> lines.set(li, withValue(line, colon, OUT_OF_RANGE[rnd.nextInt(OUT_OF_RANGE.length)]));
                case 6 -> lines.add(li, indent + GARBAGE[rnd.nextInt(GARBAGE.length)]);
                case 7 -> { // an anchored value, then an alias of it further down
                    if (colon > 0) {
                        String name = "a" + anchors++;
                        lines.set(li, line.substring(0, colon + 2) + "&" + name + " " + line.substring(colon + 2));
                        int lj = li + 1 + rnd.nextInt(Math.max(1, lines.size() - li - 1));
                        if (lj < lines.size()) {
                            String other = lines.get(lj);
                            lines.set(lj, withValue(other, other.indexOf(": "), "*" + name));
                        }
                    }
                }
                case 8 -> { // a block mapping anchored and merged into a later mapping, with an override
                    if (line.endsWith(":") && !line.stripLeading().startsWith("-")) {
                        String name = "m" + anchors++;
                        lines.set(li, line + " &" + name);
                        int lj = li + 1 + rnd.nextInt(Math.max(1, lines.size() - li - 1));
                        if (lj < lines.size()) {
                            String other = lines.get(lj);
                            String otherIndent = other.substring(0, other.length() - other.stripLeading().length());
                            lines.add(lj, otherIndent + "<<: *" + name);
                        }
                    }
                }
                case 9 -> { // an odd character somewhere
                    String odd = ODD[rnd.nextInt(ODD.length)];
                    int c = line.isEmpty() ? 0 : rnd.nextInt(line.length() + 1);
                    lines.set(li, line.substring(0, c) + odd + line.substring(c));
                }
                case 10 -> lines.set(0, "\uFEFF" + lines.get(0)); // a byte order mark, which YAML allows
                default -> badBytes = true;
            }
        }
        String out = String.join("\n", lines);
        byte[] bytes = encodeKeepingLoneSurrogates(out);
        if (badBytes && bytes.length > 0) {
            byte[] invalid = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0x80};
            int at = rnd.nextInt(bytes.length);
            bytes[at] = invalid[rnd.nextInt(invalid.length)];
        }
        return bytes;
    }

    private static String withValue(String line, int colon, String value) {
        return colon < 0 ? line + " " + value : line.substring(0, colon + 2) + value;
    }

    /**
     * UTF-8, except that a lone surrogate becomes its three-byte (CESU) form rather than '?': the
     * loader must refuse it with a position, as Go's YAML reader would.
     */
    private static byte[] encodeKeepingLoneSurrogates(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
                out.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return out.toByteArray();
    }
}
