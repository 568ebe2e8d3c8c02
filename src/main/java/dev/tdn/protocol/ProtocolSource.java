package dev.tdn.protocol;

import java.nio.file.Path;

/**
 * Where a protocol comes from: built into tdn, the clinic's protocols folder, or a file named on
 * the command line. A clinic file with a built-in's name replaces the built-in.
 *
 * @param name the protocol name this source promises ({@code clinic.json} promises
 *     {@code clinic}); null for a file whose name does not end in {@code .json}
 * @param file the file, or null for a built-in
 */
public record ProtocolSource(String name, Origin origin, Path file, boolean overridesBuiltIn) {

    public enum Origin {
        BUILT_IN, CLINIC, FILE
    }

    private static final String SUFFIX = ".json";

    static ProtocolSource builtIn(String name) {
        return new ProtocolSource(name, Origin.BUILT_IN, null, false);
    }

    static ProtocolSource clinic(String name, Path file, boolean overridesBuiltIn) {
        return new ProtocolSource(name, Origin.CLINIC, file, overridesBuiltIn);
    }

    /** A file named on the command line. */
    public static ProtocolSource file(Path file) {
        Path fileName = file.getFileName();
        String s = fileName == null ? "" : fileName.toString();
        String name = s.endsWith(SUFFIX) ? s.substring(0, s.length() - SUFFIX.length()) : null;
        return new ProtocolSource(name, Origin.FILE, file, false);
    }

    /** How problems name this source: the path as the user gave or sees it. */
    public String sourceName() {
        return origin == Origin.BUILT_IN ? "<built-in>/" + name + SUFFIX : file.toString();
    }

    /** "built-in", or the file, saying when it replaces a built-in. */
    public String describe() {
        return switch (origin) {
            case BUILT_IN -> "built-in";
            case CLINIC -> file + (overridesBuiltIn ? " (replaces the built-in)" : "");
            case FILE -> file.toString();
        };
    }
}
