package dev.tdn.store;

import java.util.Map;

/** The audit action of a test that reaches a store directly, as a command would. */
public final class ByTests {

    public static final AuditAction AS = AuditAction.of(null, "test", Map.of());

    private ByTests() {
    }
}
