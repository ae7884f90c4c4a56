package io.nodesim.reports.csv;

import static io.nodesim.kernel.SimTime.NEVER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.metrics.EventRecord;
import io.nodesim.metrics.NodeRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.reports.Fixtures;
import io.nodesim.reports.files.OutputFolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact bytes of every CSV for the tiny result: columns, empty cells, rounding, quoting, line ends. */
class ResultCsvTest {
    @TempDir
    Path dir;

    private String read(Path p) throws Exception {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void nodesCsv_emptyCellForNever() throws Exception {
        assertEquals("""
                replication,node,zone,failed_at,unknown_at,noschedule_taint_at,noexecute_taint_at,ready_again_at,episode,joined_at
                0,n-0,a,10.000,55.123,55.124,55.200,,1,
                """, read(ResultCsv.writeNodes(new OutputFolder(dir), List.of(Fixtures.tinyResult()))));
    }

    @Test
    void nodesCsv_aRowPerEpisode_numberedInTheLastColumn() throws Exception {
        long s = 1_000_000L;
        RunResult flapping = new RunResult(0, List.of(
                new NodeRecord("n-0", "a", 10 * s, 50 * s, 50 * s, NEVER, 70 * s, 1),
                new NodeRecord("n-0", "a", 10 * s, 90 * s, 90 * s, 95 * s, NEVER, 2)),
                List.of(), List.of(), List.of(), Map.of(), 0);
        assertEquals("""
                replication,node,zone,failed_at,unknown_at,noschedule_taint_at,noexecute_taint_at,ready_again_at,episode,joined_at
                0,n-0,a,10.000,50.000,50.000,,70.000,1,
                0,n-0,a,10.000,90.000,90.000,95.000,,2,
                """, read(ResultCsv.writeNodes(new OutputFolder(dir), List.of(flapping))));
    }

    @Test
    void podsCsv_replacementColumnsEmptyWhenNoReplacement_andHalfUpRounding() throws Exception {
        assertEquals("""
                replication,pod,workload,node,not_ready_at,deleted_at,replacement_pod,replacement_node,\
                replacement_created_at,replacement_scheduled_at,replacement_ready_at,false_eviction,\
                replacement_unschedulable_at,endpoint_removed_at
                0,web-1,web,n-0,55.130,355.210,web-3,n-1,355.300,355.350,362.401,false,,55.231
                0,solo,solo,n-0,55.131,355.211,,,,,,false,,
                """, read(ResultCsv.writePods(new OutputFolder(dir), List.of(Fixtures.tinyResult()))));
    }

    @Test
    void workloadsCsv() throws Exception {
        assertEquals("""
                replication,workload,kind,desired,first_disruption_at,fully_ready_again_at,min_ready,unavailable_seconds,\
                availability,endpoints_unavailable_seconds
                0,web,Deployment,2,55.130,362.401,1,307.271,0.487883,307.200
                0,solo,Pod,1,55.131,,0,544.869,0.091885,0.000
                """, read(ResultCsv.writeWorkloads(new OutputFolder(dir), List.of(Fixtures.tinyResult()))));
    }

    @Test
    void summaryCsv_threeDecimals_emptyForNaN() throws Exception {
        assertEquals("""
                metric,count,mean,stddev,ci95_low,ci95_high,min,p50,p90,p99,max
                time_to_unknown,1,45.123,,,,45.123,45.123,45.123,45.123,45.123
                time_to_pod_deletion,2,345.211,0.001,,,345.210,345.211,345.211,345.211,345.211
                false_evictions,1,0.000,,,,0.000,0.000,0.000,0.000,0.000
                """, read(ResultCsv.writeSummary(new OutputFolder(dir), Fixtures.tinySummaries())));
    }

    @Test
    void eventsCsv_quotesCommasQuotesAndLineBreaks() throws Exception {
        RunResult run = new RunResult(3, List.of(), List.of(), List.of(), List.of(
                new EventRecord(1_500_000, "PodDeleted", "default/web-1", "tolerationSeconds=300, \"unreachable\""),
                new EventRecord(2_000_000, "ZoneState", "a", "line one\nline two"),
                new EventRecord(2_500_000, "TaintRemoved", "n-0", null),
                new EventRecord(3_000_000, "ZoneState", "", "FullDisruption")), Map.of(), 0);
        assertEquals("replication,time,kind,object,detail\n"
                + "3,1.500,PodDeleted,default/web-1,\"tolerationSeconds=300, \"\"unreachable\"\"\"\n"
                + "3,2.000,ZoneState,a,\"line one\nline two\"\n"
                + "3,2.500,TaintRemoved,n-0,\n"
                + "3,3.000,ZoneState,,FullDisruption\n",
                read(ResultCsv.writeEvents(new OutputFolder(dir), List.of(run))));
    }

    @Test
    void emptyResultGivesHeaderOnly() throws Exception {
        OutputFolder out = new OutputFolder(dir);
        assertEquals(String.join(",", ResultCsv.NODES_HEADER) + "\n",
                read(ResultCsv.writeNodes(out, List.of(Fixtures.emptyResult()))));
        assertEquals(String.join(",", ResultCsv.SUMMARY_HEADER) + "\n", read(ResultCsv.writeSummary(out, List.of())));
    }

    @Test
    void bytesDoNotDependOnTheDefaultLocale() throws Exception {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            String german = read(ResultCsv.writeSummary(new OutputFolder(dir.resolve("de")), Fixtures.tinySummaries()));
            Locale.setDefault(Locale.US);
            String us = read(ResultCsv.writeSummary(new OutputFolder(dir.resolve("us")), Fixtures.tinySummaries()));
            assertEquals(us, german);
        } finally {
            Locale.setDefault(saved);
        }
    }
}
