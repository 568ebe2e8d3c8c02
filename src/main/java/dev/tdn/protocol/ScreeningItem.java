package dev.tdn.protocol;

import dev.tdn.record.ScreeningAnswer;

/** One contraindication or precaution question; {@code id} is what the record stores. */
public record ScreeningItem(String id, ScreeningAnswer.Kind kind, String question) {
}
