package dev.tdn.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;

import dev.tdn.store.SessionQuery;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The filters `tdn list` and `tdn export` share, so both pick sessions the same way. */
public final class SessionFilters {

    static final List<String> STATUSES = List.of("completed", "aborted", "not-done", "recovered", "resumed");

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--patient", paramLabel = "ID", description = "Only this patient's sessions.")
    String patient;

    @Option(names = "--clinician", paramLabel = "ID", description = "Only this clinician's sessions.")
    String clinician;

    @Option(names = "--since", paramLabel = "DATE", description = "Started on or after this date (YYYY-MM-DD, local) or instant.")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Started before this date (YYYY-MM-DD, local) or instant.")
    String until;

    @Option(names = "--status", paramLabel = "STATUS", completionCandidates = Statuses.class,
            description = "completed, aborted, not-done, recovered or resumed.")
    String status;

    /** The query these filters make; a value that cannot be read is a usage error naming its option. */
    SessionQuery query(boolean training, int limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw new ParameterException(spec.commandLine(), "--status is completed, aborted, not-done, recovered or resumed");
        }
        return new SessionQuery(patient, clinician, instant(since, "--since"), instant(until, "--until"), status,
                training, limit);
    }

    private Instant instant(String text, String option) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), option + " takes YYYY-MM-DD or an ISO-8601 time with offset");
            }
        }
    }

    /** What the shell offers for --status. */
    static final class Statuses implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return STATUSES.iterator();
        }
    }
}
