package dev.tdn.session;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import dev.tdn.record.AdverseEvent;
import dev.tdn.record.Side;
import dev.tdn.record.Technique;
import dev.tdn.record.Twitch;

/**
 * What the clinician tells the engine. Inputs are journaled as they are accepted, and replaying
 * them rebuilds the session after a crash, so each one is plain data.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "input")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Input.Consent.class, name = "consent"),
    @JsonSubTypes.Type(value = Input.Scope.class, name = "scope"),
    @JsonSubTypes.Type(value = Input.ScreeningAnswered.class, name = "screening-answered"),
    @JsonSubTypes.Type(value = Input.ScreeningChecked.class, name = "screening-checked"),
    @JsonSubTypes.Type(value = Input.PrecautionConfirmed.class, name = "precaution-confirmed"),
    @JsonSubTypes.Type(value = Input.PainBefore.class, name = "pain-before"),
    @JsonSubTypes.Type(value = Input.SitePrepChecked.class, name = "site-prep-checked"),
    @JsonSubTypes.Type(value = Input.PointIdentified.class, name = "point-identified"),
    @JsonSubTypes.Type(value = Input.MuscleNamed.class, name = "muscle-named"),
    @JsonSubTypes.Type(value = Input.SideGiven.class, name = "side-given"),
    @JsonSubTypes.Type(value = Input.LocationGiven.class, name = "location-given"),
    @JsonSubTypes.Type(value = Input.PainReproduced.class, name = "pain-reproduced"),
    @JsonSubTypes.Type(value = Input.PainReferred.class, name = "pain-referred"),
    @JsonSubTypes.Type(value = Input.NeedleInserted.class, name = "needle-inserted"),
    @JsonSubTypes.Type(value = Input.TwitchMarked.class, name = "twitch-marked"),
    @JsonSubTypes.Type(value = Input.DiscomfortSeen.class, name = "discomfort-seen"),
    @JsonSubTypes.Type(value = Input.StimulationToggled.class, name = "stimulation-toggled"),
    @JsonSubTypes.Type(value = Input.Paused.class, name = "paused"),
    @JsonSubTypes.Type(value = Input.Resumed.class, name = "resumed"),
    @JsonSubTypes.Type(value = Input.NeedlesRemoved.class, name = "needles-removed"),
    @JsonSubTypes.Type(value = Input.Reason.class, name = "reason"),
    @JsonSubTypes.Type(value = Input.SiteCleansed.class, name = "site-cleansed"),
    @JsonSubTypes.Type(value = Input.CompressionStarted.class, name = "compression-started"),
    @JsonSubTypes.Type(value = Input.CompressionEnded.class, name = "compression-ended"),
    @JsonSubTypes.Type(value = Input.Bleeding.class, name = "bleeding"),
    @JsonSubTypes.Type(value = Input.BleedingSeen.class, name = "bleeding-seen"),
    @JsonSubTypes.Type(value = Input.BandageApplied.class, name = "bandage-applied"),
    @JsonSubTypes.Type(value = Input.AnotherPoint.class, name = "another-point"),
    @JsonSubTypes.Type(value = Input.HandsSanitized.class, name = "hands-sanitized"),
    @JsonSubTypes.Type(value = Input.Closed.class, name = "closed"),
    @JsonSubTypes.Type(value = Input.PainAfter.class, name = "pain-after"),
    @JsonSubTypes.Type(value = Input.AdverseEventsNoted.class, name = "adverse-events-noted"),
    @JsonSubTypes.Type(value = Input.AftercareGiven.class, name = "aftercare-given"),
    @JsonSubTypes.Type(value = Input.NotesGiven.class, name = "notes-given"),
    @JsonSubTypes.Type(value = Input.Aborted.class, name = "aborted"),
    @JsonSubTypes.Type(value = Input.Undo.class, name = "undo"),
    @JsonSubTypes.Type(value = Input.SessionResumed.class, name = "session-resumed")})
public sealed interface Input {

    /** Informed consent confirmed (or not: then no needling). */
    record Consent(boolean given) implements Input {
    }

    /** Dry needling is within the clinician's scope of practice in their jurisdiction. */
    record Scope(boolean confirmed) implements Input {
    }

    /** The answer to the current screening question. */
    record ScreeningAnswered(String item, boolean yes) implements Input {
    }

    /**
     * The screening checklist in one answer: the items that apply ("yes"); every other item still
     * to answer is "no". Recorded item by item, as single answers are.
     */
    record ScreeningChecked(List<String> yes) implements Input {
        public ScreeningChecked {
            yes = List.copyOf(yes);
        }
    }

    /** After a "yes" to a precaution: go ahead (recorded) or stop. */
    record PrecautionConfirmed(String item, boolean proceed) implements Input {
    }

    /** NPRS 0-10, or null when not asked. */
    record PainBefore(Integer score) implements Input {
    }

    record SitePrepChecked(String item) implements Input {
    }

    record PointIdentified(String muscle, Side side, String location, boolean reproducesPain, boolean referredPain)
            implements Input {
    }

    // One answer each, so that every answer is journaled as it is given. The grouped inputs
    // (PointIdentified, Bleeding, Closed) are still taken, from journals written before.

    /** The next point's muscle, as typed. */
    record MuscleNamed(String muscle) implements Input {
    }

    /** Its side; null for a midline muscle. */
    record SideGiven(Side side) implements Input {
    }

    /** Where on the muscle; null or blank for none. */
    record LocationGiven(String location) implements Input {
    }

    record PainReproduced(boolean reproduces) implements Input {
    }

    record PainReferred(boolean referred) implements Input {
    }

    record BleedingSeen(boolean bleeding) implements Input {
    }

    record BandageApplied(boolean bandage) implements Input {
    }

    /** NPRS 0-10 after the procedure, or null when not asked. */
    record PainAfter(Integer score) implements Input {
    }

    record AdverseEventsNoted(List<AdverseEvent> events) implements Input {
        public AdverseEventsNoted {
            events = List.copyOf(events);
        }
    }

    record AftercareGiven(boolean given) implements Input {
    }

    /** The closing notes; with them the session is complete. */
    record NotesGiven(String notes) implements Input {
    }

    record NeedleInserted(Technique technique, double depthMm, int needles, boolean electricalStimulation)
            implements Input {
    }

    record TwitchMarked(Twitch twitch) implements Input {
    }

    record DiscomfortSeen(String note) implements Input {
    }

    record StimulationToggled() implements Input {
    }

    record Paused() implements Input {
    }

    record Resumed() implements Input {
    }

    /**
     * Ends the dwell at the moment it is applied (the first removal of the point). Whatever is
     * asked afterwards — the twitch if not yet marked, a reason if outside the window — does not
     * move that moment.
     */
    record NeedlesRemoved(int count) implements Input {
    }

    /** Why a timed step ended outside its window, in the clinician's words. */
    record Reason(String text) implements Input {
    }

    record SiteCleansed() implements Input {
    }

    record CompressionStarted() implements Input {
    }

    /** Ends the compression timer at the moment it is applied. */
    record CompressionEnded() implements Input {
    }

    /** After compression: was there bleeding, and was a bandage applied. */
    record Bleeding(boolean bleeding, boolean bandage) implements Input {
    }

    /** After a point's compression: needle another trigger point, or go on to hand hygiene. */
    record AnotherPoint(boolean another) implements Input {
    }

    record HandsSanitized() implements Input {
    }

    record Closed(Integer painAfter, List<AdverseEvent> adverseEvents, boolean aftercareGiven, String notes)
            implements Input {
        public Closed {
            adverseEvents = List.copyOf(adverseEvents);
        }
    }

    /**
     * Takes back the last accepted input still in force (a bounced key, a wrong answer). Journaled
     * like any input, so recovery replays it exactly.
     */
    record Undo() implements Input {
    }

    /**
     * tdn stopped (a crash, a power cut) and the session is resumed from its journal. The clock
     * has gone on across the outage, whose length {@code outageNanos} was estimated from the wall
     * clock; null when the wall clock went back and no estimate can be made (counted as none).
     */
    record SessionResumed(Long outageNanos) implements Input {
    }

    /** The clinician ends the session early; the record is still written, as {@code aborted}. */
    record Aborted(String reason) implements Input {
    }
}
