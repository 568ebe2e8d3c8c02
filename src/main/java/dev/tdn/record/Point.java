package dev.tdn.record;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One trigger point, needled once. Fields after insertion are null when the session ended
 * before that step.
 *
 * <p>{@code muscle} is the catalogue's name for what was typed, or the name as typed when the
 * catalogue does not list it ({@code listed} false). {@code muscleOf} is the whole muscle the
 * point is in, which billing counts. Both are left out of records written before the catalogue
 * knew whole muscles, so those records read, validate and bill as they did.
 */
public record Point(
        int n,
        String muscle,
        @JsonInclude(JsonInclude.Include.NON_NULL) String muscleOf,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean listed,
        Side side,
        String location,
        Palpation palpation,
        Needle needle,
        int needlesInserted,
        int needlesRemoved,
        Double depthMm,
        Technique technique,
        Boolean electricalStimulation,
        OffsetDateTime insertedAt,
        Twitch twitch,
        Dwell dwell,
        OffsetDateTime removedAt,
        OffsetDateTime siteCleansedAt,
        Compression compression,
        Boolean bleeding,
        Boolean bandage,
        List<Discomfort> discomfort) {

    /**
     * The whole muscle billing counts this point in, lower case: {@code muscleOf}, or for a
     * record without it the name itself, compared as such records were always billed (case and
     * surrounding spaces aside), so their billing stays what it was.
     */
    public String wholeMuscle() {
        return (muscleOf != null ? muscleOf : muscle).strip().toLowerCase(Locale.ROOT);
    }
}
