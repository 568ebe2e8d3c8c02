package dev.tdn.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import dev.tdn.record.Status;
import dev.tdn.store.SessionQuery;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The filters `tdn list`, `tdn export` and `tdn report` share, so all pick sessions the same way. */
public final class SessionFilters {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--patient", paramLabel = "ID", description = "Only this patient's sessions.")
    String patient;

    @Option(names = "--clinician", paramLabel = "ID", description = "Only this clinician's sessions.")
    String clinician;

    @Option(names = "--since", paramLabel = "DAY",
            description = "Started on or after this day (YYYY-MM-DD, today, yesterday, -7d, -2w; local) or ISO-8601 time.")
    String since;

    @Option(names = "--until", paramLabel = "DAY",
            description = "Started before this day (YYYY-MM-DD, today, tomorrow, -7d; local) or ISO-8601 time.")
    String until;

    @Option(names = "--status", paramLabel = "STATUS", converter = Spelled.Statuses.class,
            completionCandidates = Spelled.Statuses.class, description = "${COMPLETION-CANDIDATES}.")
    Status status;

    /** The query these filters make; a value that cannot be read is a usage error naming its option. */
    SessionQuery query(boolean training, int limit) {
        return new SessionQuery(patient, clinician, instant(since, "--since"), instant(until, "--until"),
                status == null ? null : status.json(), training, limit);
    }

    private Instant instant(String text, String option) {
        if (text == null) {
            return null;
        }
        ZoneId zone = ZoneId.systemDefault();
        return DayOrTime.parse(text, LocalDate.now(zone), zone).orElseThrow(() ->
                new ParameterException(spec.commandLine(), option + " takes " + DayOrTime.FORMS));
    }
}
