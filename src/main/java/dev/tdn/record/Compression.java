package dev.tdn.record;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code estimatedSeconds}: as for {@link Dwell}, the part estimated across an outage, or absent. */
public record Compression(double seconds, double minSeconds, double maxSeconds,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double estimatedSeconds) {

    public Compression(double seconds, double minSeconds, double maxSeconds) {
        this(seconds, minSeconds, maxSeconds, null);
    }
}
