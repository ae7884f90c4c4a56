package io.nodesim.reports.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.metrics.RunResult;
import io.nodesim.reports.Fixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/** The charts' data computed ahead on another thread: computed once, and the charts the same bytes. */
class RunChartDataTest {
    private static ChartInput large() {
        RunResult large = Fixtures.largeResult();
        return new ChartInput(Fixtures.largeScenario(), List.of(large), Fixtures.summariesOf(large));
    }

    @Test
    void dataComputedAheadOnAnotherThread_drawsTheChartsOfTheDataComputedHere() throws Exception {
        ChartInput input = large();
        RunChartData ahead = new RunChartData(ChartRegistry.RUN_CHARTS, input);
        CompletableFuture<Void> computing = CompletableFuture.runAsync(ahead::computeAll);
        List<RenderedChart> drawn = ChartRenderer.inOrder(ChartRegistry.RUN_CHARTS, ahead::draw);
        computing.get();
        for (int i = 0; i < drawn.size(); i++) {
            RenderedChart alone = ChartRenderer.render(ChartRegistry.RUN_CHARTS.get(i), input);
            assertTrue(java.util.Arrays.equals(alone.png(), drawn.get(i).png()), alone.pngFileName());
            assertEquals(alone.svg(), drawn.get(i).svg(), alone.svgFileName());
        }
    }

    @Test
    void dataComputedAheadOnAnotherThread_isNotComputedAgainByTheDrawingThread() throws Exception {
        List<String> computedOn = Collections.synchronizedList(new ArrayList<>());
        RunChart<Thread> probe = chart("probe", in -> {
            computedOn.add(Thread.currentThread().getName());
            return Thread.currentThread();
        });
        RunChartData data = new RunChartData(List.of(probe), large());
        Thread ahead = new Thread(data::computeAll, "ahead");
        ahead.start();
        ahead.join();
        data.draw(probe);
        data.computeAll();
        assertEquals(List.of("ahead"), computedOn);
    }

    @Test
    void dataNobodyComputedAhead_isComputedByTheDrawingThread() {
        List<String> computedOn = Collections.synchronizedList(new ArrayList<>());
        RunChart<Thread> probe = chart("probe", in -> {
            computedOn.add(Thread.currentThread().getName());
            return Thread.currentThread();
        });
        new RunChartData(List.of(probe), large()).draw(probe);
        assertEquals(List.of(Thread.currentThread().getName()), computedOn);
    }

    @Test
    void aFailureOfTheData_isThrownWhereTheChartIsDrawn_notByTheThreadAhead() {
        IllegalStateException broken = new IllegalStateException("no data");
        RunChart<Object> failing = chart("failing", in -> {
            throw broken;
        });
        RunChartData data = new RunChartData(List.of(failing), large());
        data.computeAll();
        assertSame(broken, assertThrows(IllegalStateException.class, () -> data.draw(failing)));
    }

    @Test
    void aChartOfAnotherList_isRefused() {
        RunChartData data = new RunChartData(List.of(ChartRegistry.RUN_CHARTS.get(0)), large());
        RunChart<?> other = ChartRegistry.RUN_CHARTS.get(1);
        assertNotSame(ChartRegistry.RUN_CHARTS.get(0), other);
        assertThrows(IllegalArgumentException.class, () -> data.draw(other));
    }

    private static <D> RunChart<D> chart(String name, java.util.function.Function<ChartInput, D> data) {
        return new RunChart<>() {
            @Override
            public D data(ChartInput input) {
                return data.apply(input);
            }

            @Override
            public JFreeChart draw(D ignored) {
                return new JFreeChart(new XYPlot());
            }

            @Override
            public String fileName() {
                return name;
            }

            @Override
            public String title() {
                return name;
            }

            @Override
            public String question() {
                return name + "?";
            }
        };
    }
}
