package dev.tdn.record;

import java.util.List;

/** {@code consent} and {@code scopeConfirmed} are null when the session ended before they were asked. */
public record Screening(Boolean consent, Boolean scopeConfirmed, boolean cleared, List<ScreeningAnswer> answers) {
}
