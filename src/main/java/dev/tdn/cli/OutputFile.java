package dev.tdn.cli;

import java.io.IOException;
import java.nio.file.Path;

import dev.tdn.ExitCode;
import dev.tdn.PrivateFiles;
import dev.tdn.TdnException;
import picocli.CommandLine.Option;

/**
 * {@code -o FILE}, shared by the commands that write what they answer to a file: the file is
 * written whole or not at all (0600, an older one replaced only once the new one is complete),
 * and "-" or no option means standard output.
 */
public final class OutputFile {

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write to FILE (0600, whole or not at all) instead of standard output.")
    Path path;

    /** True when the answer goes to standard output. */
    boolean toStandardOutput() {
        return path == null || path.toString().equals("-");
    }

    /** Fills the file from {@code contents}; a failure is exit 74, and the file is as it was. */
    void write(PrivateFiles.Contents contents) throws TdnException {
        try {
            PrivateFiles.replaceAtomically(path, contents);
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    /** "cannot write FILE (reason); nothing was written", exit 74. */
    TdnException cannotWrite(IOException e) {
        return new TdnException(ExitCode.IO_ERR, "cannot write " + path + " (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); nothing was written", e);
    }

    @Override
    public String toString() {
        return String.valueOf(path);
    }
}
