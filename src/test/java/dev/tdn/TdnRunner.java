package dev.tdn;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;

/** Runs tdn in-process, as picocli's manual tests commands: own stdin, out and err. */
public final class TdnRunner {

    public record Result(int exitCode, String out, String err) {
    }

    private TdnRunner() {
    }

    public static Result run(String... args) {
        return runWithInput(new byte[0], args);
    }

    public static Result runWithInput(String stdin, String... args) {
        return runWithInput(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    public static Result runWithInput(byte[] stdin, String... args) {
        // the tree main builds for these arguments, so tests run what users run
        CommandLine cl = Tdn.commandLine(new ByteArrayInputStream(stdin), args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
