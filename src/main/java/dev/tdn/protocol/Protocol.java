package dev.tdn.protocol;

import java.util.List;
import java.util.Map;

import dev.tdn.record.Step;

/**
 * A protocol as a clinic configures it: the wording of each step, the timing windows, the
 * screening questions and the site-prep checklist. The order of the steps is the clinical
 * procedure itself and is fixed in the session engine; everything a clinic may reword or retime
 * is here. {@code sha256} is the hash of the file's bytes, so a record proves which exact
 * protocol guided it.
 */
public record Protocol(
        String name,
        int version,
        String title,
        NeedleDefaults needle,
        Windows windows,
        List<ScreeningItem> screening,
        List<PrepItem> sitePrep,
        Map<Step, String> instructions,
        List<String> aftercare,
        String sha256) {

    public Protocol {
        screening = List.copyOf(screening);
        sitePrep = List.copyOf(sitePrep);
        instructions = Map.copyOf(instructions);
        aftercare = List.copyOf(aftercare);
    }

    /** The clinician-facing instruction for a step; every step has one in a valid protocol. */
    public String instruction(Step step) {
        return instructions.getOrDefault(step, "");
    }
}
