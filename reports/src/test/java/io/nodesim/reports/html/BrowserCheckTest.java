package io.nodesim.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nodesim.metrics.RunResult;
import io.nodesim.reports.Fixtures;
import io.nodesim.reports.RunOutputs;
import io.nodesim.reports.SweepOutputs;
import io.nodesim.reports.charts.ChartRegistry;
import io.nodesim.reports.charts.sweep.SweepFixtures;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html and sweep.html in headless Chromium (Debian's {@code chromium}; {@code .ci/install-chromium}
 * installs it) and fails when an image does not load or the page raises an error. Skipped when no
 * Chromium is installed, unless {@code NODESIM_REQUIRE_BROWSER=1} (CI), which makes that a failure.
 */
class BrowserCheckTest {
    /** Appended to a copy of the page: writes what it found into the DOM that --dump-dom prints. */
    private static final String CHECK = """
            <script>
            window.addEventListener('error', function (e) {
              document.body.setAttribute('data-page-error', String(e.message || e.type));
            }, true);
            window.addEventListener('load', function () {
              var bad = [];
              for (var i = 0; i < document.images.length; i++) {
                var im = document.images[i];
                if (!im.complete || im.naturalWidth === 0) { bad.push(im.alt); }
              }
              var p = document.createElement('pre');
              p.id = 'nodesim-check';
              p.textContent = 'images=' + document.images.length + ' broken=' + bad.length + ' [' + bad.join('|') + ']';
              document.body.appendChild(p);
            });
            </script>
            """;
    private static final Pattern RESULT = Pattern.compile("id=\"nodesim-check\">images=(\\d+) broken=(\\d+) \\[([^<]*)]");

    @TempDir
    Path tmp;

    static Optional<Path> chromium() {
        String configured = System.getenv("NODESIM_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    private String run(Path chromium, String... args) throws Exception {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Path out = tmp.resolve("chromium.out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(tmp.resolve("chromium.err").toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private Path requireChromium() {
        Optional<Path> chromium = chromium();
        if (chromium.isEmpty() && "1".equals(System.getenv("NODESIM_REQUIRE_BROWSER"))) {
            throw new AssertionError("NODESIM_REQUIRE_BROWSER=1 but no chromium on PATH (run .ci/install-chromium)");
        }
        assumeTrue(chromium.isPresent(), "chromium is not installed");
        return chromium.get();
    }

    /** Opens the page with the check appended, asserts every image loaded, no error; then takes a screenshot. */
    private void check(Path chromium, Path page, int images, String heading, String screenshot, int height)
            throws Exception {
        String text = Files.readString(page, StandardCharsets.UTF_8);
        Path checked = page.resolveSibling("checked.html");
        Files.writeString(checked, text.replace("</body>", CHECK + "</body>"), StandardCharsets.UTF_8);

        String dom = run(chromium, "--virtual-time-budget=10000", "--dump-dom", checked.toUri().toString());
        Matcher m = RESULT.matcher(dom);
        assertTrue(m.find(), "the check ran in the page; chromium printed: "
                + dom.substring(0, Math.min(dom.length(), 500)));
        assertEquals(images, Integer.parseInt(m.group(1)), "images on the page");
        assertEquals("0", m.group(2), "broken images: " + m.group(3));
        assertFalse(dom.contains("data-page-error=\""), "the page raised an error");
        assertTrue(dom.contains(heading), "the page itself was shown, not an error page");

        // a screenshot of the real page, for a person to look at
        Path shot = Path.of("target", "report-preview", screenshot).toAbsolutePath();
        Files.createDirectories(shot.getParent());
        run(chromium, "--window-size=1200," + height, "--screenshot=" + shot, page.toUri().toString());
        assertTrue(Files.size(shot) > 10_000, "a screenshot with content");
    }

    @Test
    void reportLoadsEveryImageWithoutError() throws Exception {
        Path chromium = requireChromium();
        RunResult large = Fixtures.largeResult();
        Path dir = tmp.resolve("out");
        RunOutputs.write(dir, Fixtures.largeScenario(), List.of(large), Fixtures.summariesOf(large), false);
        check(chromium, dir.resolve(HtmlReport.FILE_NAME), ChartRegistry.RUN_CHARTS.size(), "<h1>zone-outage</h1>",
                "report-screenshot.png", 4400);
    }

    @Test
    void sweepPageLoadsEveryImageWithoutError() throws Exception {
        Path chromium = requireChromium();
        Path dir = tmp.resolve("sweep");
        SweepOutputs.write(dir, SweepFixtures.grid());
        check(chromium, dir.resolve(SweepReport.FILE_NAME), 7, "<h1>Sweep: ", "sweep-screenshot.png", 6000);
    }

    @Test
    void theCheckCatchesABrokenImage() throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "chromium is not installed");
        Path page = tmp.resolve("broken.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><h1>x</h1><img alt=\"gone\" src=\"data:image/png;base64,AAAA\"/>"
                + CHECK + "</body></html>");
        Matcher m = RESULT.matcher(run(chromium.get(), "--virtual-time-budget=10000", "--dump-dom", page.toUri().toString()));
        assertTrue(m.find());
        assertEquals("1", m.group(2));
        assertEquals("gone", m.group(3));
    }
}
