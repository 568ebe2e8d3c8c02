package dev.tdn.export;

/**
 * Text typed by people (patient and clinician ids, muscle names) made safe for a spreadsheet.
 * A cell that starts with = + - @ or a control character is a formula to Excel and LibreOffice,
 * and a record from another machine could carry one ("CSV injection"); a leading apostrophe
 * makes the spreadsheet show the text as text. Numbers such as "-12" are left alone.
 */
final class Cell {

    private Cell() {
    }

    static String text(String s) {
        if (s == null || s.isEmpty()) {
            return s;
        }
        char first = s.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula && !isNumber(s) ? "'" + s : s;
    }

    private static boolean isNumber(String s) {
        return s.matches("[-+]?[0-9]+(\\.[0-9]+)?");
    }
}
