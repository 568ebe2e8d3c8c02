package dev.tdn.store;

/** One row of the store's index: what `tdn list` shows without reading any record. */
public record StoredSession(String id, String startedAt, String patientId, String clinicianId, String status,
        int points, String cpt, boolean training) {
}
