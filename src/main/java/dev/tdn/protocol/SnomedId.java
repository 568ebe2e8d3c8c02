package dev.tdn.protocol;

/**
 * A SNOMED CT concept identifier: 6 to 18 digits, the last a Verhoeff check digit, the two before
 * it the partition ("00" or "10": a concept, in the international or an extension's namespace).
 * Checked so that a code mistyped into the catalogue is refused before an EHR receives it.
 * Written here because it is ten lines and no library tdn uses has it.
 */
final class SnomedId {

    private static final int[][] D = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
        {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
        {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
        {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
    private static final int[][] P = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
        {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
        {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};

    private SnomedId() {
    }

    static boolean valid(String id) {
        if (id == null || !id.matches("[1-9][0-9]{5,17}")) {
            return false;
        }
        String partition = id.substring(id.length() - 3, id.length() - 1);
        if (!partition.equals("00") && !partition.equals("10")) {
            return false;
        }
        int c = 0;
        for (int i = 0; i < id.length(); i++) {
            c = D[c][P[i % 8][id.charAt(id.length() - 1 - i) - '0']];
        }
        return c == 0;
    }
}
