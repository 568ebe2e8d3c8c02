package dev.tdn.cli;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import dev.tdn.store.AuditAction;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The audit action of a command as the user typed it: its name ({@code export},
 * {@code store check}), every option and argument given, by name, and the clinician tdn is
 * configured for. Read from picocli's parse result, so a new option is audited without anyone
 * remembering to add it.
 */
final class AuditedAs {

    private AuditedAs() {
    }

    static AuditAction command(CommandSpec spec, TdnCommand root) {
        return command(spec, configuredClinician(root));
    }

    static AuditAction command(CommandSpec spec, String clinician) {
        Map<String, String> given = new TreeMap<>();
        ParseResult parsed = spec.commandLine().getParseResult();
        if (parsed != null) {
            for (OptionSpec o : parsed.matchedOptions()) {
                if (!o.usageHelp() && !o.versionHelp()) {
                    given.put(o.longestName().replaceFirst("^-+", ""), typed(o.originalStringValues(), o.getValue()));
                }
            }
            for (PositionalParamSpec p : parsed.matchedPositionals()) {
                given.put(p.paramLabel().replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT), typed(p.originalStringValues(), p.getValue()));
            }
        }
        String name = spec.qualifiedName(" ");
        return AuditAction.of(clinician, name.startsWith("tdn ") ? name.substring(4) : name, given);
    }

    /** The clinician in config.json, or null when none is set or the file cannot be read. */
    private static String configuredClinician(TdnCommand root) {
        try {
            dev.tdn.Config config = root.config();
            return config == null || config.clinician() == null ? null : config.clinician().id();
        } catch (dev.tdn.TdnException | RuntimeException e) {
            // a broken config is its own command's error; the audit entry names the OS user still
            return null;
        }
    }

    /** As the user typed it (an enum as spelled, a path as given); a flag is "true". */
    private static String typed(java.util.List<String> typed, Object value) {
        return typed.isEmpty() ? text(value) : String.join(",", typed);
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        if (value.getClass().isArray()) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < Array.getLength(value); i++) {
                out.append(i == 0 ? "" : ",").append(Array.get(value, i));
            }
            return out.toString();
        }
        return String.valueOf(value);
    }
}
