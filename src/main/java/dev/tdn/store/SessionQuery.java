package dev.tdn.store;

import java.time.Instant;

/** Filters for `tdn list`; null means "any". {@code limit} 0 means no limit. Newest first. */
public record SessionQuery(String patientId, String clinicianId, Instant since, Instant until, String status, int limit) {
}
