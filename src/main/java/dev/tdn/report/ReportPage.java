package dev.tdn.report;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A report as one self-contained HTML page: its chart as inline SVG, its table, the styles in
 * the page. Nothing is fetched (no script, font, image or style sheet from anywhere), so it opens
 * the same offline, from a mail or an EMR attachment, and prints. Text from the store is escaped.
 */
public final class ReportPage {

    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
                   color: #1b1b1b; margin: 2rem auto; max-width: 960px; padding: 0 1rem; line-height: 1.4; }
            h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
            p.about { color: #555; margin: 0 0 1.5rem; }
            p.damaged { border-left: 4px solid #b00020; padding: .25rem .75rem; color: #b00020; }
            figure { margin: 0 0 1.5rem; }
            figure svg { display: block; width: 100%; height: auto; border: 1px solid #ddd; }
            pre { background: #f6f6f6; border: 1px solid #ddd; padding: .75rem; white-space: pre-wrap;
                  overflow-wrap: anywhere; font-size: .85rem; }
            @media print { body { margin: 0; max-width: none; } }
            """;

    private ReportPage() {
    }

    /**
     * The page for {@code report}, titled {@code title}; {@code about} says what it covers (the
     * filters as typed and when it was made).
     */
    public static String of(String title, String about, Report report, int damaged) {
        Chart chart = report.chart();
        StringWriter table = new StringWriter();
        try (PrintWriter out = new PrintWriter(table)) {
            // a page has the room a terminal has not: nothing cut to a column
            report.printFullTable(out);
        }
        // a printed page must say what it left out, as the command says it on stderr
        String left = damaged == 0 ? "" : "<p class=\"damaged\">" + damaged + " damaged session(s) are left out of these"
                + " figures (changed in the store since they were imported): see tdn store check.</p>\n";
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                // nothing from outside the page, whatever it holds
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                + "<title>" + escape(title) + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n"
                + "<h1>" + escape(title) + "</h1>\n<p class=\"about\">" + escape(about) + "</p>\n" + left
                + "<figure class=\"chart\" role=\"img\" aria-label=\"" + escape(chart.title()) + "\">\n"
                + SvgChart.of(chart, "chart") + "\n</figure>\n<pre>" + escape(table.toString()) + "</pre>\n</body>\n</html>\n";
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
