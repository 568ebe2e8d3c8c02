package dev.tdn.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.tdn.Places;
import dev.tdn.json.Document;
import dev.tdn.json.Problem;

/**
 * The protocols a clinician can choose from: those built into tdn, those in the clinic's
 * protocols folder ({@code NAME.json}, replacing a built-in of the same name), and any file
 * named by its path. Anything containing {@code /} or ending in {@code .json} is a path;
 * everything else is a name.
 */
public final class ProtocolCatalog {

    /** What a session uses when no protocol is chosen. */
    public static final String DEFAULT = "standard";
    /** Shipped in the jar as {@code /protocol/NAME.json}; the classpath cannot be listed, so they are named here. */
    public static final List<String> BUILT_IN = List.of("standard");
    /** A protocol file is a page or two; a megabyte is far past any real one and bounds memory. */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final String SUFFIX = ".json";

    private final Path clinicDir;
    private final ProtocolValidator validator;

    public ProtocolCatalog(Path clinicDir, ProtocolValidator validator) {
        this.clinicDir = clinicDir;
        this.validator = validator;
    }

    public static ProtocolCatalog from(Places places) {
        return new ProtocolCatalog(places.protocols(), ProtocolValidator.load());
    }

    /** The folder where a clinic keeps its own protocols. */
    public Path clinicDir() {
        return clinicDir;
    }

    /**
     * The protocol a session should follow: a name from {@link #list()} or a path to a file.
     *
     * @throws ProtocolException not found (66), unreadable (74) or invalid (65, with its problems)
     */
    public Protocol load(String nameOrFile) throws ProtocolException {
        return check(find(nameOrFile)).orThrow();
    }

    /** Where a name or path leads, without reading the protocol yet. */
    public ProtocolSource find(String nameOrFile) throws ProtocolException {
        if (isPath(nameOrFile)) {
            return file(nameOrFile);
        }
        if (NAME.matcher(nameOrFile).matches()) {
            Path file = clinicDir.resolve(nameOrFile + SUFFIX);
            if (Files.isRegularFile(file)) {
                return ProtocolSource.clinic(nameOrFile, file, BUILT_IN.contains(nameOrFile));
            }
            if (BUILT_IN.contains(nameOrFile)) {
                return ProtocolSource.builtIn(nameOrFile);
            }
        }
        throw ProtocolException.notFound("no protocol named '" + shown(nameOrFile) + "'. Known: "
                + String.join(", ", knownNames()) + " (built in, or NAME.json in " + clinicDir + ");"
                + " or give the path to a protocol file");
    }

    /** A file named on the command line, whatever its name; {@code tdn protocol validate} takes only files. */
    public ProtocolSource file(String path) throws ProtocolException {
        // the same lookup as records: names this locale cannot spell are found by listing
        return ProtocolSource.file(dev.tdn.InputFile.path(path).orElseThrow(
                () -> ProtocolException.notFound(shown(path) + ": no such file or directory")));
    }

    /** Every protocol known by name, sorted; a clinic file replacing a built-in is listed once, as the clinic's. */
    public List<ProtocolSource> list() throws ProtocolException {
        Map<String, ProtocolSource> byName = new TreeMap<>();
        BUILT_IN.forEach(n -> byName.put(n, ProtocolSource.builtIn(n)));
        for (Path file : clinicFiles(clinicDir)) {
            String name = stem(file);
            byName.put(name, ProtocolSource.clinic(name, file, BUILT_IN.contains(name)));
        }
        return List.copyOf(byName.values());
    }

    /**
     * Reads and checks one protocol. The problems of an invalid file are in the result; only a
     * missing or unreadable one is thrown.
     */
    public CheckedProtocol check(ProtocolSource source) throws ProtocolException {
        Document document = new Document(source.sourceName(), 1, read(source));
        if (document.bytes().length > MAX_BYTES) {
            return tooLarge(document);
        }
        return validator.check(document, source.name());
    }

    /** Checks a protocol that arrived as bytes, such as on standard input; no file name promises its name. */
    public CheckedProtocol check(Document document) {
        if (document.bytes().length > MAX_BYTES) {
            return tooLarge(document);
        }
        return validator.check(document, null);
    }

    /** One problem at the file's start rather than a half-read, as for a record. */
    private static CheckedProtocol tooLarge(Document document) {
        return new CheckedProtocol(document, null, List.of(new Problem(document.source(), document.firstLine(), 1, "$",
                "too-large", "protocol file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB")));
    }

    /** What the user typed, made safe to print: it may come from a config file rather than a keyboard. */
    private static String shown(String typed) {
        String s = typed.replaceAll("\\p{Cntrl}", "?");
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    private static boolean isPath(String s) {
        return s.contains("/") || s.contains(java.io.File.separator) || s.endsWith(SUFFIX);
    }

    private List<String> knownNames() {
        try {
            return names(clinicDir);
        } catch (ProtocolException e) {
            return BUILT_IN;
        }
    }

    /**
     * The names {@link #list()} lists, sorted, without reading or checking any protocol: what shell
     * completion offers, at the cost of listing one folder.
     */
    public static List<String> names(Path clinicDir) throws ProtocolException {
        SortedSet<String> names = new TreeSet<>(BUILT_IN);
        clinicFiles(clinicDir).forEach(f -> names.add(stem(f)));
        return List.copyOf(names);
    }

    /** Files that can be asked for by name; other files in the folder are not protocols. */
    private static List<Path> clinicFiles(Path clinicDir) throws ProtocolException {
        if (!Files.isDirectory(clinicDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(clinicDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .filter(f -> NAME.matcher(stem(f)).matches())
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw ProtocolException.unreadable("cannot list the protocols folder " + clinicDir);
        }
    }

    private static String stem(Path file) {
        String s = file.getFileName().toString();
        return s.substring(0, s.length() - SUFFIX.length());
    }

    /** The file's bytes, at most one more than {@link #MAX_BYTES}, so that too large a file is noticed, not read whole. */
    private static byte[] read(ProtocolSource source) throws ProtocolException {
        if (source.origin() == ProtocolSource.Origin.BUILT_IN) {
            return builtIn(source.name());
        }
        String shown = source.sourceName();
        Path file = source.file();
        try {
            // a FIFO or a device would block the session before its first screen, or never end
            String refusal = dev.tdn.InputFile.refusal(file);
            if (refusal != null) {
                throw ProtocolException.notFound(shown + ": " + refusal);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return in.readNBytes(MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw ProtocolException.notFound(shown + ": no such file or directory");
        } catch (AccessDeniedException e) {
            throw ProtocolException.notFound(shown + ": permission denied");
        } catch (IOException e) {
            throw ProtocolException.unreadable(shown + ": read error (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] builtIn(String name) {
        String resource = "/protocol/" + name + SUFFIX;
        try (InputStream in = ProtocolCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in protocol " + resource + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Picocli's completion candidates for an argument that names a protocol: the built-in names.
     * The completion scripts also ask {@code tdn protocol list --names} for the clinic's own.
     */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return BUILT_IN.iterator();
        }
    }
}
