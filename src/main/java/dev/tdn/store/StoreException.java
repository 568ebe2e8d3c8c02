package dev.tdn.store;

import dev.tdn.ExitCode;
import dev.tdn.TdnException;

/** The store could not be opened, read or written (74). Never carries record content in its message. */
public class StoreException extends TdnException {

    public StoreException(String message, Throwable cause) {
        this(ExitCode.IO_ERR, message, cause);
    }

    protected StoreException(int exitCode, String message, Throwable cause) {
        super(exitCode, message, cause);
    }
}
