package dev.tdn.store;

import java.util.Map;
import java.util.TreeMap;

/**
 * Who is reaching the store and why, as its audit entries name them: the operating-system user,
 * the clinician tdn is configured for (null when none is), the command and what it was asked for
 * (its options and arguments, in name order). A store is opened for one action, and every read and
 * write it does leaves an entry under it, so no command can read patient data without a trace.
 */
public record AuditAction(String osUser, String clinician, String command, Map<String, String> filters) {

    public AuditAction {
        osUser = osUser == null || osUser.isBlank() ? "unknown" : osUser;
        filters = java.util.Collections.unmodifiableMap(new TreeMap<>(filters));
    }

    /** The same action by the clinician whose session it is. */
    public AuditAction byClinician(String id) {
        return new AuditAction(osUser, id, command, filters);
    }

    /** By this process's user: the JVM reads it from the operating system, not from the environment. */
    public static AuditAction of(String clinician, String command, Map<String, String> filters) {
        return new AuditAction(System.getProperty("user.name"), clinician, command, filters);
    }
}
