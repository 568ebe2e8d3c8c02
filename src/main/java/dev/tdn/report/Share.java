package dev.tdn.report;

import java.util.Locale;

/** "12 of 40 (30.0%)": a count against its whole, the way audits state it. */
record Share(int count, int of) {

    double percent() {
        return of == 0 ? 0 : 100.0 * count / of;
    }

    @Override
    public String toString() {
        return of == 0 ? count + " of 0" : String.format(Locale.ROOT, "%d of %d (%.1f%%)", count, of, percent());
    }
}
