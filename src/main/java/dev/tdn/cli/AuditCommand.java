package dev.tdn.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.tdn.TdnException;
import dev.tdn.ExitCode;
import dev.tdn.Printable;
import dev.tdn.store.AuditCheck;
import dev.tdn.store.AuditEntry;
import dev.tdn.store.AuditQuery;
import dev.tdn.store.SessionStore;
import dev.tdn.store.StoreAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "audit",
        mixinStandardHelpOptions = true,
        description = {
            "List the store's audit trail, newest first: one entry for every command that read or wrote patient"
                    + " data (list, show, export, report, import, session, recover, store, audit itself), with when,"
                    + " the operating-system user, the configured clinician, the command and what it was given, and"
                    + " the sessions and patients it reached (the first 100 of each by id, and their counts).",
            "The trail is append-only: the database refuses to change or remove an entry, and each entry"
                    + " carries the hash of the one before, so verify finds one edited or removed behind tdn's back.",
            "--patient lists the entries that named the patient or reached their sessions, and those that"
                    + " reached too many patients to name them all. --json prints every match (unless --limit)"
                    + " as an array of {seq, at, osUser, clinician, command, filters, sessions, sessionIds,"
                    + " patients, patientIds}."},
        subcommands = AuditCommand.Verify.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:listed (also when nothing matched)",
            " 2:usage error, such as a date that cannot be read",
            "66:there is no store",
            "74:the store cannot be read, or the audit entry of this reading cannot be written"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tdn audit --patient MRN-12345",
            "  tdn audit --since -7d --command export",
            "  tdn audit --clinician pt-0042 --json > audit.json",
            "  tdn audit verify"})
public final class AuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    TdnCommand root;

    @Option(names = "--patient", paramLabel = "ID", description = "Only entries that concern this patient.")
    String patient;

    @Option(names = "--clinician", paramLabel = "ID", description = "Only entries made with this clinician configured.")
    String clinician;

    @Option(names = "--command", paramLabel = "NAME",
            description = "Only this command's entries (store finds store check and store repair too).")
    String command;

    @Option(names = "--since", paramLabel = "DAY",
            description = "Written on or after this day (YYYY-MM-DD, today, yesterday, -7d; local) or ISO-8601 time.")
    String since;

    @Option(names = "--until", paramLabel = "DAY",
            description = "Written before this day (YYYY-MM-DD, today, tomorrow, -7d; local) or ISO-8601 time.")
    String until;

    @Option(names = "--limit", paramLabel = "N", description = "At most N entries (default 50 in the table; all with --json).")
    Integer limit;

    @Option(names = "--all", description = "Every matching entry.")
    boolean all;

    @Mixin
    JsonOutput json;

    /** One entry as --json gives it. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Listed(long seq, String at, String osUser, String clinician, String command, Map<String, String> filters,
            int sessions, List<String> sessionIds, int patients, List<String> patientIds) {
        static Listed of(AuditEntry e) {
            return new Listed(e.seq(), e.at(), e.osUser(), e.clinician(), e.command(), e.filters(), e.sessionCount(),
                    e.sessionIds(), e.patientCount(), e.patientIds());
        }
    }

    @Override
    public Integer call() throws TdnException {
        if (limit != null && limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit takes a number of entries, 1 or more");
        }
        int max = all ? 0 : limit != null ? limit : json.on() ? 0 : 50;
        AuditQuery query = new AuditQuery(patient, clinician, command, instant(since, "--since"),
                instant(until, "--until"), max);
        List<AuditEntry> entries;
        try (SessionStore store = StoreAddress.parse(root.storeUrl()).openExisting(AuditedAs.command(spec, root))) {
            entries = store.audit(query);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            json.print(out, entries.stream().map(Listed::of).toList());
        } else {
            out.println(String.format("%6s  %-19s  %-10s  %-10s  %-12s  %8s  %s", "ENTRY", "AT (UTC)", "USER",
                    "CLINICIAN", "COMMAND", "SESSIONS", "GIVEN"));
            for (AuditEntry e : entries) {
                out.println(String.format("%6d  %-19s  %-10s  %-10s  %-12s  %8d  %s", e.seq(),
                        e.at().substring(0, Math.min(19, e.at().length())).replace('T', ' '), fit(e.osUser(), 10),
                        fit(e.clinician() == null ? "-" : e.clinician(), 10), fit(e.command(), 12), e.sessionCount(),
                        Printable.line(given(e.filters()))));
            }
            if (!all && limit == null && entries.size() == max) {
                spec.commandLine().getErr().println("(newest " + max + " shown; --all for every match)");
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String given(Map<String, String> filters) {
        return filters.entrySet().stream()
                .map(e -> e.getValue().equals("true") ? "--" + e.getKey() : "--" + e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(" "));
    }

    private static String fit(String s, int width) {
        return Printable.line(s.length() <= width ? s : s.substring(0, width - 1) + "~");
    }

    private Instant instant(String text, String option) {
        if (text == null) {
            return null;
        }
        ZoneId zone = ZoneId.systemDefault();
        return DayOrTime.parse(text, LocalDate.now(zone), zone).orElseThrow(() ->
                new ParameterException(spec.commandLine(), option + " takes " + DayOrTime.FORMS));
    }

    @Command(name = "verify",
            mixinStandardHelpOptions = true,
            description = {
                "Check the whole audit trail: every entry numbered one after the other, each linked to the hash of"
                        + " the one before, each hash matching its entry. Each break is named by entry number, never"
                        + " by content.",
                "It prints the last entry's number and hash: write them down elsewhere (a ticket, a log the"
                        + " store's owner cannot edit) to detect, later, entries removed from the end.",
                "--json prints {checked, lastEntry, lastHash, intact, breaks[entry, what], exitCode}."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                " 0:the trail is intact",
                "65:an entry was changed or removed",
                "66:there is no store",
                "74:the store cannot be read"},
            footerHeading = "%nExamples:%n",
            footer = {
                "  tdn audit verify",
                "  tdn audit verify --json"})
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ParentCommand
        AuditCommand parent;

        @Mixin
        JsonOutput json;

        @JsonInclude(JsonInclude.Include.ALWAYS)
        record Verified(int checked, long lastEntry, String lastHash, boolean intact, List<BreakJson> breaks,
                int exitCode) {
        }

        record BreakJson(long entry, String what) {
        }

        @Override
        public Integer call() throws TdnException {
            AuditCheck check;
            try (SessionStore store = StoreAddress.parse(parent.root.storeUrl())
                    .openExisting(AuditedAs.command(spec, parent.root))) {
                check = store.verifyAudit();
            }
            int exit = check.intact() ? ExitCode.OK : ExitCode.DATA_ERR;
            PrintWriter out = spec.commandLine().getOut();
            if (json.on()) {
                json.print(out, new Verified(check.checked(), check.lastSeq(), check.lastHash(), check.intact(),
                        check.breaks().stream().map(b -> new BreakJson(b.seq(), b.what())).toList(), exit));
            } else {
                check.breaks().forEach(b -> out.println("tdn audit verify: " + b.what()));
                out.println(check.checked() + " entries checked, " + (check.intact() ? "the trail is intact"
                        : check.breaks().size() + " break(s)") + "; last entry " + check.lastSeq()
                        + (check.lastHash() == null ? "" : " sha256 " + check.lastHash()));
            }
            out.flush();
            return exit;
        }
    }
}
