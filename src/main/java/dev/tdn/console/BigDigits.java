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
                    String cell = p == '#' ? String.valueOf(pixel) : " ";
                    rows.get(r).append(cell).append(cell);
                }
                rows.get(r).append("  ");
            }
        }
        List<String> out = new ArrayList<>();
        rows.forEach(sb -> out.add(sb.toString().stripTrailing()));
        return out;
    }
}
