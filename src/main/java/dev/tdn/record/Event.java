package dev.tdn.record;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One step of the session's timeline. {@code elapsedSeconds} comes from the monotonic clock,
 * so it stays right even if the wall clock is changed during the session.
 * {@code point} and {@code detail} are left out when they do not apply.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Event(int seq, OffsetDateTime at, double elapsedSeconds, String type, Integer point, String detail) {
}
