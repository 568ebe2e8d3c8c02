package dev.tdn.record;

import java.time.OffsetDateTime;

public record Discomfort(OffsetDateTime at, String note) {
}
