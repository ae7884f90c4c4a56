package io.nodesim.benchmarks;

import com.opencsv.ICSVWriter;
import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.CsvCells;
import io.nodesim.metrics.Rfc4180;
import java.io.IOException;
import java.io.Writer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * pods.csv's rows, written the way {@code ResultCsv} writes them ({@link Rfc4180.RowWriter}) beside
 * the baseline it replaced (opencsv's {@code CSVWriter} through {@link Rfc4180#writer}, a String per
 * cell and an array per row), into a writer that only counts: the formatting, not the disk. The rows
 * have the shape of the large zone outage's (54,506 rows, 8 time columns, a third of them empty).
 * {@code -jvmArgsAppend -XX:TieredStopAtLevel=1} measures them as {@code nodesim run} compiles them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class CsvRowsBenchmark {
    private static final int TIMES = 8;

    @Param("54506")
    public int rows;

    private String[] pods;
    private String[] nodes;
    private String[] replacements;
    private long[] times;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(11);
        pods = new String[rows];
        nodes = new String[rows];
        replacements = new String[rows];
        times = new long[rows * TIMES];
        for (int r = 0; r < rows; r++) {
            pods[r] = "api-7c9d8f6b5-" + Long.toString(random.nextLong(1L << 40), 36);
            nodes[r] = "worker-" + random.nextInt(5000);
            replacements[r] = random.nextInt(10) == 0 ? null : "api-7c9d8f6b5-" + Long.toString(random.nextLong(1L << 40), 36);
            for (int c = 0; c < TIMES; c++) {
                times[r * TIMES + c] = random.nextInt(3) == 0 ? SimTime.NEVER : random.nextLong(6 * SimTime.HOUR);
            }
        }
    }

    @Benchmark
    public long rowWriter() throws IOException {
        Counting out = new Counting();
        writeRows(out);
        return out.chars;
    }

    /** The baseline: what ResultCsv did before, a String per cell and opencsv's CSVWriter. */
    @Benchmark
    public long opencsvStringArrays() throws IOException {
        Counting out = new Counting();
        writeStringArrays(out);
        return out.chars;
    }

    void writeRows(Writer out) throws IOException {
        Rfc4180.RowWriter csv = Rfc4180.rows(out);
        for (int r = 0; r < rows; r++) {
            int t = r * TIMES;
            csv.integer(0).text(pods[r]).text("api").text(nodes[r]).time(times[t]).time(times[t + 1])
                    .text(replacements[r]).text(nodes[r]).time(times[t + 2]).time(times[t + 3]).time(times[t + 4])
                    .text("false").time(times[t + 5]).time(times[t + 6]).end();
        }
        csv.flush();
    }

    void writeStringArrays(Writer out) throws IOException {
        ICSVWriter csv = Rfc4180.writer(out);
        for (int r = 0; r < rows; r++) {
            int t = r * TIMES;
            csv.writeNext(new String[] {"0", pods[r], "api", nodes[r], CsvCells.time(times[t]),
                CsvCells.time(times[t + 1]), CsvCells.text(replacements[r]), nodes[r], CsvCells.time(times[t + 2]),
                CsvCells.time(times[t + 3]), CsvCells.time(times[t + 4]), "false", CsvCells.time(times[t + 5]),
                CsvCells.time(times[t + 6])}, false);
        }
        csv.flush();
    }

    /** A writer that counts the characters it is given. */
    static final class Counting extends Writer {
        long chars;

        @Override
        public void write(char[] buf, int off, int len) {
            chars += len;
        }

        @Override
        public void write(String s) {
            chars += s.length();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
