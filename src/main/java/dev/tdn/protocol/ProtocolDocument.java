package dev.tdn.protocol;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.tdn.record.Step;

/**
 * A protocol file as written (schema {@code protocol-v1.json}), read only after the schema has
 * passed. It differs from {@link Protocol} where the file must stay easy to write by hand: the
 * instructions are a list of {step, instruction}, so a missing or repeated step can be pointed
 * at, and there is no hash, which only the bytes can give.
 */
record ProtocolDocument(
        int format,
        String name,
        int version,
        String title,
        NeedleDefaults needle,
        Windows windows,
        List<ScreeningItem> screening,
        List<PrepItem> sitePrep,
        List<Instruction> steps,
        List<String> aftercare) {

    record Instruction(Step step, String instruction) {
    }

    Protocol toProtocol(String sha256) {
        Map<Step, String> instructions = new EnumMap<>(Step.class);
        for (Instruction i : steps) {
            instructions.put(i.step(), i.instruction());
        }
        return new Protocol(name, version, title, needle, windows, screening, sitePrep, instructions, aftercare, sha256);
    }
}
