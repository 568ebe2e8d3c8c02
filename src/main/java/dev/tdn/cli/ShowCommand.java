package dev.tdn.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import dev.tdn.ExitCode;
import dev.tdn.Printable;
import dev.tdn.TdnException;
import dev.tdn.room.SessionSummary;
import dev.tdn.note.HumanTime;
import dev.tdn.record.Point;
import dev.tdn.record.ScreeningAnswer;
import dev.tdn.record.RecordJson;
import dev.tdn.record.SessionRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "show",
        mixinStandardHelpOptions = true,
        description = {
            "Show one session from the clinic store: points, timings, deviations and outcome.",
            "--json prints the stored record byte for byte as it was imported."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:shown",
            " 2:the id prefix matches more than one session",
            "66:no session has this id, or there is no store",
            "74:the store cannot be read, or the stored session is damaged (see tdn store check)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tdn show 3f1c2a9e",
            "  tdn show --json 3f1c2a9e-6b1d-4d8e-9f3a-0c2b1e7d5a44 > record.json"})
public final class ShowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    TdnCommand root;

    @Mixin
    StoredSession session;

    @Mixin
    JsonOutput json;

    @Override
    public Integer call() throws TdnException {
        PrintWriter out = spec.commandLine().getOut();
        byte[] bytes = session.bytes(spec, root);
        if (json.on()) {
            // the stored bytes themselves, not the record re-written: what was imported is what is shown
            // (to a file or a pipe; on a terminal, C1 and bidi characters raw in the JSON are not)
            String stored = new String(bytes, StandardCharsets.UTF_8);
            out.print(dev.tdn.console.Consoles.interactive() ? Printable.lines(stored) : stored);
            out.flush();
            return ExitCode.OK;
        }
        SessionRecord r = RecordJson.read(bytes);
        // every text below is the imported record's own: a terminal must not obey what it holds
        out.println("Session " + Printable.line(r.id()) + (r.training() ? " (training)" : ""));
        out.println("  status      " + r.status().json());
        out.println("  when        " + HumanTime.span(r.startedAt(), r.endedAt()));
        out.println("  patient     " + Printable.line(r.patient().id()) + "   clinician " + Printable.line(r.clinician().id())
                + (r.clinician().name() == null ? "" : " (" + Printable.line(r.clinician().name()) + ")"));
        out.println("  protocol    " + Printable.line(r.protocol().name()) + " v" + r.protocol().version());
        out.println("  screening   " + screening(r));
        out.println("  pain        before " + (r.painBefore() == null ? "-" : r.painBefore()) + ", after "
                + (r.painAfter() == null ? "-" : r.painAfter()));
        out.println("  billing     " + r.billing().musclesTreated() + " muscle(s)"
                + (r.billing().cpt() == null ? "" : ", CPT " + Printable.line(r.billing().cpt()) + " suggested"));
        String needles = SessionSummary.needlesNotRemoved(r);
        if (needles != null) {
            out.println("  " + needles);
        }
        for (Point p : r.points()) {
            out.println("  point " + p.n() + "     " + Printable.line(p.muscle())
                    + (Boolean.FALSE.equals(p.listed()) ? " (not in the muscle catalogue)" : "")
                    + (p.side() == null ? "" : ", " + p.side().json())
                    + (p.technique() == null ? "" : ", " + p.technique().json())
                    + (p.twitch() == null ? "" : ", " + p.twitch().json() + " twitch"));
            if (p.insertedAt() != null) {
                out.println("              " + p.needlesInserted() + (p.needlesInserted() == 1 ? " needle" : " needles")
                        + (p.needle() == null ? "" : " " + HumanTime.number(p.needle().gaugeMm()) + " x "
                                + HumanTime.number(p.needle().lengthMm()) + " mm")
                        + (p.depthMm() == null ? "" : ", depth " + HumanTime.number(p.depthMm()) + " mm")
                        + ", in " + HumanTime.clock(p.insertedAt())
                        + (p.removedAt() == null ? "" : ", out " + HumanTime.clock(p.removedAt()))
                        + (p.needlesRemoved() < p.needlesInserted()
                                ? ", " + (p.needlesInserted() - p.needlesRemoved()) + " NOT RECORDED AS REMOVED" : ""));
            } else {
                out.println("              not needled");
            }
            if (p.dwell() != null) {
                out.println("              dwell " + HumanTime.seconds(p.dwell().seconds()) + " ("
                        + against(p.dwell().seconds(), p.dwell().minSeconds(), p.dwell().maxSeconds())
                        + (p.dwell().extended() ? ", extended" : "") + ")"
                        + (p.dwell().pausedSeconds() > 0 ? ", paused " + HumanTime.seconds(p.dwell().pausedSeconds()) : ""));
            }
            if (p.compression() != null) {
                out.println("              compression " + HumanTime.seconds(p.compression().seconds()) + " ("
                        + against(p.compression().seconds(), p.compression().minSeconds(), p.compression().maxSeconds()) + ")"
                        + (Boolean.TRUE.equals(p.bleeding()) ? ", bleeding" : "")
                        + (Boolean.TRUE.equals(p.bandage()) ? ", bandage" : ""));
            }
        }
        r.deviations().forEach(d -> out.println("  deviation   " + d.step().json()
                + (d.point() == null ? "" : " point " + d.point()) + " " + d.rule().json() + ": " + Printable.line(d.detail())
                + " (" + Printable.line(d.reason()) + ")"));
        if (r.adverseEvents() != null && !r.adverseEvents().isEmpty()) {
            out.println("  adverse     " + String.join(", ", r.adverseEvents().stream().map(a -> a.json()).toList()));
        }
        if (!r.notes().isEmpty()) {
            out.println("  notes       " + Printable.lines(r.notes()).replace("\n", "\n              "));
        }
        out.flush();
        return ExitCode.OK;
    }

    /** "cleared; consent given; precautions accepted: diabetes" or "NOT cleared: needle-phobia". */
    private static String screening(SessionRecord r) {
        var s = r.screening();
        List<String> found = s.answers().stream()
                .filter(a -> a.kind() == ScreeningAnswer.Kind.ABSOLUTE && a.answer())
                .map(a -> Printable.line(a.item())).toList();
        String consent = s.consent() == null ? "consent not recorded" : s.consent() ? "consent given" : "consent NOT given";
        List<String> accepted = r.precautionsAccepted().stream().map(Printable::line).toList();
        boolean reached = s.cleared() || s.answers().stream().anyMatch(a -> a.kind() == ScreeningAnswer.Kind.PRECAUTION);
        return (s.cleared() ? "cleared" : "NOT cleared" + (found.isEmpty() ? "" : ": " + String.join(", ", found)))
                + "; " + consent
                + (reached ? "; precautions accepted: " + (accepted.isEmpty() ? "none" : String.join(", ", accepted))
                        : "; precautions not reached");
    }

    /** "window 30-60 s", "BELOW window 30-60 s": where a timed step ended against its window. */
    private static String against(double seconds, double min, double max) {
        return (seconds < min ? "BELOW " : seconds > max ? "ABOVE " : "") + "window " + HumanTime.number(min) + "-"
                + HumanTime.number(max) + " s";
    }
}
