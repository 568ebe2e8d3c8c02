package dev.tdn.session;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.tdn.protocol.NeedleDefaults;
import dev.tdn.protocol.Window;
import dev.tdn.record.Compression;
import dev.tdn.record.Discomfort;
import dev.tdn.record.Dwell;
import dev.tdn.record.Needle;
import dev.tdn.record.Palpation;
import dev.tdn.record.Point;
import dev.tdn.record.Side;
import dev.tdn.record.Technique;
import dev.tdn.record.Twitch;

/** The trigger point being needled, filled in step by step; becomes an immutable {@link Point}. */
final class PointDraft {

    final int n;
    final NamedMuscle muscle;
    final Side side;
    String location;
    /** Null until answered: a session may end between the two palpation questions. */
    Boolean reproducesPain;
    Boolean referredPain;
    final NeedleDefaults needle;
    int needlesInserted;
    int needlesRemoved;
    Double depthMm;
    Technique technique;
    /** Null until the needle is in. */
    Boolean electricalStimulation;
    boolean stimulationOn;
    OffsetDateTime insertedAt;
    long insertedTick;
    /** When the first needle came out. */
    long removedTick;
    Twitch twitch;
    Window dwellWindow;
    boolean extended;
    long pausedNanos;
    /** When the current pause began, or -1 when the clock runs. */
    long pauseStartTick = -1;
    /** Dwell time at the first removal, without paused time. */
    long dwellEndNanos;
    Dwell dwell;
    OffsetDateTime removedAt;
    OffsetDateTime siteCleansedAt;
    long compressionStartTick;
    Compression compression;
    /** Null until asked; bandage stays null when no bleeding was seen (it is not asked then). */
    Boolean bleeding;
    Boolean bandage;
    final List<Discomfort> discomfort = new ArrayList<>();

    PointDraft(int n, NamedMuscle muscle, Side side, String location, Palpation palpation, NeedleDefaults needle) {
        this.n = n;
        this.muscle = muscle;
        this.side = side;
        this.location = location;
        this.reproducesPain = palpation == null ? null : palpation.reproducesPain();
        this.referredPain = palpation == null ? null : palpation.referredPain();
        this.needle = needle;
    }

    boolean paused() {
        return pauseStartTick >= 0;
    }

    /** Dwell time so far, without paused time. */
    long dwellNanos(long now) {
        long pausedSoFar = pausedNanos + (paused() ? now - pauseStartTick : 0);
        return now - insertedTick - pausedSoFar;
    }

    Point toPoint() {
        return new Point(n, muscle.name(), muscle.muscleOf(), muscle.listed(), side, location, new Palpation(reproducesPain, referredPain), new Needle(needle.lengthMm(), needle.gaugeMm()),
                needlesInserted, needlesRemoved, depthMm, technique, electricalStimulation, insertedAt, twitch, dwell,
                removedAt, siteCleansedAt, compression, bleeding, bandage, List.copyOf(discomfort));
    }
}
