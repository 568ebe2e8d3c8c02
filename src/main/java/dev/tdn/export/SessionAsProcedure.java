package dev.tdn.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tdn.record.Billing;
import dev.tdn.record.Clinician;
import dev.tdn.record.Deviation;
import dev.tdn.protocol.MuscleCatalogue;
import dev.tdn.record.Point;
import dev.tdn.record.Side;
import dev.tdn.record.SessionRecord;

/**
 * A session as the FHIR R4 Procedure a clinic's EHR takes in. What FHIR has a place for goes
 * there (status, CPT code, patient, clinician, period, muscles as body sites, adverse events as
 * complications); the protocol detail (windows, twitch, deviations with reasons) goes in notes,
 * where a reader finds it and no receiving system misreads it as coded data.
 */
final class SessionAsProcedure {

    static final String CPT = "http://www.ama-assn.org/go/cpt";
    static final String URI = "urn:ietf:rfc:3986";
    /** HL7's "test health data" tag: a training record must never be taken for a real treatment. */
    static final Fhir.Coding TEST_DATA = new Fhir.Coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", "HTEST",
            "test health data");

    private SessionAsProcedure() {
    }

    static Fhir.Procedure of(SessionRecord r, IdentifierSystems systems, BundleType bundle, Disclosure disclosure) {
        List<Fhir.CodeableConcept> sites = bodySites(r.points());
        return new Fhir.Procedure("Procedure",
                // a conditional update finds the server's own id by the identifier; an id of ours would clash with it
                bundle == BundleType.TRANSACTION ? null : r.id(),
                r.training() ? new Fhir.Meta(List.of(TEST_DATA)) : null,
                narrative(r, sites),
                List.of(identifier(r.id())),
                status(r), statusReason(r), code(r.billing()),
                patient(r, systems, bundle),
                new Fhir.Period(disclosure.time(r.startedAt()), disclosure.time(r.endedAt())),
                performers(r, systems, bundle).stream().map(Fhir.Performer::new).toList(),
                sites,
                (r.adverseEvents() == null ? List.<dev.tdn.record.AdverseEvent>of() : r.adverseEvents()).stream().map(a -> Fhir.CodeableConcept.text(a.json())).toList(),
                notes(r));
    }

    /** The session's own identifier: its UUID, which never changes, so a re-export updates rather than adds. */
    static Fhir.Identifier identifier(String uuid) {
        return new Fhir.Identifier(URI, "urn:uuid:" + uuid);
    }

    /** The entry's instruction in a transaction: create, or update the one with this identifier. */
    static Fhir.Request upsert(String type, Fhir.Identifier id) {
        return new Fhir.Request("PUT", SearchUrl.byIdentifier(type, id.system(), id.value()));
    }

    /**
     * The patient by identifier; in a transaction also as a conditional reference, which the
     * server resolves to its own Patient with that identifier (the EHR's, not one tdn makes).
     */
    static Fhir.Reference patient(SessionRecord r, IdentifierSystems systems, BundleType bundle) {
        if (r.patient().id() == null) {
            // de-identified: R4 asks every Procedure for a subject, and a display may stand alone
            return new Fhir.Reference(null, "Patient", null, "withheld (de-identified export)");
        }
        Fhir.Identifier id = new Fhir.Identifier(systems.patient(), r.patient().id());
        return new Fhir.Reference(bundle == BundleType.TRANSACTION ? SearchUrl.byIdentifier("Patient", id.system(), id.value()) : null,
                "Patient", id, null);
    }

        /**
     * FHIR's Procedure.status: an aborted session "stopped" once a needle went in, else
     * "not-done" (R4: not started); a recovered one is honestly "unknown".
     */
    static String status(SessionRecord r) {
        return switch (r.status()) {
            case COMPLETED, RESUMED -> "completed";
            case ABORTED -> r.points().stream().anyMatch(p -> p.insertedAt() != null) ? "stopped" : "not-done";
            case NOT_DONE -> "not-done";
            case RECOVERED -> "unknown";
        };
    }

    private static Fhir.CodeableConcept statusReason(SessionRecord r) {
        return switch (r.status()) {
            case COMPLETED -> null;
            case RESUMED -> Fhir.CodeableConcept.text("completed after tdn was interrupted and the session resumed");
            case ABORTED -> Fhir.CodeableConcept.text("ended early by the clinician"
                    + (r.abortReason() == null ? "" : ": " + r.abortReason()));
            case NOT_DONE -> Fhir.CodeableConcept.text("screening found a contraindication or consent was not given");
            case RECOVERED -> Fhir.CodeableConcept.text("rebuilt from the session journal after tdn was interrupted");
        };
    }

    /** One sentence for the EHR's display (R4 dom-6 asks every resource for one). */
    private static Fhir.Narrative narrative(SessionRecord r, List<Fhir.CodeableConcept> sites) {
        StringBuilder text = new StringBuilder(r.training() ? "Training record, not a treatment. " : "")
                .append("Trigger point dry needling, ").append(status(r)).append(": ");
        text.append(sites.isEmpty() ? "no needle inserted"
                : String.join("; ", sites.stream().map(Fhir.CodeableConcept::text).toList()));
        if (r.billing().cpt() != null) {
            text.append(". CPT ").append(r.billing().cpt()).append(" suggested");
        }
        text.append('.');
        return new Fhir.Narrative("generated", "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>" + xml(text.toString())
                + "</p></div>");
    }

    /** Muscle names are typed by people: escaped, they can never become markup. */
    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Fhir.CodeableConcept code(Billing billing) {
        List<Fhir.Coding> coding = billing.cpt() == null ? List.of() : List.of(new Fhir.Coding(CPT, billing.cpt(), null));
        return new Fhir.CodeableConcept(coding, "Trigger point dry needling");
    }

    /** The clinician as performer, or none in a de-identified export without pseudonyms. */
    static List<Fhir.Reference> performers(SessionRecord r, IdentifierSystems systems, BundleType bundle) {
        return r.clinician().id() == null ? List.of() : List.of(clinician(r, systems, bundle));
    }

    /** The clinician by identifier, as the patient; an NPI system takes only NPIs. */
    static Fhir.Reference clinician(SessionRecord r, IdentifierSystems systems, BundleType bundle) {
        Clinician c = r.clinician();
        String system = systems.clinician();
        if (Npi.SYSTEM.equals(system) && !Npi.valid(c.id())) {
            throw new NotExportable("session " + r.id() + ": the clinician id is not an NPI (10 digits, the last its"
                    + " check digit), yet the clinician system is the NPI's (" + Npi.SYSTEM + ")");
        }
        String display = c.name() == null ? null
                : c.credentials() == null || c.credentials().isBlank() ? c.name() : c.name() + ", " + c.credentials();
        Fhir.Identifier id = new Fhir.Identifier(system, c.id());
        return new Fhir.Reference(bundle == BundleType.TRANSACTION ? SearchUrl.byIdentifier("Practitioner", system, c.id()) : null,
                "Practitioner", id, display);
    }

    static final String SNOMED = "http://snomed.info/sct";
    /** SNOMED CT's Laterality attribute and its Left and Right qualifier values. */
    private static final String LATERALITY = "272741003";

    /**
     * Each muscle and side a needle went into, once, in the order they were needled: text as
     * typed and, for a muscle the catalogue codes, its SNOMED CT body structure refined by
     * laterality (a post-coordinated expression, which R4 allows in Coding.code:
     * hl7.org/fhir/R4/snomedct.html), so an EHR can tell the left trapezius from the right.
     */
    private static List<Fhir.CodeableConcept> bodySites(List<Point> points) {
        Map<String, Fhir.CodeableConcept> sites = new LinkedHashMap<>();
        for (Point p : points) {
            if (p.insertedAt() != null) {
                String text = p.muscle().strip() + (p.side() == null ? "" : ", " + p.side().json());
                sites.computeIfAbsent(text, t -> new Fhir.CodeableConcept(coding(p), t));
            }
        }
        return List.copyOf(sites.values());
    }

    private static List<Fhir.Coding> coding(Point p) {
        if (Boolean.FALSE.equals(p.listed())) {
            // typed, not chosen from the catalogue: a name that happens to match is not a code
            return List.of();
        }
        String code = MuscleCatalogue.find(p.muscle()).map(MuscleCatalogue.Entry::snomed).orElse(null);
        if (code == null) {
            return List.of();
        }
        String side = p.side() == null ? "" : ":" + LATERALITY + "=" + (p.side() == Side.LEFT ? "7771000" : "24028007");
        return List.of(new Fhir.Coding(SNOMED, code + side, null));
    }

    private static List<Fhir.Annotation> notes(SessionRecord r) {
        List<Fhir.Annotation> notes = new ArrayList<>();
        if (r.training()) {
            notes.add(new Fhir.Annotation("Training record: the session clock was scaled; not a real treatment."));
        }
        notes.add(new Fhir.Annotation("Protocol " + r.protocol().name() + " v" + r.protocol().version()
                + "; pain (NPRS 0-10) before " + orDash(r.painBefore()) + ", after " + orDash(r.painAfter())
                + "; aftercare advice " + (r.aftercareGiven() == null ? "not recorded"
                        : r.aftercareGiven() ? "given" : "not given") + "."));
        for (Point p : r.points()) {
            notes.add(new Fhir.Annotation(point(p)));
        }
        for (Deviation d : r.deviations()) {
            notes.add(new Fhir.Annotation("Deviation" + (d.point() == null ? "" : " at point " + d.point()) + ", "
                    + d.step().json() + " " + d.rule().json()
                    // a de-identified export keeps the rule broken, not the words around it
                    + (d.detail() == null ? "" : ": " + d.detail()) + (d.reason() == null ? "." : ". Reason: " + d.reason())));
        }
        if (r.notes() != null && !r.notes().isBlank()) {
            notes.add(new Fhir.Annotation(r.notes()));
        }
        return notes;
    }

    private static String point(Point p) {
        StringBuilder s = new StringBuilder("Point ").append(p.n()).append(": ").append(p.muscle().strip());
        if (p.side() != null) {
            s.append(", ").append(p.side().json());
        }
        if (p.insertedAt() == null) {
            return s.append("; not needled.").toString();
        }
        s.append("; ").append(p.needlesInserted()).append(" needle(s)");
        if (p.depthMm() != null) {
            s.append(" to ").append(number(p.depthMm())).append(" mm");
        }
        if (p.technique() != null) {
            s.append(", ").append(p.technique().json());
        }
        if (Boolean.TRUE.equals(p.electricalStimulation())) {
            s.append(", electrical stimulation");
        }
        if (p.twitch() != null) {
            s.append("; ").append(p.twitch() == dev.tdn.record.Twitch.NONE ? "no twitch response" : p.twitch().json() + " twitch");
        }
        if (p.dwell() != null) {
            s.append("; dwell ").append(number(p.dwell().seconds())).append(" s (window ")
                    .append(number(p.dwell().minSeconds())).append('-').append(number(p.dwell().maxSeconds()))
                    .append(" s").append(p.dwell().extended() ? ", extended for a weak twitch" : "").append(')');
        }
        if (p.compression() != null) {
            s.append("; compression ").append(number(p.compression().seconds())).append(" s");
        }
        if (Boolean.TRUE.equals(p.bleeding())) {
            s.append("; bleeding").append(Boolean.TRUE.equals(p.bandage()) ? ", bandage applied" : "");
        }
        s.append("; needles removed ").append(p.needlesRemoved()).append(" of ").append(p.needlesInserted());
        return s.append('.').toString();
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
    }

    private static String orDash(Integer i) {
        return i == null ? "-" : i.toString();
    }

}
