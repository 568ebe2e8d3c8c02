package dev.tdn.record;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One trigger point, needled once. Fields after insertion are null when the session ended
 * before that step.
 */
public record Point(
        int n,
        String muscle,
        Side side,
        String location,
        Palpation palpation,
        Needle needle,
        int needlesInserted,
        int needlesRemoved,
        Double depthMm,
        Technique technique,
        boolean electricalStimulation,
        OffsetDateTime insertedAt,
        Twitch twitch,
        Dwell dwell,
        OffsetDateTime removedAt,
        OffsetDateTime siteCleansedAt,
        Compression compression,
        boolean bleeding,
        boolean bandage,
        List<Discomfort> discomfort) {
}
