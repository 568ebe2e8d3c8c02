package dev.tdn.record;

public record Needle(double lengthMm, double gaugeMm) {
}
