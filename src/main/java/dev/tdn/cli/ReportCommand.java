package dev.tdn.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

import dev.tdn.ExitCode;
import dev.tdn.report.Adherence;
import dev.tdn.report.AdverseEvents;
import dev.tdn.report.BillingUnits;
import dev.tdn.report.Progress;
import dev.tdn.report.Report;
import dev.tdn.store.SqliteStore;
import dev.tdn.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Answer a clinic's questions about the sessions in the store.",
            "",
            "  adherence       dwell and compression against their windows, extended",
            "                  windows, needle counts, hand hygiene, deviations",
            "  billing         suggested CPT codes by month and clinician",
            "                  (20560: 1-2 muscles, 20561: 3 or more)",
            "  adverse-events  reactions per session with needling; bleeding, bandages",
            "  progress        one patient's sessions, pain before and after (--patient)",
            "",
            "Training records are left out unless --include-training."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tdn report adherence --since 2026-11-01 --until 2026-12-01",
            "  tdn report billing --clinician pt-0042 --json",
            "  tdn report progress --patient MRN-12345",
            "",
            "Exit codes:",
            "  0   reported (also when nothing matched)",
            "  2   usage error: an unknown report, progress without --patient, a bad date",
            "  66  there is no store (nothing imported yet, or a mistyped --store)",
            "  74  the store cannot be read, or a stored record changed since its import"})
public final class ReportCommand implements Callable<Integer> {

    static final List<String> REPORTS = List.of("adherence", "billing", "adverse-events", "progress");

    @Spec
    CommandSpec spec;

    @ParentCommand
    TdnCommand root;

    @Parameters(paramLabel = "REPORT", completionCandidates = Reports.class,
            description = "adherence, billing, adverse-events or progress.")
    String name;

    @Mixin
    SessionFilters filters;

    @Option(names = "--include-training", description = "Also count training records (scaled clock).")
    boolean includeTraining;

    @Option(names = "--json", description = "Print the figures as JSON for scripts.")
    boolean json;

    @Override
    public Integer call() {
        Report report = switch (name) {
            case "adherence" -> new Adherence();
            case "billing" -> new BillingUnits();
            case "adverse-events" -> new AdverseEvents();
            case "progress" -> new Progress();
            default -> throw new ParameterException(spec.commandLine(),
                    "REPORT is adherence, billing, adverse-events or progress");
        };
        if (report instanceof Progress && filters.patient == null) {
            throw new ParameterException(spec.commandLine(), "progress is one patient's: give --patient ID");
        }
        try (SqliteStore store = SqliteStore.openExisting(root.storeUrl())) {
            store.eachRecord(filters.query(includeTraining, 0), report::add);
        } catch (StoreException e) {
            spec.commandLine().getErr().println("tdn report: " + e.getMessage());
            return e.exitCode();
        } catch (IOException e) {
            spec.commandLine().getErr().println("tdn report: " + e.getMessage());
            return ExitCode.IO_ERR;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                    .writeValueAsString(report.json()));
        } else {
            report.printTable(out);
        }
        out.flush();
        return ExitCode.OK;
    }

    /** What the shell offers for REPORT. */
    static final class Reports implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return REPORTS.iterator();
        }
    }
}
