package dev.tdn.note;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.tdn.record.AdverseEvent;
import dev.tdn.record.Compression;
import dev.tdn.record.Deviation;
import dev.tdn.record.Discomfort;
import dev.tdn.record.Dwell;
import dev.tdn.record.Event;
import dev.tdn.record.Point;
import dev.tdn.record.ScreeningAnswer;
import dev.tdn.record.SessionRecord;
import dev.tdn.record.SitePrepItem;
import dev.tdn.room.SessionSummary;

/**
 * A session as the procedure note a clinician pastes into the EMR: consent, screening and the
 * precautions accepted, each point (muscle, side, needle, depth, technique, stimulation, twitch,
 * dwell and compression against their windows, bleeding, discomfort), adverse events, aftercare,
 * deviations with their reasons, and the CPT suggestion. Only what the record holds: an answer
 * the record lacks is written "not recorded", never guessed.
 */
public final class ProcedureNote {

    private final SessionRecord r;
    private final NoteFormat f;
    private final StringBuilder sb = new StringBuilder();

    private ProcedureNote(SessionRecord r, NoteFormat f) {
        this.r = r;
        this.f = f;
    }

    /** The note, ending in a newline. */
    public static String of(SessionRecord record, NoteFormat format) {
        return new ProcedureNote(record, format).write();
    }

    private String write() {
        f.title(sb, "Trigger point dry needling: procedure note");
        if (r.training()) {
            f.paragraph(sb, "TRAINING RECORD: the session clock was scaled. Not a treatment; do not file.");
        }
        field("Date", HumanTime.span(r.startedAt(), r.endedAt()));
        field("Patient", f.typed(r.patient().id()));
        field("Clinician", clinician());
        field("Protocol", f.typed(r.protocol().name()) + ", version " + r.protocol().version());
        field("Outcome", outcome());

        f.heading(sb, "Consent and screening");
        consentAndScreening();

        f.heading(sb, "Treatment");
        treatment();

        f.heading(sb, "After needling");
        afterNeedling();

        f.heading(sb, "Deviations from the protocol");
        if (r.deviations().isEmpty()) {
            f.paragraph(sb, "None.");
        }
        r.deviations().forEach(d -> f.item(sb, deviation(d)));

        f.heading(sb, "Billing");
        f.paragraph(sb, billing());

        if (r.notes() != null && !r.notes().isBlank()) {
            f.heading(sb, "Clinician's notes");
            f.paragraph(sb, f.typedLines(r.notes().strip()));
        }
        f.paragraph(sb, "");
        f.paragraph(sb, "Recorded by " + (r.software() == null ? "tdn"
                : f.typed(r.software().name()) + " " + f.typed(r.software().version())) + "; session " + f.typed(r.id()) + ".");
        return sb.toString();
    }

    private void field(String label, String value) {
        f.field(sb, label, value, false);
    }

    private void pointField(String label, String value) {
        f.field(sb, label, value, true);
    }

    private String clinician() {
        var c = r.clinician();
        if (c.name() == null) {
            return f.typed(c.id());
        }
        String credentials = c.credentials() == null || c.credentials().isBlank() ? "" : ", " + f.typed(c.credentials());
        return f.typed(c.name()) + credentials + " (" + f.typed(c.id()) + ")";
    }

    private String outcome() {
        return switch (r.status()) {
            case COMPLETED -> "completed as planned";
            case RESUMED -> "completed, after tdn was interrupted and the session resumed";
            case ABORTED -> "ended early by the clinician" + (r.abortReason() == null ? "" : ": " + f.typed(r.abortReason()));
            case NOT_DONE -> "not done: no needle was inserted";
            case RECOVERED -> "interrupted; rebuilt from the session journal (what follows is what was recorded before the interruption)";
        };
    }

    private void consentAndScreening() {
        var s = r.screening();
        field("Consent", yesNo(s.consent(), "informed consent given", "consent NOT given"));
        field("Scope of practice", yesNo(s.scopeConfirmed(), "confirmed", "NOT confirmed"));
        List<String> contraindications = s.answers().stream()
                .filter(a -> a.kind() == ScreeningAnswer.Kind.ABSOLUTE && a.answer())
                .map(a -> f.typed(a.item())).toList();
        long absolutes = s.answers().stream().filter(a -> a.kind() == ScreeningAnswer.Kind.ABSOLUTE).count();
        field("Contraindications", contraindications.isEmpty()
                ? "none found (" + absolutes + " screened)"
                : "FOUND: " + String.join(", ", contraindications));
        List<String> accepted = r.precautionsAccepted().stream().map(f::typed).toList();
        List<String> declined = events("precaution.declined");
        List<String> yes = s.answers().stream().filter(a -> a.kind() == ScreeningAnswer.Kind.PRECAUTION && a.answer())
                .map(a -> f.typed(a.item())).toList();
        long precautions = s.answers().stream().filter(a -> a.kind() == ScreeningAnswer.Kind.PRECAUTION).count();
        List<String> open = yes.stream().filter(i -> !accepted.contains(i) && !declined.contains(i)).toList();
        field("Precautions", precautions == 0 && !s.cleared() ? "not reached: screening stopped before them"
                : yes.isEmpty() ? "none found (" + precautions + " screened)"
                : (accepted.isEmpty() ? "" : "accepted after review: " + String.join(", ", accepted))
                        + (declined.isEmpty() ? "" : (accepted.isEmpty() ? "" : "; ") + "DECLINED: " + String.join(", ", declined))
                        + (open.isEmpty() ? "" : (accepted.isEmpty() && declined.isEmpty() ? "" : "; ")
                                + "found, not yet reviewed: " + String.join(", ", open)));
        field("Screening outcome", s.cleared() ? "cleared for needling" : "NOT cleared for needling");
        field("Pain before (NPRS 0-10)", r.painBefore() == null ? "not recorded" : r.painBefore().toString());
        List<String> prep = new ArrayList<>();
        for (SitePrepItem item : r.sitePrep()) {
            prep.add(f.typed(item.label()) + " (" + HumanTime.clock(item.at()) + ")");
        }
        field("Site preparation", prep.isEmpty() ? "not recorded" : String.join("\n", prep));
    }

    private List<String> events(String type) {
        return r.events() == null ? List.of()
                : r.events().stream().filter(e -> type.equals(e.type()) && e.detail() != null)
                        .map(Event::detail).map(f::typed).toList();
    }

    private void treatment() {
        int needles = r.points().stream().mapToInt(Point::needlesInserted).sum();
        long needled = r.points().stream().filter(p -> p.insertedAt() != null).count();
        f.paragraph(sb, r.points().isEmpty() ? "No trigger point was needled."
                : needled + " of " + r.points().size() + " planned point(s) needled, " + needles + " needle(s) in all.");
        for (Point p : r.points()) {
            point(p);
        }
    }

    private void point(Point p) {
        StringBuilder head = new StringBuilder("Point ").append(p.n()).append(": ").append(f.typed(p.muscle().strip()));
        if (p.side() != null) {
            head.append(", ").append(p.side().json());
        }
        if (p.location() != null && !p.location().isBlank()) {
            head.append(" (").append(f.typed(p.location())).append(')');
        }
        f.subheading(sb, head.toString());
        if (Boolean.FALSE.equals(p.listed())) {
            pointField("Muscle", "as typed; not in the muscle catalogue");
        }
        if (p.palpation() != null) {
            pointField("Palpation", palpation(p));
        }
        if (p.insertedAt() == null) {
            pointField("Needling", "not needled: the session ended before insertion");
            return;
        }
        StringBuilder needle = new StringBuilder().append(p.needlesInserted()).append(p.needlesInserted() == 1 ? " needle" : " needles");
        if (p.needle() != null) {
            needle.append(", ").append(HumanTime.number(p.needle().gaugeMm())).append(" mm gauge x ")
                    .append(HumanTime.number(p.needle().lengthMm())).append(" mm length");
        }
        pointField("Needle", needle.toString());
        pointField("Depth", p.depthMm() == null ? "not recorded" : HumanTime.number(p.depthMm()) + " mm");
        pointField("Technique", p.technique() == null ? "not recorded" : p.technique().json());
        pointField("Electrical stimulation", yesNo(p.electricalStimulation(), "yes", "no"));
        pointField("Inserted", HumanTime.clock(p.insertedAt()));
        pointField("Twitch response", p.twitch() == null ? "not recorded" : switch (p.twitch()) {
            case STRONG -> "strong";
            case WEAK -> "weak";
            case NONE -> "no twitch response";
        });
        pointField("Dwell", p.dwell() == null ? "not recorded" : dwell(p.dwell()));
        pointField("Removed", p.removedAt() == null ? "NOT RECORDED"
                : HumanTime.clock(p.removedAt()) + "; " + p.needlesRemoved() + " of " + p.needlesInserted() + " removed");
        if (p.needlesRemoved() < p.needlesInserted()) {
            pointField("Needles left in", (p.needlesInserted() - p.needlesRemoved()) + " NOT RECORDED AS REMOVED");
        }
        pointField("Site cleansed", HumanTime.clock(p.siteCleansedAt()));
        pointField("Compression", p.compression() == null ? "not recorded" : compression(p.compression()));
        pointField("Bleeding", p.bleeding() == null ? "not recorded"
                : p.bleeding() ? "yes" + (Boolean.TRUE.equals(p.bandage()) ? ", bandage applied" : ", no bandage") : "none");
        pointField("Discomfort", discomfort(p.discomfort()));
    }

    private String palpation(Point p) {
        var pal = p.palpation();
        return "reproduced the patient's pain: " + yesNo(pal.reproducesPain(), "yes", "no")
                + "; referred pain: " + yesNo(pal.referredPain(), "yes", "no");
    }

    private static String dwell(Dwell d) {
        StringBuilder s = new StringBuilder(HumanTime.seconds(d.seconds())).append(", ")
                .append(against(d.seconds(), d.minSeconds(), d.maxSeconds()));
        if (d.extended()) {
            s.append(" (the longer window for a weak twitch)");
        }
        if (d.pausedSeconds() > 0) {
            s.append("; timer paused ").append(HumanTime.seconds(d.pausedSeconds()));
        }
        if (d.estimatedSeconds() != null && d.estimatedSeconds() > 0) {
            s.append("; ").append(HumanTime.seconds(d.estimatedSeconds()))
                    .append(" of it estimated from the wall clock after an interruption");
        }
        return s.toString();
    }

    private static String compression(Compression c) {
        return HumanTime.seconds(c.seconds()) + ", " + against(c.seconds(), c.minSeconds(), c.maxSeconds());
    }

    /** "within the 30-60 s window", "BELOW the 30-60 s window". */
    private static String against(double seconds, double min, double max) {
        String window = "the " + HumanTime.number(min) + "-" + HumanTime.number(max) + " s window";
        return (seconds < min ? "BELOW " : seconds > max ? "ABOVE " : "within ") + window;
    }

    private String discomfort(List<Discomfort> all) {
        if (all == null) {
            return "not recorded";
        }
        if (all.isEmpty()) {
            return "none recorded";
        }
        return all.stream().map(d -> HumanTime.clock(d.at())
                + (d.note() == null || d.note().isBlank() ? "" : ": " + f.typed(d.note())))
                .collect(Collectors.joining("\n"));
    }

    private void afterNeedling() {
        field("Hand hygiene", r.handsSanitizedAt() == null ? "not recorded" : "hands sanitised at " + HumanTime.clock(r.handsSanitizedAt()));
        String change = r.painBefore() != null && r.painAfter() != null
                ? " (" + signed(r.painAfter() - r.painBefore()) + " from before)" : "";
        field("Pain after (NPRS 0-10)", r.painAfter() == null ? "not recorded" : r.painAfter() + change);
        List<String> uneasy = r.points().stream()
                .filter(p -> p.discomfort() != null && !p.discomfort().isEmpty())
                .map(p -> String.valueOf(p.n())).toList();
        field("Tolerance", uneasy.isEmpty() ? "no discomfort recorded during needling"
                : "discomfort recorded at point(s) " + String.join(", ", uneasy));
        field("Adverse events", r.adverseEvents() == null ? "not recorded"
                : r.adverseEvents().isEmpty() ? "none"
                        : r.adverseEvents().stream().map(AdverseEvent::json).collect(Collectors.joining(", ")));
        field("Aftercare advice", yesNo(r.aftercareGiven(), "given", "NOT given"));
        String left = SessionSummary.needlesNotRemoved(r);
        int inserted = r.points().stream().mapToInt(Point::needlesInserted).sum();
        field("Needle count", left != null ? left + " " + SessionSummary.REMOVE_THEM
                : inserted == 0 ? "no needle inserted" : "every needle removed (" + inserted + " of " + inserted + ")");
    }

    private static String signed(int n) {
        return n > 0 ? "+" + n : String.valueOf(n);
    }

    private String deviation(Deviation d) {
        String where = d.point() == null ? "" : "Point " + d.point() + ", ";
        String rule = switch (d.rule()) {
            case BELOW_MINIMUM -> "below the minimum";
            case ABOVE_MAXIMUM -> "above the maximum";
            case SKIPPED -> "skipped";
            case NEEDLE_COUNT -> "needle count";
        };
        return where + d.step().json() + " " + rule + ": " + f.typed(d.detail()) + ". Reason: " + f.typed(d.reason())
                + (d.reason().endsWith(".") ? "" : ".");
    }

    private String billing() {
        var b = r.billing();
        if (b.cpt() == null) {
            return "No CPT code: no needle was inserted.";
        }
        return "CPT " + f.typed(b.cpt()) + " suggested: " + b.musclesTreated() + (b.musclesTreated() == 1 ? " muscle" : " muscles")
                + " treated (20560 for 1-2 muscles, 20561 for 3 or more). A suggestion for the biller, not a claim.";
    }

    private static String yesNo(Boolean b, String yes, String no) {
        return b == null ? "not recorded" : b ? yes : no;
    }
}
