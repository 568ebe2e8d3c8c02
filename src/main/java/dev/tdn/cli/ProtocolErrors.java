package dev.tdn.cli;

import java.io.PrintWriter;

import dev.tdn.protocol.ProtocolException;

/** How every command reports a protocol it cannot use, so {@code session} and {@code protocol} say it alike. */
final class ProtocolErrors {

    private ProtocolErrors() {
    }

    /**
     * Prints {@code COMMAND: what went wrong}, then one {@code FILE:LINE:COL: $.path: message [rule]}
     * line per problem, on {@code err}.
     *
     * @return the exit code to end with
     */
    static int print(PrintWriter err, String command, ProtocolException e) {
        err.println(command + ": " + e.getMessage());
        e.problems().forEach(p -> err.println(p.format()));
        err.flush();
        return e.exitCode();
    }
}
