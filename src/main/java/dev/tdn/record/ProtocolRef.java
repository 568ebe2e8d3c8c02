package dev.tdn.record;

/** Which protocol file guided the session; the hash proves which exact wording and windows. */
public record ProtocolRef(String name, int version, String sha256) {
}
