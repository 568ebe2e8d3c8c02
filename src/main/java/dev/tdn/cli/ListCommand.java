package dev.tdn.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.tdn.ExitCode;
import dev.tdn.Printable;
import dev.tdn.store.SessionQuery;
import dev.tdn.store.SessionStore;
import dev.tdn.store.StoreAddress;
import dev.tdn.store.StoreException;
import dev.tdn.store.StoredSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "list",
        mixinStandardHelpOptions = true,
        description = {
            "List the sessions in the clinic store, newest first: 50 by default, every match with --all.",
            "--json prints every match (unless --limit) as an array of {id, startedAt, patient, clinician,"
                    + " status, points, cpt, training}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:listed (also when nothing matched)",
            " 2:usage error, such as a date that cannot be read",
            "66:there is no store (nothing imported yet, or a mistyped --store)",
            "74:the store cannot be read"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tdn list",
            "  tdn list --patient MRN-12345 --all",
            "  tdn list --since -7d --status aborted",
            "  tdn list --since 2026-11-01 --until 2026-12-01",
            "  tdn list --json --clinician pt-0042 > sessions.json"})
public final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    TdnCommand root;

    @Mixin
    SessionFilters filters;

    @Option(names = "--limit", paramLabel = "N", description = "At most N sessions (default 50 in the table; all with --json).")
    Integer limit;

    @Option(names = "--all", description = "Every matching session.")
    boolean all;

    @Mixin
    JsonOutput json;

    /** One listed session, as --json gives it. */
    record Listed(String id, String startedAt, String patient, String clinician, String status, int points,
            String cpt, boolean training) {
        static Listed of(StoredSession s) {
            return new Listed(s.id(), s.startedAt(), s.patientId(), s.clinicianId(), s.status(), s.points(), s.cpt(),
                    s.training());
        }
    }

    @Override
    public Integer call() throws dev.tdn.TdnException {
        int max = all ? 0 : limit != null ? limit : json.on() ? 0 : 50;
        SessionQuery query = filters.query(true, max);
        List<StoredSession> rows;
        try (SessionStore store = StoreAddress.parse(root.storeUrl()).openExisting(AuditedAs.command(spec, root))) {
            rows = store.list(query);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            json.print(out, rows.stream().map(Listed::of).toList());
        } else {
            out.println(String.format("%-8s  %-16s  %-14s  %-10s  %-9s  %3s  %-5s", "ID", "STARTED", "PATIENT",
                    "CLINICIAN", "STATUS", "PTS", "CPT"));
            for (StoredSession s : rows) {
                out.println(String.format("%-8s  %-16s  %-14s  %-10s  %-9s  %3d  %-5s", Printable.line(s.id().substring(0, 8)),
                        Printable.line(s.startedAt().substring(0, Math.min(16, s.startedAt().length())).replace('T', ' ')),
                        fit(s.patientId(), 14), fit(s.clinicianId(), 10),
                        Printable.line(s.status()) + (s.training() ? "*" : ""),
                        s.points(), s.cpt() == null ? "-" : Printable.line(s.cpt())));
            }
            if (rows.stream().anyMatch(StoredSession::training)) {
                out.println("* training record");
            }
            if (!all && limit == null && rows.size() == max) {
                spec.commandLine().getErr().println("(newest " + max + " shown; --all for every match)");
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    /**
     * A stored value cut to its column and made printable: the store holds what records said,
     * and ids allow characters that a terminal obeys. Cut first, so a cut through a surrogate
     * pair shows as U+FFFD rather than as half a character.
     */
    private static String fit(String s, int width) {
        return Printable.line(s.length() <= width ? s : s.substring(0, width - 1) + "~");
    }
}
