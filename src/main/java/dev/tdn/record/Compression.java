package dev.tdn.record;

public record Compression(double seconds, double minSeconds, double maxSeconds) {
}
