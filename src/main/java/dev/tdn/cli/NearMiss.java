package dev.tdn.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a mistyped command or option was probably meant to be. Written here because picocli's own
 * suggestions compare letter pairs, which a swapped pair defeats: {@code lsit} shares no pair with
 * {@code list} and was offered {@code session}. Distance counts a swap of neighbours as one edit
 * (optimal string alignment), and a start of a name counts as a near miss too.
 */
final class NearMiss {

    private NearMiss() {
    }

    /** The names within reach of {@code typed}, closest first; at most three. */
    static List<String> of(String typed, Iterable<String> names) {
        String t = typed.toLowerCase(java.util.Locale.ROOT);
        record Scored(String name, int distance) {
        }
        List<Scored> near = new ArrayList<>();
        for (String name : names) {
            String n = name.toLowerCase(java.util.Locale.ROOT);
            int reach = Math.max(1, Math.min(t.length(), n.length()) / 3);
            int d = distance(t, n);
            if (d <= reach) {
                near.add(new Scored(name, d));
            } else if (t.length() >= 3 && n.startsWith(t)) {
                near.add(new Scored(name, reach + 1));
            }
        }
        near.sort(Comparator.comparingInt(Scored::distance));
        return near.stream().limit(3).map(Scored::name).toList();
    }

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
