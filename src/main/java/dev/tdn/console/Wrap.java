package dev.tdn.console;

import java.util.ArrayList;
import java.util.List;

/**
 * Words to lines of a terminal's width, so nothing printed after a live screen is broken in the
 * middle of a word. A long word (a file's path) stays whole on a line of its own.
 */
public final class Wrap {

    private Wrap() {
    }

    /** Each line of {@code text} wrapped at {@code width}, continuation lines indented by two spaces. */
    public static String paragraphs(String text, int width) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String lead = line.substring(0, line.length() - line.stripLeading().length());
            StringBuilder current = new StringBuilder(lead);
            boolean first = true;
            for (String word : line.stripLeading().split(" +")) {
                if (!first && current.length() + 1 + word.length() > width) {
                    out.add(current.toString());
                    current.setLength(0);
                    current.append(lead).append("  ").append(word);
                } else {
                    current.append(first ? "" : " ").append(word);
                }
                first = false;
            }
            out.add(current.toString());
        }
        return String.join("\n", out);
    }
}
