package dev.tdn.record;

import java.time.OffsetDateTime;

public record SitePrepItem(String item, String label, OffsetDateTime at) {
}
