package dev.tdn.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.tdn.record.AdverseEvent;
import dev.tdn.record.Deviation;
import dev.tdn.record.Point;
import dev.tdn.record.SessionRecord;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/** Rows of {@link CsvRow}, with a header, written as RFC 4180 quoting requires. */
final class CsvExport implements Export {

    private static final CsvMapper MAPPER = new CsvMapper();
    private static final CsvSchema SCHEMA = MAPPER.schemaFor(CsvRow.class).withHeader();

    private final Writer out;
    private final Disclosure disclosure;
    private SequenceWriter rows;

    CsvExport(Writer out, Disclosure disclosure) {
        this.out = out;
        this.disclosure = disclosure;
    }

    @Override
    public void add(SessionRecord record) throws IOException {
        try {
            for (CsvRow row : rows(disclosure.of(record), disclosure)) {
                rows().write(row);
            }
        } catch (JacksonIOException e) {
            throw e.getCause();
        }
    }

    private SequenceWriter rows() {
        if (rows == null) {
            rows = MAPPER.writer(SCHEMA).writeValues(out);
        }
        return rows;
    }

    @Override
    public void finish() throws IOException {
        if (rows == null) {
            // Jackson writes the header with the first row; an empty export still names its columns
            out.write(String.join(",", SCHEMA.getColumnNames()) + "\n");
            out.flush();
            return;
        }
        try {
            rows.flush();
        } catch (JacksonIOException e) {
            throw e.getCause();
        }
    }

    static List<CsvRow> rows(SessionRecord r, Disclosure d) {
        if (r.points().isEmpty()) {
            return List.of(row(r, null, d));
        }
        return r.points().stream().map(p -> row(r, p, d)).toList();
    }

    private static CsvRow row(SessionRecord r, Point p, Disclosure d) {
        String sessionDeviations = deviations(r.deviations(), null);
        String sessionReasons = reasons(r.deviations(), null);
        String precautions = precautionsAccepted(r);
        String adverse = r.adverseEvents() == null ? null : r.adverseEvents().stream().map(AdverseEvent::json).collect(Collectors.joining("; "));
        if (p == null) {
            return new CsvRow(r.id(), d.time(r.startedAt()), d.time(r.endedAt()), r.status().json(), r.training(),
                    Cell.text(r.patient().id()), Cell.text(r.clinician().id()), Cell.text(r.protocol().name()),
                    r.protocol().version(), r.painBefore(), r.painAfter(), r.billing().musclesTreated(),
                    r.billing().cpt(), adverse, r.aftercareGiven(), sessionDeviations, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, sessionReasons, null, precautions);
        }
        var dwell = p.dwell();
        var compression = p.compression();
        return new CsvRow(r.id(), d.time(r.startedAt()), d.time(r.endedAt()), r.status().json(), r.training(),
                Cell.text(r.patient().id()), Cell.text(r.clinician().id()), Cell.text(r.protocol().name()),
                r.protocol().version(), r.painBefore(), r.painAfter(), r.billing().musclesTreated(), r.billing().cpt(),
                adverse, r.aftercareGiven(), sessionDeviations, p.n(), Cell.text(p.muscle()),
                p.side() == null ? null : p.side().json(), Cell.text(p.location()),
                p.technique() == null ? null : p.technique().json(), p.twitch() == null ? null : p.twitch().json(),
                p.electricalStimulation(), p.needlesInserted(), p.needlesRemoved(), p.depthMm(), d.time(p.insertedAt()),
                dwell == null ? null : dwell.seconds(), dwell == null ? null : dwell.minSeconds(),
                dwell == null ? null : dwell.maxSeconds(), dwell == null ? null : dwell.extended(),
                dwell == null ? null : dwell.pausedSeconds(), d.time(p.removedAt()),
                compression == null ? null : compression.seconds(),
                compression == null ? null : compression.minSeconds(),
                compression == null ? null : compression.maxSeconds(), p.bleeding(), p.bandage(),
                deviations(r.deviations(), p.n()), Cell.text(p.wholeMuscle()), p.listed(), sessionReasons,
                reasons(r.deviations(), p.n()), precautions);
    }

    /** "dwell below-minimum; compression above-maximum": the rules only, the reasons stay in the record. */
    private static String deviations(List<Deviation> all, Integer point) {
        return all.stream().filter(d -> Objects.equals(d.point(), point))
                .map(d -> d.step().json() + " " + d.rule().json())
                .collect(Collectors.joining("; "));
    }

    /**
     * "dwell below-minimum: patient asked to stop", one deviation a line: the reasons as typed,
     * where a "; " of the clinician's could not be told from one between two deviations (the cell
     * starts with a step's name, so a reason can never make it a formula).
     */
    private static String reasons(List<Deviation> all, Integer point) {
        // a de-identified export holds no reason: free text
        return all.stream().filter(d -> Objects.equals(d.point(), point) && d.reason() != null)
                .map(d -> d.step().json() + " " + d.rule().json() + ": " + d.reason())
                .collect(Collectors.joining("\n"));
    }

    private static String precautionsAccepted(SessionRecord r) {
        return Cell.text(String.join("; ", r.precautionsAccepted()));
    }
}
