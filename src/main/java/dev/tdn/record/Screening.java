package dev.tdn.record;

import java.util.List;

public record Screening(boolean consent, boolean scopeConfirmed, boolean cleared, List<ScreeningAnswer> answers) {
}
