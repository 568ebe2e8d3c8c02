package dev.tdn.export;

/**
 * A stored record that the export asked for cannot express truthfully (an NPI system over an id
 * that is not an NPI). The message names the session by its id only.
 */
public final class NotExportable extends RuntimeException {

    NotExportable(String message) {
        super(message);
    }
}
