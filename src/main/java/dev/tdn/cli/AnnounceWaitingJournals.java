package dev.tdn.cli;

import java.io.PrintWriter;
import java.util.Set;

import dev.tdn.Printable;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Runs the command as picocli would ({@link CommandLine.RunLast}), first printing the
 * {@linkplain WaitingJournals waiting-journals notice} for commands that open the data folder.
 * Said before the command runs, so {@code tdn session} never counts the journal it is about to
 * create; not said for help, version, {@code recover} itself (it is the answer) or commands that
 * keep nothing (timer, validate, protocol, completion), nor for {@code session --resume}.
 */
public final class AnnounceWaitingJournals implements CommandLine.IExecutionStrategy {

    /** The commands that read or write the data folder. */
    static final Set<String> OPEN_THE_DATA_FOLDER = Set.of("session", "list", "show", "note", "report", "export", "import");

    @Override
    public int execute(ParseResult parsed) {
        announce(parsed);
        return new CommandLine.RunLast().execute(parsed);
    }

    private static void announce(ParseResult parsed) {
        if (!parsed.hasSubcommand() || !OPEN_THE_DATA_FOLDER.contains(parsed.subcommand().commandSpec().name())) {
            return;
        }
        for (ParseResult p = parsed; p != null; p = p.hasSubcommand() ? p.subcommand() : null) {
            // session --resume is the answer too: it takes up a waiting journal itself
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested() || p.hasMatchedOption("--resume")) {
                return;
            }
        }
        String notice = WaitingJournals.notice(TdnHome.places().journal());
        if (notice != null) {
            PrintWriter err = parsed.commandSpec().commandLine().getErr();
            // the folder is TDN_HOME's or XDG_DATA_HOME's, and may be named anything
            err.println(Printable.line(notice));
            err.flush();
        }
    }
}
