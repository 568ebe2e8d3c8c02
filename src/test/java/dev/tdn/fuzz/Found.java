package dev.tdn.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.tdn.ExitCode;
import dev.tdn.TdnException;
import dev.tdn.journal.Recovery;

/**
 * What counts as a bug when a reader meets a hostile input, and how one is told apart from the
 * documented ways of saying no. A reader may reject an input only with a problem list or one of
 * tdn's own failures ({@link TdnException}, with a documented exit code other than 1, or an
 * unreadable journal). Anything else is a finding: another exception (it would reach the user as
 * exit 1 and a "report this" line), exit 1 itself, a patient or clinician id from the input
 * quoted in a message, a result a later step would refuse, a hang.
 */
public final class Found {

    /** One finding: enough to run the very input again ({@link Campaign#input}). */
    public record Finding(String target, long seed, int iteration, String kind, String detail) {
        @Override
        public String toString() {
            return target + " seed=" + seed + " iteration=" + iteration + ": " + kind + ": " + detail;
        }

        /** Findings with the same kind and detail are one bug met many times. */
        String bug() {
            return target + "|" + kind + "|" + detail;
        }
    }

    /** A reader's result that breaks a promise of the step after it (thrown by {@link Readers}' checks). */
    public static final class Broken extends RuntimeException {
        final String kind;

        Broken(String kind, String detail) {
            super(detail, null, false, false);
            this.kind = kind;
        }
    }

    private Found() {
    }

    /** Exit codes a reader may end with (DESIGN 3); 1 is a bug by definition. */
    static final List<Integer> DOCUMENTED = List.of(ExitCode.OK, ExitCode.USAGE, ExitCode.DATA_ERR, ExitCode.NO_INPUT,
            ExitCode.IO_ERR, ExitCode.INTERRUPTED);

    /** The finding a throwable from a reader makes, or null when it is a documented rejection with a clean message. */
    static String[] classify(Throwable t, byte[] input, Collection<String> personal) {
        if (t instanceof Broken b) {
            return new String[] {b.kind, b.getMessage()};
        }
        if (t instanceof TdnException e) {
            if (!DOCUMENTED.contains(e.exitCode()) || e.exitCode() == ExitCode.INTERNAL) {
                return new String[] {"exit-" + e.exitCode(), where(t)};
            }
            List<String> messages = new ArrayList<>();
            messages.add(e.getMessage());
            e.problems().forEach(p -> messages.add(p.format()));
            return echo(messages, input, personal);
        }
        if (t instanceof Recovery.UnreadableJournal e) {
            return echo(List.of(e.getMessage()), input, personal);
        }
        return new String[] {"exception", where(t)};
    }

    /** The first personal string from the input that a message quotes, as a finding. */
    static String[] echo(Collection<String> messages, byte[] input, Collection<String> personal) {
        // the messages are short and the input long: the input is searched only for what a message holds
        for (String secret : personal) {
            for (String m : messages) {
                if (m != null && m.contains(secret) && contains(input, secret.getBytes(StandardCharsets.UTF_8))) {
                    return new String[] {"echo", "a message quotes a patient or clinician id: " + scrub(m, secret)};
                }
            }
        }
        return null;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static String scrub(String message, String secret) {
        String shown = message.replace(secret, "<ID>");
        return shown.length() > 200 ? shown.substring(0, 200) + "..." : shown;
    }

    /** The exception and the frame it left tdn's code from: one bug, however many inputs meet it. */
    static String where(Throwable t) {
        Throwable root = t;
        StringBuilder sb = new StringBuilder(t.getClass().getName());
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            sb.append(" <- ").append(root.getClass().getName());
        }
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("dev.tdn.") && !e.getClassName().startsWith("dev.tdn.fuzz.")) {
                sb.append(" at ").append(e.getClassName()).append('.').append(e.getMethodName()).append(':')
                        .append(e.getLineNumber());
                break;
            }
        }
        return sb.toString();
    }
}
