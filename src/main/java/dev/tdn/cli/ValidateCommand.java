package dev.tdn.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import dev.tdn.ExitCode;
import dev.tdn.Printable;
import dev.tdn.json.Document;
import dev.tdn.json.Problem;
import dev.tdn.record.CheckedRecord;
import dev.tdn.record.RecordInputs;
import dev.tdn.record.RecordValidator;

@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Check session records against the v1 schema and the record rules.",
            "Prints one line per problem: FILE:LINE:COL: $.json.path: what is wrong [rule].",
            "Messages never quote values from the record.",
            "--json prints {valid, summary: {records, valid, invalid, missing, unreadable}, problems: [{file, line,"
                    + " column, path, rule, message}], missing, unreadable: [{file, reason}]}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:every record is valid",
            "65:a record is invalid (the valid ones are still reported as checked)",
            "66:an input is missing or unreadable",
            "74:reading an input failed part-way"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tdn validate ~/.local/share/tdn/sessions/",
            "  tdn validate --json 2026-11-26_*.json",
            "  export-from-emr | tdn validate -"})
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    TdnCommand root;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "A record (.json), NDJSON (.ndjson, one record per line), a directory (searched"
                    + " for both), or - for standard input (one record or NDJSON).")
    List<String> inputs;

    @Mixin
    JsonOutput json;

    @Option(names = {"-q", "--quiet"}, description = "Do not print the summary line.")
    boolean quiet;

    @Override
    public Integer call() {
        RecordValidator validator = RecordValidator.load();
        ValidationReport report = new ValidationReport();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RecordInputs.read(inputs, root.stdin(), new RecordInputs.Visitor() {
            @Override
            public void document(Document document) {
                CheckedRecord checked = validator.check(document);
                report.add(checked.problems());
                if (!json.on()) {
                    checked.problems().forEach(p -> out.println(p.format()));
                }
            }

            @Override
            public void rejected(Problem problem) {
                report.add(List.of(problem));
                if (!json.on()) {
                    out.println(problem.format());
                }
            }

            @Override
            public void missing(String source, String reason) {
                report.missing(source, reason);
                if (!json.on()) {
                    err.println("tdn validate: " + Printable.line(source + ": " + reason));
                }
            }

            @Override
            public void failed(String source, String reason) {
                report.failed(source, reason);
                if (!json.on()) {
                    err.println("tdn validate: " + Printable.line(source + ": " + reason));
                }
            }
        });
        if (json.on()) {
            json.print(out, report.json());
        } else if (!quiet) {
            err.println(report.summary());
        }
        out.flush();
        err.flush();
        return report.exitCode();
    }

    /** What one run found, for the summary line, the JSON report and the exit code. */
    static final class ValidationReport {
        private int records;
        private int invalid;
        private final List<Problem> problems = new ArrayList<>();
        private final List<JsonOutput.InputJson> missing = new ArrayList<>();
        private final List<JsonOutput.InputJson> failed = new ArrayList<>();

        void add(List<Problem> found) {
            records++;
            if (!found.isEmpty()) {
                invalid++;
                problems.addAll(found);
            }
        }

        void missing(String source, String reason) {
            missing.add(new JsonOutput.InputJson(source, reason));
        }

        void failed(String source, String reason) {
            failed.add(new JsonOutput.InputJson(source, reason));
        }

        /** The most serious outcome wins: a read failure, then a missing input, then bad data. */
        int exitCode() {
            if (!failed.isEmpty()) {
                return ExitCode.IO_ERR;
            }
            if (!missing.isEmpty()) {
                return ExitCode.NO_INPUT;
            }
            return invalid > 0 ? ExitCode.DATA_ERR : ExitCode.OK;
        }

        String summary() {
            String s = records + (records == 1 ? " record" : " records") + " checked: "
                    + (records - invalid) + " valid, " + invalid + " invalid";
            if (!missing.isEmpty()) {
                s += ", " + missing.size() + " input(s) missing";
            }
            if (!failed.isEmpty()) {
                s += ", " + failed.size() + " input(s) unreadable";
            }
            return s;
        }

        /** What --json prints. */
        record Json(boolean valid, Summary summary, List<JsonOutput.ProblemJson> problems,
                List<JsonOutput.InputJson> missing, List<JsonOutput.InputJson> unreadable) {
        }

        record Summary(int records, int valid, int invalid, int missing, int unreadable) {
        }

        Json json() {
            return new Json(exitCode() == ExitCode.OK, new Summary(records, records - invalid, invalid, missing.size(),
                    failed.size()), JsonOutput.ProblemJson.of(problems), missing, failed);
        }
    }
}
