package dev.tdn.console;

import java.util.ArrayList;
import java.util.List;

/**
 * A clock reading drawn five rows tall, so the elapsed time reads at a glance from across the
 * treatment room. Only digits, ':' and '.' are drawn.
 */
final class BigDigits {

    static final int ROWS = 5;

    private static final String[][] GLYPHS = {
        {"###", "# #", "# #", "# #", "###"}, // 0
        {" # ", "## ", " # ", " # ", "###"}, // 1
        {"###", "  #", "###", "#  ", "###"}, // 2
        {"###", "  #", "###", "  #", "###"}, // 3
        {"# #", "# #", "###", "  #", "  #"}, // 4
        {"###", "#  ", "###", "  #", "###"}, // 5
        {"###", "#  ", "###", "# #", "###"}, // 6
        {"###", "  #", "  #", "  #", "  #"}, // 7
        {"###", "# #", "###", "# #", "###"}, // 8
        {"###", "# #", "###", "  #", "###"}, // 9
    };
    private static final String[] COLON = {" ", "#", " ", "#", " "};
    private static final String[] DOT = {" ", " ", " ", " ", "#"};

    private BigDigits() {
    }

    /** The rows of {@code text}, each glyph pixel doubled in width; {@code pixel} is the ink. */
    static List<String> render(String text, char pixel) {
        return render(text, pixel, 2);
    }

    /**
     * The rows of {@code text} in at most {@code columns}: pixels doubled when that fits, single
     * when only that fits, else the text itself on one row. Figures are fitted, not wrapped: a
     * digit broken over two lines no longer reads.
     */
    static List<String> fitted(String text, char pixel, int columns) {
        for (int width = 2; width >= 1; width--) {
            List<String> rows = render(text, pixel, width);
            if (rows.stream().mapToInt(String::length).max().orElse(0) <= columns) {
                return rows;
            }
        }
        return List.of(text);
    }

    private static List<String> render(String text, char pixel, int pixelWidth) {
        List<StringBuilder> rows = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            rows.add(new StringBuilder());
        }
        for (char ch : text.toCharArray()) {
            String[] glyph = ch == ':' ? COLON : ch == '.' ? DOT : Character.isDigit(ch) ? GLYPHS[ch - '0'] : null;
            if (glyph == null) {
                continue;
            }
            for (int r = 0; r < ROWS; r++) {
                for (char p : glyph[r].toCharArray()) {
                    String cell = (p == '#' ? String.valueOf(pixel) : " ").repeat(pixelWidth);
                    rows.get(r).append(cell);
                }
                rows.get(r).append(" ".repeat(pixelWidth));
            }
        }
        List<String> out = new ArrayList<>();
        rows.forEach(sb -> out.add(sb.toString().stripTrailing()));
        return out;
    }
}
