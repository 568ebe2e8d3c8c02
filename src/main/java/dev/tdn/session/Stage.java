package dev.tdn.session;

import dev.tdn.record.Step;

/** Where the session stands: what the engine waits for next. */
public enum Stage {
    CONSENT(Step.SCREENING),
    SCOPE(Step.SCREENING),
    SCREENING(Step.SCREENING),
    /** A precaution was answered "yes": the clinician confirms going ahead. */
    PRECAUTION(Step.SCREENING),
    PAIN_BEFORE(Step.SCREENING),
    SITE_PREP(Step.SITE_PREP),
    /** The muscle of the next point. */
    IDENTIFY(Step.IDENTIFY),
    /** Its side: with it the point exists (a side never known must not read as midline). */
    SIDE(Step.IDENTIFY),
    LOCATION(Step.IDENTIFY),
    /** Does pressure reproduce the patient's pain? */
    PALPATION(Step.IDENTIFY),
    /** Is the pain referred? */
    REFERRAL(Step.IDENTIFY),
    INSERT(Step.INSERT),
    /** The dwell timer runs. */
    DWELL(Step.DWELL),
    /** The needle came out before the twitch was marked: it is asked now. */
    TWITCH(Step.DWELL),
    /** The dwell ended outside its window: the reason is asked. */
    DWELL_REASON(Step.DWELL),
    /** Some needles are out, not all: the count must balance before anything else. */
    REMOVE(Step.REMOVE),
    CLEANSE(Step.CLEANSE),
    COMPRESSION_READY(Step.COMPRESSION),
    /** The compression timer runs. */
    COMPRESSION(Step.COMPRESSION),
    /** Compression ended outside its window: the reason is asked. */
    COMPRESSION_REASON(Step.COMPRESSION),
    /** Bleeding seen, and a bandage applied? */
    BLEEDING(Step.COMPRESSION),
    /** Bleeding was seen: was a bandage applied? */
    BANDAGE(Step.COMPRESSION),
    ANOTHER_POINT(Step.COMPRESSION),
    HANDS(Step.HANDS),
    /** Pain after, the first closing question. */
    CLOSE(Step.CLOSE),
    ADVERSE_EVENTS(Step.CLOSE),
    AFTERCARE(Step.CLOSE),
    NOTES(Step.CLOSE),
    ENDED(Step.CLOSE);

    private final Step step;

    Stage(Step step) {
        this.step = step;
    }

    /** The protocol step this stage belongs to, for its instruction. */
    public Step step() {
        return step;
    }
}
