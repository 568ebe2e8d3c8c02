package dev.tdn.protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The built-in list of commonly needled muscles, for completion on the command line and on the
 * live screen. A suggestion list only: any muscle name may be recorded.
 */
public final class MuscleCatalogue {

    private static final String RESOURCE = "/muscles.txt";

    private MuscleCatalogue() {
    }

    /** Read on first use, so commands that never complete a muscle never read it. */
    private static final class Loaded {
        static final List<String> NAMES = read();
    }

    public static List<String> names() {
        return Loaded.NAMES;
    }

    private static List<String> read() {
        try (InputStream in = MuscleCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            List<String> names = new ArrayList<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(names::add);
            return List.copyOf(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
