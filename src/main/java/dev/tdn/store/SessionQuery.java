package dev.tdn.store;

import java.time.Instant;

/**
 * Which sessions `tdn list` and `tdn export` take; null means "any". {@code limit} 0 means no
 * limit. {@code training} false leaves training records out.
 */
public record SessionQuery(String patientId, String clinicianId, Instant since, Instant until, String status,
        boolean training, int limit) {
}
