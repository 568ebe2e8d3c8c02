package dev.tdn.record;

public record Clinician(String id, String name, String credentials) {
}
