package dev.tdn.protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The built-in catalogue of commonly needled muscles ({@code muscles.txt}): the names offered
 * for completion, the other spellings clinicians type for them, and the whole muscle each entry
 * is part of, which is what billing counts. A suggestion list only: any muscle name may be
 * recorded.
 */
public final class MuscleCatalogue {

    private static final String RESOURCE = "/muscles.txt";
    private static final Pattern SPACES = Pattern.compile("[\\s\\h]+");
    private static final String PART_OF = "part of:";
    private static final String ALSO = "also:";
    private static final String SNOMED = "snomed:";

    /**
     * One entry: {@code name} as records name it, the whole {@code muscle} it belongs to (equal to
     * {@code name} when the entry is a whole muscle), and the SNOMED CT body structure it is coded
     * with (its whole muscle's for a part without its own; null when the catalogue has none).
     */
    public record Entry(String name, String muscle, String snomed) {
        public boolean whole() {
            return name.equals(muscle);
        }
    }

    /** The parsed file: canonical names in file order, and every spelling (normalised) to its entry. */
    record Index(List<String> names, Map<String, Entry> bySpelling) {
        Optional<Entry> find(String typed) {
            return typed == null ? Optional.empty() : Optional.ofNullable(bySpelling.get(normalised(typed)));
        }
    }

    private MuscleCatalogue() {
    }

    /** Read on first use, so commands that never complete a muscle never read it. */
    private static final class Loaded {
        static final Index INDEX = index(read());
    }

    /** The entries' names, in the catalogue's order: the completion candidates. */
    public static List<String> names() {
        return Loaded.INDEX.names();
    }

    /** The entry a typed name means, by its name or any other spelling; empty when not listed. */
    public static Optional<Entry> find(String typed) {
        return Loaded.INDEX.find(typed);
    }

    /**
     * A typed name as the catalogue compares it: lower case, no surrounding spaces, and every run
     * of spaces (tabs, non-breaking spaces) one space, so "Upper  Trapezius " is "upper trapezius".
     */
    public static String normalised(String typed) {
        return SPACES.matcher(typed.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    private static List<String> read() {
        try (InputStream in = MuscleCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses the catalogue's lines. A catalogue that could record the wrong muscle is refused
     * whole (it ships in the jar, so a test catches it before a clinician does): a spelling of
     * two entries, a name not written as it is recorded, or a part of a muscle it does not list.
     */
    static Index index(List<String> lines) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        Map<String, Entry> bySpelling = new HashMap<>();
        Map<String, Integer> partLines = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int lineNo = i + 1;
            String[] fields = line.split("\\|", -1);
            String name = fields[0].strip();
            if (name.isEmpty() || !name.equals(normalised(name))) {
                throw bad(lineNo, "the name must be lower case with single spaces: '" + name + "'");
            }
            String muscle = name;
            String snomed = null;
            List<String> also = new ArrayList<>();
            for (int f = 1; f < fields.length; f++) {
                String field = fields[f].strip();
                if (field.startsWith(PART_OF)) {
                    muscle = normalised(field.substring(PART_OF.length()));
                    partLines.put(name, lineNo);
                } else if (field.startsWith(ALSO)) {
                    also.addAll(List.of(field.substring(ALSO.length()).split(",", -1)));
                } else if (field.startsWith(SNOMED)) {
                    snomed = field.substring(SNOMED.length()).strip();
                    if (!SnomedId.valid(snomed)) {
                        throw bad(lineNo, "'" + snomed + "' is not a SNOMED CT concept id (6-18 digits, a concept's"
                                + " partition and a valid check digit)");
                    }
                } else {
                    throw bad(lineNo, "expected 'part of:', 'also:' or 'snomed:', found '" + field + "'");
                }
            }
            Entry entry = new Entry(name, muscle, snomed);
            entries.put(name, entry);
            spelling(bySpelling, name, entry, lineNo);
            for (String spelling : also) {
                spelling(bySpelling, spelling, entry, lineNo);
            }
        }
        partLines.forEach((name, lineNo) -> {
            Entry whole = entries.get(entries.get(name).muscle());
            if (whole == null || !whole.whole()) {
                throw bad(lineNo, "'" + name + "' is part of '" + entries.get(name).muscle()
                        + "', which must be a whole muscle of its own line");
            }
        });
        // a part is coded as its whole muscle: SNOMED CT's "Structure of" concepts take in their parts
        for (String part : partLines.keySet()) {
            Entry entry = entries.get(part);
            if (entry.snomed() == null && entries.get(entry.muscle()).snomed() != null) {
                Entry coded = new Entry(entry.name(), entry.muscle(), entries.get(entry.muscle()).snomed());
                entries.put(part, coded);
                bySpelling.replaceAll((spelling, e) -> e == entry ? coded : e);
            }
        }
        return new Index(List.copyOf(entries.keySet()), Map.copyOf(bySpelling));
    }

    private static void spelling(Map<String, Entry> bySpelling, String spelling, Entry entry, int lineNo) {
        String key = normalised(spelling);
        if (key.isEmpty()) {
            throw bad(lineNo, "an empty spelling");
        }
        Entry before = bySpelling.putIfAbsent(key, entry);
        if (before != null) {
            throw bad(lineNo, "'" + key + "' would name both '" + before.name() + "' and '" + entry.name() + "'");
        }
    }

    private static IllegalStateException bad(int line, String message) {
        return new IllegalStateException(RESOURCE + " line " + line + ": " + message);
    }

    /** Picocli's completion candidates for {@code -m}: each name as NAME, NAME:left and NAME:right. */
    public static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> all = new ArrayList<>();
            for (String name : names()) {
                all.add(name);
                all.add(name + ":left");
                all.add(name + ":right");
            }
            return all.iterator();
        }
    }
}
