package dev.tdn;

/** Exit codes, from sysexits(3) as clinic scripts expect (DESIGN 3). */
public final class ExitCode {
    public static final int OK = 0;
    /** A bug in tdn; the message says how to get details. */
    public static final int INTERNAL = 1;
    /** Wrong options or arguments (picocli's usage error). */
    public static final int USAGE = 2;
    /** EX_DATAERR: a record or protocol failed validation. */
    public static final int DATA_ERR = 65;
    /** EX_NOINPUT: an input file does not exist or cannot be read. */
    public static final int NO_INPUT = 66;
    /** EX_IOERR: reading or writing failed, or the store failed. */
    public static final int IO_ERR = 74;
    /** 128 + SIGINT: the user interrupted. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
