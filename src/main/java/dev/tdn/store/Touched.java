package dev.tdn.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which sessions one read or write reached, as its audit entry keeps them: every count, and the
 * first {@value #LISTED} session ids and patients by name. An export of a whole store would
 * otherwise make one entry the size of the store.
 */
final class Touched {

    static final int LISTED = 100;

    private final List<String> sessionIds = new ArrayList<>();
    private final Set<String> patients = new LinkedHashSet<>();
    private int sessions;

    void add(String sessionId, String patientId) {
        sessions++;
        if (sessionIds.size() < LISTED) {
            sessionIds.add(sessionId);
        }
        // all of them, to count: a clinic has thousands of patients, not millions
        patients.add(patientId);
    }

    int sessions() {
        return sessions;
    }

    int patientCount() {
        return patients.size();
    }

    /** The sessions the entry names, the first {@value #LISTED}. */
    List<String> sessionsListed() {
        return List.copyOf(sessionIds);
    }

    /** The patients the entry names, the first {@value #LISTED}. */
    List<String> patientsListed() {
        return patients.stream().limit(LISTED).toList();
    }
}
