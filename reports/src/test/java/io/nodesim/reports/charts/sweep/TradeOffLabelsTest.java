package io.nodesim.reports.charts.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.reports.charts.sweep.TradeOffData.Point;
import io.nodesim.reports.charts.sweep.TradeOffData.TradeOff;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeOffLabelsTest {
    private static Point p(int i, double x, double y) {
        return new Point(i, "p" + i, x, x, x, y, y, y);
    }

    @Test
    void farApartPointsAreAllLabelled() {
        List<Point> front = List.of(p(0, 0, 100), p(1, 5, 50), p(2, 10, 0));
        assertEquals(front, TradeOffChart.labelled(new TradeOff("m", front, front)));
    }

    @Test
    void aCrowdedFrontKeepsBothEndsAndDropsLabelsThatWouldCoverOthers() {
        List<Point> front = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // 50 points down a steep line: each label 2 % of the height below the last
            front.add(p(i, i * 0.001, 100 - i * 2));
        }
        front.add(p(50, 10, 0));
        List<Point> kept = TradeOffChart.labelled(new TradeOff("m", front, front));
        assertEquals(front.get(0), kept.get(0));
        assertEquals(front.get(50), kept.get(kept.size() - 1));
        assertEquals(List.of(0, 2, 4), kept.subList(0, 3).stream().map(Point::point).toList(),
                "every other label: one 2 % step is too close, two are clear");
    }
}
