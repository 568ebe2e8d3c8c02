package dev.tdn.store;

import java.time.Instant;

/** Which audit entries {@code tdn audit} lists; null means any. {@code limit} 0 means all. */
public record AuditQuery(String patientId, String clinicianId, String command, Instant since, Instant until, int limit) {
}
