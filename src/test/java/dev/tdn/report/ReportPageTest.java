package dev.tdn.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Each report's chart as data, and drawn into the page as SVG, without a store. */
class ReportPageTest {

    @Test
    void everyKindHasAChartDrawnAsOneSvgWithItsLabels() {
        for (ReportKind kind : ReportKind.values()) {
            Report report = kind.start();
            String page = ReportPage.of("tdn report " + kind.text(), "nothing matched", report);

            assertThat(page).as(kind.text()).contains("<svg").contains("viewBox='0.0 0.0 880.0 420.0'")
                    .contains(ReportPage.escape(report.chart().title()));
            assertThat(page.split("<svg", -1)).as(kind.text()).hasSize(2);
        }
    }

    @Test
    void aChartsSeriesHaveOneValueForEachCategoryAndAGapIsNull() {
        Chart c = new Chart("Pain", Chart.Kind.LINE, "session", "pain", List.of("1. 2026-11-26", "2. 2026-11-27"),
                List.of(new Chart.Series("before", List.of(6, 4)), new Chart.Series("after", Arrays.asList(3, null))), 10);

        String svg = SvgChart.of(c, "c");

        assertThat(svg).startsWith("<svg id='c'").contains("1. 2026-11-26").contains("2. 2026-11-27")
                .contains(">before<").contains(">after<");
    }

    @Test
    void markupInTextIsEscaped() {
        assertThat(ReportPage.escape("<script>&\"")).isEqualTo("&lt;script&gt;&amp;&quot;");
    }
}
