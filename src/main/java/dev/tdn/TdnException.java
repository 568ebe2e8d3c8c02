package dev.tdn;

import java.util.List;

import dev.tdn.json.Problem;

/**
 * A failure a command ends with: its documented exit code, a message for the clinician or the
 * clinic's script, and, when input was checked, each problem found. The one type every layer
 * throws (a store that fails, a protocol that is not valid, a journal that cannot be resumed) and
 * the one {@code Tdn} maps to an exit code, so no command catches and prints for itself.
 *
 * <p>The message never quotes patient data: it names files, fields and rules.
 */
public class TdnException extends Exception {

    private final int exitCode;
    private final transient List<Problem> problems;

    public TdnException(int exitCode, String message) {
        this(exitCode, message, List.of(), null);
    }

    public TdnException(int exitCode, String message, Throwable cause) {
        this(exitCode, message, List.of(), cause);
    }

    public TdnException(int exitCode, String message, List<Problem> problems, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.problems = List.copyOf(problems);
    }

    /** One of {@link ExitCode}'s. */
    public int exitCode() {
        return exitCode;
    }

    /** Each problem found in the input, located in its file; empty when the failure is not about content. */
    public List<Problem> problems() {
        return problems;
    }
}
