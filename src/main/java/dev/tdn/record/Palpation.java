package dev.tdn.record;

/** What palpation found; null for a question the session ended before. */
public record Palpation(Boolean reproducesPain, Boolean referredPain) {
}
