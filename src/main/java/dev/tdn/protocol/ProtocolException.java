package dev.tdn.protocol;

import java.util.List;

import dev.tdn.ExitCode;
import dev.tdn.TdnException;
import dev.tdn.json.Problem;

/**
 * A protocol could not be used: it is not there (66), could not be read (74) or is not valid
 * (65, with the problems found). The message names the protocol or file and never quotes the
 * file's content.
 */
public final class ProtocolException extends TdnException {

    private ProtocolException(int exitCode, String message, List<Problem> problems) {
        super(exitCode, message, problems, null);
    }

    static ProtocolException notFound(String message) {
        return new ProtocolException(ExitCode.NO_INPUT, message, List.of());
    }

    static ProtocolException unreadable(String message) {
        return new ProtocolException(ExitCode.IO_ERR, message, List.of());
    }

    static ProtocolException invalid(CheckedProtocol checked) {
        int n = checked.problems().size();
        return new ProtocolException(ExitCode.DATA_ERR, "protocol " + checked.document().source() + " is not valid ("
                + n + (n == 1 ? " problem" : " problems") + ")", checked.problems());
    }

}
