package dev.tdn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tdn.record.RecordText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each report's HTML page opened as a person would, in a real headless Chromium at 1280x800:
 * its chart drawn (shapes and text laid out, the series' colour on the screen), nothing wider
 * than the window, and nothing fetched from anywhere. Skipped only where Chromium is not
 * installed and this is not CI (.ci/run installs it).
 */
class ReportPagesInChromiumIT {

    /** The first series' colour in every chart (SvgChart): the chart's bars or line on the screen. */
    private static final int SERIES_BLUE = 0x1f6fb4;

    @TempDir
    static Path home;

    private static String chromium;

    @BeforeAll
    static void aStoreWithACourseOfSessions() throws Exception {
        chromium = Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : null;
        assumeTrue(chromium != null || System.getenv("CI") != null, "Chromium is not installed");
        assertThat(chromium).as("CI must install Chromium (.ci/run)").isNotNull();
        assertThat(TdnProcess.runIn(home, "import", Examples.SESSIONS.toString()).exitCode()).isZero();
        // the patient's course: four more sessions, a day apart, pain falling
        int[][] pain = {{6, 4}, {5, 4}, {4, 2}, {3, 1}};
        for (int i = 0; i < pain.length; i++) {
            int n = i;
            Path f = home.resolve("visit" + i + ".json");
            Files.writeString(f, RecordText.edited(Examples.COMPLETED, t -> {
                t.put("id", "7a1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a4" + n).put("painBefore", pain[n][0]).put("painAfter", pain[n][1]);
                String text = t.toString().replace("2026-11-26T", String.format("2026-11-%02dT", 27 + n));
                t.removeAll();
                t.setAll((ObjectNode) JsonMapper.shared().readTree(text));
            }));
            TdnProcess.Result r = TdnProcess.runIn(home, "import", f.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
        }
    }

    private static Path page(String... report) throws Exception {
        Path out = home.resolve(report[0] + ".html");
        List<String> args = new ArrayList<>(List.of("report"));
        args.addAll(List.of(report));
        args.addAll(List.of("--html", "-o", out.toString()));
        TdnProcess.Result r = TdnProcess.runIn(home, args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return out;
    }

    @Test
    void everyReportsChartIsDrawnWithinTheWindowFromThePageAlone() throws Exception {
        for (String[] report : new String[][] {{"adherence"}, {"billing"}, {"adverse-events"},
            {"progress", "--patient", "MRN-12345"}}) {
            Path page = page(report);
            String html = Files.readString(page);
            // self-contained: no script, and nothing the browser would fetch
            assertThat(html).as(report[0]).doesNotContain("<script").doesNotContain("src=").doesNotContain("<link")
                    .doesNotContainPattern("url\\((?!#)").contains("default-src 'none'");

            JsonNode layout = layout(page);
            assertThat(layout.get("scrollWidth").asInt()).as(report[0] + ": wider than the window")
                    .isLessThanOrEqualTo(layout.get("innerWidth").asInt());
            JsonNode svg = layout.get("svgs").get(0);
            assertThat(layout.get("svgs")).as(report[0]).hasSize(1);
            assertThat(svg.get("width").asDouble()).as(report[0]).isGreaterThan(600);
            assertThat(svg.get("height").asDouble()).as(report[0]).isGreaterThan(250);
            assertThat(svg.get("right").asDouble()).as(report[0]).isLessThanOrEqualTo(1280);
            assertThat(svg.get("shapes").asInt()).as(report[0] + ": shapes drawn").isGreaterThan(10);
            assertThat(svg.get("texts").asInt()).as(report[0] + ": labels drawn").isGreaterThan(5);

            BufferedImage shot = screenshot(page);
            assertThat(shot.getWidth()).isEqualTo(1280);
            int blue = pixelsNear(shot, SERIES_BLUE, (int) svg.get("top").asDouble(),
                    (int) Math.min(800, svg.get("bottom").asDouble()));
            assertThat(blue).as(report[0] + ": the chart's first series on the screen").isGreaterThan(40);
        }
        // what the patient's page shows: the course, session by session
        assertThat(Files.readString(home.resolve("progress.html"))).contains("5. 2026-11-30")
                .contains("pain 6/3 &gt; 6/4 &gt; 5/4 &gt; 4/2 &gt; 3/1 (before/after, oldest first)");
    }

    /** The page's layout as Chromium laid it out, read by a probe added to a copy of the page. */
    private static JsonNode layout(Path page) throws Exception {
        String probe = """
                <script>
                window.addEventListener('load', () => {
                  const svgs = [...document.querySelectorAll('figure svg')].map(s => {
                    const r = s.getBoundingClientRect();
                    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height,
                            shapes: s.querySelectorAll('rect,path,line,polyline,polygon,circle,ellipse').length,
                            texts: s.querySelectorAll('text').length};
                  });
                  document.title = 'PROBE' + JSON.stringify({scrollWidth: document.documentElement.scrollWidth,
                      innerWidth: window.innerWidth, svgs});
                });
                </script>
                """;
        // the page forbids scripts; its copy, for the probe, does not
        String html = Files.readString(page).replaceFirst("<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "")
                .replace("</body>", probe + "</body>");
        Path copy = page.resolveSibling("probe-" + page.getFileName());
        Files.writeString(copy, html);
        String dom = run("--dump-dom", copy.toUri().toString());
        Matcher m = Pattern.compile("<title>PROBE(.*?)</title>", Pattern.DOTALL).matcher(dom);
        assertThat(m.find()).as("the probe ran: " + dom.substring(0, Math.min(300, dom.length()))).isTrue();
        return JsonMapper.shared().readTree(m.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"));
    }

    private static BufferedImage screenshot(Path page) throws Exception {
        Path png = page.resolveSibling(page.getFileName() + ".png");
        run("--screenshot=" + png, page.toUri().toString());
        return ImageIO.read(png.toFile());
    }

    private static String run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--window-size=1280,800", "--virtual-time-budget=5000",
                "--user-data-dir=" + home.resolve("chromium-profile")));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium ended").isTrue();
        return out;
    }

    private static int pixelsNear(BufferedImage image, int rgb, int top, int bottom) {
        int count = 0;
        for (int y = Math.max(0, top); y < Math.min(image.getHeight(), bottom); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - ((rgb >> 16) & 0xff)) < 24 && Math.abs(((p >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 24
                        && Math.abs((p & 0xff) - (rgb & 0xff)) < 24) {
                    count++;
                }
            }
        }
        return count;
    }
}
