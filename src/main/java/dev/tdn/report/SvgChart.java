package dev.tdn.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A {@link Chart} drawn by JFreeChart into JFreeSVG's SVG: one {@code <svg>} element with a view
 * box and no fixed size, so the page scales it to its width. Plain colours that print and read in
 * grey, and no gradients or shadows, which say nothing.
 */
final class SvgChart {

    static final int WIDTH = 880;
    static final int HEIGHT = 420;
    /** The most category labels the bottom of a chart takes before they overprint. */
    private static final int LABELS = 18;

    /** Blue, orange, grey: told apart by people with the common colour-vision deficiencies. */
    private static final Color[] SERIES = {new Color(0x1f, 0x6f, 0xb4), new Color(0xe0, 0x7b, 0x00), new Color(0x8c, 0x8c, 0x8c)};

    static {
        // no display, never a window: the chart is drawn into text
        System.setProperty("java.awt.headless", "true");
        // rotated labels as SVG text, not as glyph outlines: they stay text a reader can find and
        // copy, and the page stays small (the outlines made it six times the size)
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private SvgChart() {
    }

    /** The chart as an {@code <svg>} element, its id {@code id}. */
    static String of(Chart chart, String id) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        // all zeros is no sessions: said in words, not as a row of empty bars
        boolean any = chart.series().stream().flatMap(x -> x.values().stream()).anyMatch(v -> v != null && v != 0);
        for (Chart.Series s : any ? chart.series() : List.<Chart.Series>of()) {
            for (int i = 0; i < chart.categories().size(); i++) {
                data.addValue(s.values().get(i), s.name(), chart.categories().get(i));
            }
        }
        JFreeChart drawn = switch (chart.kind()) {
            case LINE -> ChartFactory.createLineChart(chart.title(), chart.categoryAxis(), chart.valueAxis(), data,
                    PlotOrientation.VERTICAL, true, false, false);
            case STACKED_BAR -> ChartFactory.createStackedBarChart(chart.title(), chart.categoryAxis(), chart.valueAxis(),
                    data, PlotOrientation.VERTICAL, true, false, false);
            case BAR -> ChartFactory.createBarChart(chart.title(), chart.categoryAxis(), chart.valueAxis(), data,
                    PlotOrientation.VERTICAL, chart.series().size() > 1, false, false);
        };
        CategoryPlot plot = drawn.getCategoryPlot();
        int n = chart.categories().size();
        if (n > LABELS) {
            // five years of months cannot all be named along 880 points: every k-th is, the rest
            // keep their place unnamed, so the bars still stand in order with their gaps
            int every = (n + LABELS - 1) / LABELS;
            java.util.Set<String> named = new java.util.HashSet<>();
            for (int i = 0; i < n; i += every) {
                named.add(chart.categories().get(i));
            }
            plot.setDomainAxis(new SomeLabelsNamed(chart.categoryAxis(), named));
        }
        // the look, on the chart as made (axis included), rather than as JFreeChart's global default
        theme().apply(drawn);
        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        // counts and pain scores are whole numbers: no tick at 2.5 sessions
        values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        if (chart.valueMax() != null) {
            values.setRange(0, chart.valueMax() + 0.5);
        }
        plot.setNoDataMessage("No sessions match");
        plot.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        if (n > 6) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        if (plot.getRenderer() instanceof LineAndShapeRenderer line) {
            line.setDefaultShapesVisible(true);
            for (int i = 0; i < chart.series().size(); i++) {
                line.setSeriesPaint(i, SERIES[i % SERIES.length]);
                line.setSeriesStroke(i, new BasicStroke(2.5f));
            }
        } else if (plot.getRenderer() instanceof BarRenderer bar) {
            bar.setMaximumBarWidth(0.12);
            for (int i = 0; i < chart.series().size(); i++) {
                bar.setSeriesPaint(i, SERIES[i % SERIES.length]);
            }
        }
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        drawn.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }

    /** Plain white charts, flat bars, no shadows; the title a size smaller than JFreeChart's. */
    private static StandardChartTheme theme() {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(new Color(0xd0, 0xd0, 0xd0));
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        return theme;
    }

    /** A category axis that names only some categories (JFreeChart names all or none). */
    private static final class SomeLabelsNamed extends org.jfree.chart.axis.CategoryAxis {
        private final java.util.Set<String> named;

        SomeLabelsNamed(String label, java.util.Set<String> named) {
            super(label);
            this.named = named;
        }

        @Override
        @SuppressWarnings("rawtypes")
        protected org.jfree.chart.text.TextBlock createLabel(Comparable category, float width,
                org.jfree.chart.ui.RectangleEdge edge, java.awt.Graphics2D g2) {
            return named.contains(category.toString()) ? super.createLabel(category, width, edge, g2)
                    : new org.jfree.chart.text.TextBlock();
        }
    }
}
