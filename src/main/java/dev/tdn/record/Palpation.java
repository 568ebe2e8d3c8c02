package dev.tdn.record;

public record Palpation(boolean reproducesPain, boolean referredPain) {
}
