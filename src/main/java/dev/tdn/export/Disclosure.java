package dev.tdn.export;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tdn.json.DateTimeText;
import dev.tdn.protocol.MuscleCatalogue;
import dev.tdn.record.Clinician;
import dev.tdn.record.Deviation;
import dev.tdn.record.Discomfort;
import dev.tdn.record.Patient;
import dev.tdn.record.Point;
import dev.tdn.record.SessionRecord;
import dev.tdn.record.SitePrepItem;
import dev.tdn.store.Pseudonyms;

/**
 * What of a session may leave the clinic in one export: everything (the default), or for
 * research the HIPAA Safe Harbor de-identification (45 CFR 164.514(b)(2)), with or without
 * pseudonyms. Applied to each record before any format sees it, so every format discloses the
 * same; the formats only ask it how to write a time.
 *
 * <p>De-identified: no patient or clinician identifier or name (a pseudonym instead, when
 * asked), the session's own id replaced by one made for this export (it is in the EHR, so it
 * would identify), every date and time reduced to its year, and no free text (notes, reasons,
 * locations, discomfort notes, the timeline's details, muscle names the catalogue does not
 * list). Records hold no ages, addresses or contact details. Pseudonymised only: the patient and
 * clinician replaced by their pseudonyms, the clinician's name left out, the rest as stored.
 */
public final class Disclosure {

    /** The muscle of a point whose typed name is withheld: tdn's words, never the clinician's. */
    static final String WITHHELD_MUSCLE = "withheld (not in the catalogue)";

    public static final Disclosure AS_STORED = new Disclosure(false, null);

    private final boolean deidentified;
    private final Pseudonyms pseudonyms;
    /** This export's ids for the sessions, so a session's rows and resources still go together. */
    private final Map<String, String> sessionIds = new HashMap<>();

    private Disclosure(boolean deidentified, Pseudonyms pseudonyms) {
        this.deidentified = deidentified;
        this.pseudonyms = pseudonyms;
    }

    /** Safe Harbor; with {@code pseudonyms} (or null) for following a patient across sessions. */
    public static Disclosure deidentified(Pseudonyms pseudonyms) {
        return new Disclosure(true, pseudonyms);
    }

    /** Identifiers replaced by pseudonyms, everything else as stored. */
    public static Disclosure pseudonymised(Pseudonyms pseudonyms) {
        return new Disclosure(false, pseudonyms);
    }

    /** True when records leave as they are stored (the NDJSON export can then write the stored bytes). */
    public boolean asStored() {
        return !deidentified && pseudonyms == null;
    }

    boolean deidentified() {
        return deidentified;
    }

    /** A time as this export may give it: in full, or only its year ("2026", which FHIR's dateTime also takes). */
    String time(OffsetDateTime t) {
        if (t == null) {
            return null;
        }
        return deidentified ? String.valueOf(t.getYear()) : DateTimeText.format(t);
    }

    /** The record as it may leave; the record itself when nothing is withheld. */
    SessionRecord of(SessionRecord r) {
        if (asStored()) {
            return r;
        }
        Patient patient = new Patient(pseudonyms == null ? null : pseudonym(r, pseudonyms.patient(r.patient().id()), "patient"));
        Clinician clinician = new Clinician(pseudonyms == null ? null
                : pseudonym(r, pseudonyms.clinician(r.clinician().id()), "clinician"), null, null);
        if (!deidentified) {
            return new SessionRecord(r.schemaVersion(), r.id(), r.status(), r.training(), r.startedAt(), r.endedAt(),
                    clinician, patient, r.protocol(), r.screening(), r.painBefore(), r.sitePrep(), r.points(),
                    r.handsSanitizedAt(), r.painAfter(), r.adverseEvents(), r.aftercareGiven(), r.deviations(),
                    r.billing(), r.notes(), r.events(), r.software());
        }
        String id = sessionIds.computeIfAbsent(r.id(), k -> UUID.randomUUID().toString());
        return new SessionRecord(r.schemaVersion(), id, r.status(), r.training(), r.startedAt(), r.endedAt(),
                clinician, patient, r.protocol(), r.screening(), r.painBefore(),
                r.sitePrep().stream().map(s -> new SitePrepItem(s.item(), null, s.at())).toList(),
                r.points().stream().map(Disclosure::withoutText).toList(),
                r.handsSanitizedAt(), r.painAfter(), r.adverseEvents(), r.aftercareGiven(),
                r.deviations().stream().map(d -> new Deviation(d.point(), d.step(), d.rule(), null, null)).toList(),
                r.billing(), null,
                // the timeline is times and typed details, nothing a study needs that the rest does not hold;
                // the writer's name and version are whatever text the writer put there
                List.of(), null);
    }

    /**
     * The store lists a pseudonym for every id its sessions' columns hold; a record whose id is
     * not among them was changed in the store behind tdn's back.
     */
    private static String pseudonym(SessionRecord r, String pseudonym, String who) {
        if (pseudonym == null) {
            throw new NotExportable("session " + r.id() + ": its " + who
                    + " is not the one the store lists for it (see tdn store check)");
        }
        return pseudonym;
    }

    /**
     * The point without typed text. A muscle is kept only as the catalogue names it, and its
     * whole muscle as the catalogue has it: a record's own muscleOf is text too.
     */
    private static Point withoutText(Point p) {
        var entry = Boolean.FALSE.equals(p.listed()) ? java.util.Optional.<MuscleCatalogue.Entry>empty()
                : MuscleCatalogue.find(p.muscle());
        boolean listed = entry.isPresent();
        return new Point(p.n(), listed ? entry.get().name() : WITHHELD_MUSCLE, listed ? entry.get().muscle() : null,
                listed ? p.listed() : Boolean.FALSE, p.side(), null, p.palpation(), p.needle(), p.needlesInserted(),
                p.needlesRemoved(), p.depthMm(), p.technique(), p.electricalStimulation(), p.insertedAt(), p.twitch(),
                p.dwell(), p.removedAt(), p.siteCleansedAt(), p.compression(), p.bleeding(), p.bandage(),
                p.discomfort() == null ? null : p.discomfort().stream().map(d -> new Discomfort(d.at(), null)).toList());
    }
}
