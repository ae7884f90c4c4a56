package io.nodesim.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.reports.Xml;
import io.nodesim.reports.SweepOutputs;
import io.nodesim.reports.charts.sweep.SweepFixtures;
import io.nodesim.reports.charts.sweep.SweepInput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SweepReportTest {
    private static String page(SweepInput input) {
        SweepOutputs.Drawn drawn = SweepOutputs.draw(input);
        return SweepReport.render(input, drawn.charts(), drawn.notDrawn(), List.of("sweep.csv"));
    }

    private static List<List<String>> rows(Document d, String tableId) {
        NodeList tables = d.getElementsByTagName("table");
        for (int i = 0; i < tables.getLength(); i++) {
            Element t = (Element) tables.item(i);
            if (tableId.equals(t.getAttribute("id"))) {
                List<List<String>> out = new ArrayList<>();
                NodeList trs = t.getElementsByTagName("tr");
                for (int r = 0; r < trs.getLength(); r++) {
                    List<String> cells = new ArrayList<>();
                    NodeList cs = ((Element) trs.item(r)).getChildNodes();
                    for (int c = 0; c < cs.getLength(); c++) {
                        cells.add(cs.item(c).getTextContent());
                    }
                    out.add(cells);
                }
                return out;
            }
        }
        throw new AssertionError("no table " + tableId);
    }

    @Test
    void grid_frontTableEveryPointAndEveryChartEmbedded() throws Exception {
        String html = page(SweepFixtures.grid());
        Document d = Xml.parse(html);
        assertEquals(List.of(
                List.of(SweepFixtures.GRACE, SweepFixtures.TOLERATION, "false evictions per run [95 % CI]",
                        "time_to_dead_pod_deletion (s) [95 % CI]"),
                List.of("20s", "300", "0.000 [-1.000, 1.000]", "325.000 [324.000, 326.000]"),
                List.of("20s", "30", "2.000 [1.000, 3.000]", "55.000 [54.000, 56.000]"),
                List.of("20s", "10", "6.000 [5.000, 7.000]", "35.000 [34.000, 36.000]")), rows(d, "front-table"));
        List<List<String>> points = rows(d, "points-table");
        assertEquals(7, points.size(), "a header and six points");
        assertEquals(List.of("4", "40s", "30", "40.000 [39.000, 41.000]", "75.000 [74.000, 76.000]", "",
                "2.000 [1.000, 3.000]"), points.get(5));
        assertEquals(7, d.getElementsByTagName("img").getLength(), "trade-off, two settings, four heatmaps");
        assertTrue(html.contains("href=\"sweep.csv\""));
        assertTrue(rows(d, "sweep").contains(List.of("varied: " + SweepFixtures.TOLERATION, "10, 30, 300")));
    }

    @Test
    void tiny_saysWhatIsNotDrawn_andHasNoIntervals() throws Exception {
        String html = page(SweepFixtures.tiny());
        Document d = Xml.parse(html);
        assertTrue(d.getDocumentElement().getTextContent().contains(
                new io.nodesim.reports.charts.sweep.HeatmapChart().description() + " Not drawn for this sweep."));
        assertEquals(List.of("0", "20s", "25.500", "3.000"), rows(d, "points-table").get(1));
    }

    @Test
    void empty_isStillAPage() throws Exception {
        String html = page(SweepFixtures.empty());
        Xml.parse(html);
        assertTrue(html.contains("No point has finished."));
        assertTrue(html.contains("there is no trade-off to show"));
    }

    @Test
    void sameInputSameBytes() {
        assertEquals(page(SweepFixtures.grid()), page(SweepFixtures.grid()));
    }
}
