package io.nodesim.reports.charts;

import io.nodesim.reports.files.OutputFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A chart drawn as PNG bytes and an SVG document, ready to be written or embedded. */
public record RenderedChart(Chart chart, byte[] png, String svg) {
    public RenderedChart {
        Objects.requireNonNull(chart, "chart");
        png = png.clone();
        Objects.requireNonNull(svg, "svg");
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    public String pngFileName() {
        return chart.fileName() + ".png";
    }

    public String svgFileName() {
        return chart.fileName() + ".svg";
    }

    /** Writes {@code <name>.png} and {@code <name>.svg}, each atomically. */
    public void writeTo(OutputFolder out) throws IOException {
        out.writeBytes(pngFileName(), o -> o.write(png));
        out.writeBytes(svgFileName(), o -> o.write(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
