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
            String page = ReportPage.of("tdn report " + kind.text(), "nothing matched", report, 0);

            assertThat(page).as(kind.text()).contains("<svg").contains("viewBox='0.0 0.0 880.0 420.0'")
                    .contains(ReportPage.escape(report.chart().title())).contains("No sessions match")
                    .doesNotContain("damaged session(s)");
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
    void aPageSaysWhatItLeftOut() {
        assertThat(ReportPage.of("tdn report adherence", "all", ReportKind.ADHERENCE.start(), 2))
                .contains("2 damaged session(s) are left out of these figures");
    }

    @Test
    void manyMonthsAreDrawnInOrderWithOnlySomeNamed() {
        List<String> months = new java.util.ArrayList<>();
        List<Integer> counts = new java.util.ArrayList<>();
        for (int m = 0; m < 60; m++) {
            months.add(String.format("%d-%02d", 2022 + m / 12, m % 12 + 1));
            counts.add(m % 7);
        }
        String svg = SvgChart.of(new Chart("Codes", Chart.Kind.STACKED_BAR, "month", "sessions", months,
                List.of(new Chart.Series("20560", counts)), null), "c");

        // 60 months, at most 18 of them named where they can be read
        long named = months.stream().filter(m -> svg.contains(">" + m + "<")).count();
        assertThat(named).isBetween(10L, 18L);
        assertThat(svg).contains(">2022-01<");
    }

    @Test
    void markupInTextIsEscaped() {
        assertThat(ReportPage.escape("<script>&\"")).isEqualTo("&lt;script&gt;&amp;&quot;");
    }
}
