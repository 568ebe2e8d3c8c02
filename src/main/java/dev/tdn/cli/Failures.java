package dev.tdn.cli;

import java.io.PrintWriter;

import dev.tdn.ExitCode;
import dev.tdn.Printable;
import dev.tdn.TdnException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * How a command that fails ends: a {@link TdnException} is the command's own, documented failure
 * (its message and problems on stderr, its exit code); anything else thrown is a bug in tdn. A
 * bug's message may hold data from a record, so it is shown only on request (TDN_DEBUG=1).
 */
public final class Failures implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof TdnException failure) {
            // a message of several lines (one per damaged session, say) names the command on each;
            // a line may name a file or echo an argument, typed or read from a file
            for (String line : String.valueOf(failure.getMessage()).split("\n")) {
                err.println(cl.getCommandSpec().qualifiedName() + ": " + Printable.line(line));
            }
            failure.problems().forEach(p -> err.println(p.format()));
            err.flush();
            return failure.exitCode();
        }
        err.println("tdn: internal error (" + e.getClass().getName() + "); nothing was changed by the failed step."
                + " Run again with TDN_DEBUG=1 to see details for a bug report.");
        if ("1".equals(System.getenv("TDN_DEBUG"))) {
            // the bug's message may quote a record, and the trace still goes to a terminal
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(Printable.lines(trace.toString().replace("\t", "    ")));
        }
        err.flush();
        return ExitCode.INTERNAL;
    }
}
