package dev.tdn.export;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tdn.record.SessionRecord;

/**
 * The pain scores before and after needling as FHIR Observations, coded as LOINC 72514-3 (pain
 * severity, 0-10 verbal numeric rating, reported: the NPRS tdn asks), each part of its
 * session's Procedure. A score the record does not hold is no Observation, never a 0.
 */
final class PainScores {

    private static final Fhir.Coding NPRS = new Fhir.Coding("http://loinc.org", "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported");
    private static final Fhir.CodeableConcept SURVEY = new Fhir.CodeableConcept(List.of(new Fhir.Coding(
            "http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey")), null);

    /** Before or after: each its own identifier, so each is updated in place on a re-export. */
    enum When {
        BEFORE("before needling"), AFTER("after needling");

        private final String words;

        When(String words) {
            this.words = words;
        }
    }

    private PainScores() {
    }

    /** The scores the record holds, before first. */
    static List<Fhir.Observation> of(SessionRecord r, IdentifierSystems systems, BundleType bundle, Disclosure d) {
        List<Fhir.Observation> scores = new ArrayList<>(2);
        if (r.painBefore() != null) {
            scores.add(score(r, systems, bundle, d, When.BEFORE, r.painBefore(), r.startedAt()));
        }
        if (r.painAfter() != null) {
            scores.add(score(r, systems, bundle, d, When.AFTER, r.painAfter(), r.endedAt() != null ? r.endedAt() : r.startedAt()));
        }
        return scores;
    }

    /**
     * The Observation's UUID, the same on every export of the session: named from the session's
     * own UUID (RFC 4122 version 3), which carries nothing of the patient.
     */
    static String uuid(SessionRecord r, When when) {
        return UUID.nameUUIDFromBytes(("tdn session " + r.id() + " pain " + when.name()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static Fhir.Observation score(SessionRecord r, IdentifierSystems systems, BundleType bundle, Disclosure d,
            When when, int score, OffsetDateTime at) {
        String uuid = uuid(r, when);
        String label = "Pain " + when.words + " (NPRS 0-10)";
        return new Fhir.Observation("Observation", bundle == BundleType.TRANSACTION ? null : uuid,
                r.training() ? new Fhir.Meta(List.of(SessionAsProcedure.TEST_DATA)) : null,
                new Fhir.Narrative("generated", "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>" + label + ": " + score
                        + " of 10.</p></div>"),
                List.of(SessionAsProcedure.identifier(uuid)),
                List.of(Fhir.Reference.to("urn:uuid:" + r.id())),
                "final", List.of(SURVEY), new Fhir.CodeableConcept(List.of(NPRS), label),
                SessionAsProcedure.patient(r, systems, bundle),
                d.time(at),
                SessionAsProcedure.performers(r, systems, bundle),
                score);
    }
}
