package dev.tdn.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import dev.tdn.ExitCode;
import dev.tdn.Printable;
import dev.tdn.TdnException;
import dev.tdn.report.Report;
import dev.tdn.report.ReportKind;
import dev.tdn.report.ReportPage;
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
            "Training records are left out unless --include-training. --html writes one self-contained page"
                + " with the report's chart (inline SVG: a patient's pain before and after across sessions, timed"
                + " steps inside, below and above their windows, adverse events by kind, suggested codes by"
                + " month) and its table; it needs no network to be viewed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:reported (also when nothing matched)",
            " 2:usage error: an unknown report, progress without --patient, a bad date, --html with --json",
            "66:there is no store (nothing imported yet, or a mistyped --store)",
            "74:the store cannot be read, or a stored session is damaged (changed since its import): the"
                + " others are reported, and each damaged one is named by its id (see tdn store check);"
                + " or the -o file cannot be written (no partial file is left)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tdn report adherence --since 2026-11-01 --until 2026-12-01",
            "  tdn report billing --since -30d --clinician pt-0042 --json",
            "  tdn report progress --patient MRN-12345",
            "  tdn report progress --patient MRN-12345 --html -o MRN-12345-progress.html"})
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

    @Option(names = "--html", description = "Write an HTML page with the report's chart and table instead of text.")
    boolean html;

    @Mixin
    OutputFile output;

    @Override
    public Integer call() throws TdnException {
        if (kind == ReportKind.PROGRESS && filters.patient == null) {
            throw new ParameterException(spec.commandLine(), "progress is one patient's: give --patient ID");
        }
        if (html && json.on()) {
            throw new ParameterException(spec.commandLine(), "--html and --json are two answers: give one");
        }
        Report report = kind.start();
        List<DamagedSession> damaged;
        try (SessionStore store = StoreAddress.parse(root.storeUrl()).openExisting(AuditedAs.command(spec, root))) {
            damaged = store.count(filters.query(includeTraining, 0), report.counts());
        }
        String page = html ? ReportPage.of("tdn report " + kind.text(), about(), report, damaged.size()) : null;
        if (!output.toStandardOutput()) {
            output.write(stream -> {
                PrintWriter file = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
                write(file, report, page);
                file.flush();
            });
        } else {
            PrintWriter out = spec.commandLine().getOut();
            write(out, report, page);
            out.flush();
        }
        if (!damaged.isEmpty()) {
            // the figures leave them out; each is named, by id only, after the report
            throw new DamagedInStore(damaged);
        }
        return ExitCode.OK;
    }

    private void write(PrintWriter out, Report report, String page) {
        if (page != null) {
            out.print(page);
        } else if (json.on()) {
            json.print(out, report.json());
        } else {
            report.printTable(out);
        }
    }

    /** "Sessions since 2026-11-01 of patient MRN-12345; made 2026-12-04 09:30 by tdn 0.1.0": what the page covers. */
    private String about() {
        StringBuilder sb = new StringBuilder("Sessions in the clinic store");
        if (filters.patient != null) {
            sb.append(", patient ").append(filters.patient);
        }
        if (filters.clinician != null) {
            sb.append(", clinician ").append(filters.clinician);
        }
        if (filters.since != null) {
            sb.append(", since ").append(filters.since);
        }
        if (filters.until != null) {
            sb.append(", until ").append(filters.until);
        }
        if (filters.status != null) {
            sb.append(", status ").append(filters.status.json());
        }
        sb.append(includeTraining ? ", training records included" : "");
        return Printable.line(sb.toString()) + ". Made " + java.time.ZonedDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                .format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm xxx")) + " by tdn "
                + VersionProvider.version() + ".";
    }
}
