package dev.tdn.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import dev.tdn.ExitCode;
import dev.tdn.TdnException;
import dev.tdn.note.NoteFormat;
import dev.tdn.note.ProcedureNote;
import dev.tdn.record.RecordJson;
import dev.tdn.record.SessionRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "note",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        description = {
            "Write one session from the clinic store as a procedure note to paste into the EMR: consent,"
                + " screening and the precautions accepted; each muscle and side with the needle's gauge and length,"
                + " depth, technique, electrical stimulation, twitch response, dwell and compression against their"
                + " windows, bleeding and discomfort; pain before and after, adverse events, aftercare, the needle"
                + " count, deviations with their reasons, and the CPT suggestion.",
            "",
            "Times are the session's own, to the second. What the record does not hold is written"
                + " \"not recorded\". Text typed into the record cannot become formatting in Markdown, nor reach"
                + " the terminal as control characters."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:written",
            " 2:usage error, such as an id prefix that matches more than one session",
            "66:no session has this id, or there is no store",
            "74:the store cannot be read, the stored session is damaged (see tdn store check),"
                + " or the output cannot be written (no partial file is left)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tdn note 3f1c2a9e",
            "  tdn note --format markdown 3f1c2a9e -o note.md"})
public final class NoteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    TdnCommand root;

    @Mixin
    StoredSession session;

    @Option(names = "--format", paramLabel = "FORMAT", converter = Spelled.NoteFormats.class,
            completionCandidates = Spelled.NoteFormats.class, defaultValue = "text",
            description = "${COMPLETION-CANDIDATES}: plain text for any EMR text box, or Markdown for one that renders it.")
    NoteFormat format;

    @Mixin
    OutputFile output;

    @Override
    public Integer call() throws TdnException {
        SessionRecord r = RecordJson.read(session.bytes(spec, root));
        String note = ProcedureNote.of(r, format);
        if (output.toStandardOutput()) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(note);
            out.flush();
            if (out.checkError()) {
                throw new TdnException(ExitCode.IO_ERR, "cannot write to standard output; the note is incomplete");
            }
            return ExitCode.OK;
        }
        output.write(stream -> stream.write(note.getBytes(StandardCharsets.UTF_8)));
        return ExitCode.OK;
    }
}
