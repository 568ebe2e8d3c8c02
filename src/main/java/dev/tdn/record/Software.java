package dev.tdn.record;

public record Software(String name, String version) {
}
