package dev.tdn.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.tdn.ExitCode;
import dev.tdn.TdnException;
import dev.tdn.report.Report;
import dev.tdn.report.ReportKind;
import dev.tdn.store.DamagedInStore;
import dev.tdn.store.DamagedSession;
import dev.tdn.store.SessionStore;
import dev.tdn.store.StoreAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:reported (also when nothing matched)",
            " 2:usage error: an unknown report, progress without --patient, a bad date",
            "66:there is no store (nothing imported yet, or a mistyped --store)",
            "74:the store cannot be read, or a stored session is damaged (changed since its import): the"
                + " others are reported, and each damaged one is named by its id (see tdn store check)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tdn report adherence --since 2026-11-01 --until 2026-12-01",
            "  tdn report billing --since -30d --clinician pt-0042 --json",
            "  tdn report progress --patient MRN-12345"})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    TdnCommand root;

    @Parameters(paramLabel = "REPORT", converter = Spelled.Reports.class, completionCandidates = Spelled.Reports.class,
            description = "${COMPLETION-CANDIDATES}.")
    ReportKind kind;

    @Mixin
    SessionFilters filters;

    @Option(names = "--include-training", description = "Also count training records (scaled clock).")
    boolean includeTraining;

    @Mixin
    JsonOutput json;

    @Override
    public Integer call() throws TdnException {
        if (kind == ReportKind.PROGRESS && filters.patient == null) {
            throw new ParameterException(spec.commandLine(), "progress is one patient's: give --patient ID");
        }
        Report report = kind.start();
        List<DamagedSession> damaged;
        try (SessionStore store = StoreAddress.parse(root.storeUrl()).openExisting(AuditedAs.command(spec, root))) {
            damaged = store.count(filters.query(includeTraining, 0), report.counts());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            json.print(out, report.json());
        } else {
            report.printTable(out);
        }
        out.flush();
        if (!damaged.isEmpty()) {
            // the figures leave them out; each is named, by id only, after the report
            throw new DamagedInStore(damaged);
        }
        return ExitCode.OK;
    }
}
