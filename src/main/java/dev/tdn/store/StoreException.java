package dev.tdn.store;

/** The store could not be opened, read or written. Never carries record content in its message. */
public class StoreException extends Exception {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The documented exit code for this failure: 74, an I/O or store error. */
    public int exitCode() {
        return dev.tdn.ExitCode.IO_ERR;
    }
}
