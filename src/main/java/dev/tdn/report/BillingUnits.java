package dev.tdn.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.tdn.Printable;
import dev.tdn.record.Billing;
import dev.tdn.store.Count;

/**
 * The CPT codes the sessions suggest, by month (of the session's own local date) and clinician:
 * 20560 for 1-2 muscles needled, 20561 for 3 or more. A sum for the biller to check, never a
 * claim; sessions without a needle inserted have no code and are counted apart.
 */
public final class BillingUnits implements Report {

    /** One month and clinician; field names are the JSON contract of `tdn report billing --json`. */
    public record Row(String month, String clinician, int cpt20560, int cpt20561, int noCode) {
    }

    private final TreeMap<String, Map<String, int[]>> byMonthAndClinician = new TreeMap<>();

    @Override
    public List<Count> counts() {
        // grouped by the database, ordered here: Java's order of text, as the table always was
        return List.of(new Count("SELECT started_month, clinician_id, cpt, count(*) FROM chosen"
                + " GROUP BY started_month, clinician_id, cpt", rs -> {
                    int[] counts = byMonthAndClinician.computeIfAbsent(rs.getString(1), m -> new TreeMap<>())
                            .computeIfAbsent(rs.getString(2), c -> new int[3]);
                    String cpt = rs.getString(3);
                    int column = Billing.ONE_OR_TWO_MUSCLES.equals(cpt) ? 0 : Billing.THREE_OR_MORE_MUSCLES.equals(cpt) ? 1 : 2;
                    counts[column] += rs.getInt(4);
                }));
    }

    @Override
    public List<Row> json() {
        List<Row> rows = new ArrayList<>();
        byMonthAndClinician.forEach((month, clinicians) -> clinicians.forEach(
                (clinician, c) -> rows.add(new Row(month, clinician, c[0], c[1], c[2]))));
        return rows;
    }

    /** Each month's suggested codes, every clinician's together, stacked by code. */
    @Override
    public Chart chart() {
        List<String> months = everyMonth();
        List<List<Integer>> columns = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (String month : months) {
            int[] sum = new int[3];
            byMonthAndClinician.getOrDefault(month, Map.of()).values().forEach(c -> {
                for (int i = 0; i < 3; i++) {
                    sum[i] += c[i];
                }
            });
            for (int i = 0; i < 3; i++) {
                columns.get(i).add(sum[i]);
            }
        }
        return new Chart("Suggested CPT codes by month", Chart.Kind.STACKED_BAR, "month", "sessions", months, List.of(
                new Chart.Series("20560 (1-2 muscles)", columns.get(0)),
                new Chart.Series("20561 (3 or more)", columns.get(1)),
                new Chart.Series("no code", columns.get(2))), null);
    }

    /** The months from the first to the last, those without a session too: a gap in billing is a fact to see. */
    private List<String> everyMonth() {
        List<String> months = new ArrayList<>();
        if (byMonthAndClinician.isEmpty()) {
            return months;
        }
        try {
            java.time.YearMonth last = java.time.YearMonth.parse(byMonthAndClinician.lastKey());
            for (java.time.YearMonth m = java.time.YearMonth.parse(byMonthAndClinician.firstKey());
                    !m.isAfter(last); m = m.plusMonths(1)) {
                months.add(m.toString());
            }
            return months;
        } catch (java.time.format.DateTimeParseException e) {
            // a month the store holds in another form: the months as they are
            return List.copyOf(byMonthAndClinician.keySet());
        }
    }

    @Override
    public void printTable(PrintWriter out) {
        print(out, 24);
    }

    @Override
    public void printFullTable(PrintWriter out) {
        print(out, Math.max(24, json().stream().mapToInt(r -> r.clinician().length()).max().orElse(0)));
    }

    /** The table with the clinician column {@code width} wide, longer ids cut to it. */
    private void print(PrintWriter out, int width) {
        List<Row> rows = json();
        String text = "%-7s  %-" + width + "s  ";
        out.println(String.format(text + "%6s  %6s  %7s", "MONTH", "CLINICIAN", "20560", "20561", "NO CODE"));
        int a = 0;
        int b = 0;
        int none = 0;
        for (Row row : rows) {
            out.println(String.format(text + "%6d  %6d  %7d", row.month(), fit(row.clinician(), width),
                    row.cpt20560(), row.cpt20561(), row.noCode()));
            a += row.cpt20560();
            b += row.cpt20561();
            none += row.noCode();
        }
        out.println(String.format(text + "%6d  %6d  %7d", "total", "", a, b, none));
        out.println("Codes suggested by the muscles needled, for the biller to check:");
        out.println("many payers treat dry needling as experimental.");
    }

    /**
     * A record's text cut to its column, then made printable: a clinician id or a muscle may hold
     * characters a terminal obeys, and a cut through a surrogate pair shows as U+FFFD.
     */
    static String fit(String s, int width) {
        return Printable.line(s.length() <= width ? s : s.substring(0, width - 1) + "~");
    }
}
