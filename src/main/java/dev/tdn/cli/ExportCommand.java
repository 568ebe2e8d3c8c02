package dev.tdn.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.tdn.ExitCode;
import dev.tdn.PrivateFiles;
import dev.tdn.TdnException;
import dev.tdn.export.BundleType;
import dev.tdn.export.Disclosure;
import dev.tdn.export.Export;
import dev.tdn.export.ExportChoices;
import dev.tdn.export.ExportFormat;
import dev.tdn.export.IdentifierSystems;
import dev.tdn.export.NotExportable;
import dev.tdn.store.DamagedInStore;
import dev.tdn.store.DamagedSession;
import dev.tdn.store.Pseudonyms;
import dev.tdn.store.SessionQuery;
import dev.tdn.store.SessionStore;
import dev.tdn.store.StoreAddress;
import dev.tdn.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "export",
        mixinStandardHelpOptions = true,
        showDefaultValues = true,
        description = {
            "Export sessions from the clinic store to other systems, oldest first.",
            "",
            "ndjson: one record per line, every field, in the record format; tdn import reads it back.",
            "",
            "csv: one row per trigger point with its session's columns (header row first), deviations with"
                + " the reasons given and the precautions accepted in their own columns; text that a"
                + " spreadsheet would run as a formula starts with an apostrophe.",
            "",
            "fhir: a FHIR R4 Bundle with one Procedure per session (CPT code, patient and clinician identifiers,"
                + " period, muscles as body sites (SNOMED CT with laterality for the catalogue's coded muscles),"
                + " adverse events as complications, points and deviations as notes)"
                + " and the pain before and after as Observations (LOINC 72514-3) part of it. --bundle collection"
                + " (the default) is a file to keep; --bundle transaction is for a FHIR server to carry out: each"
                + " Procedure and Observation is created, or updated by its identifier, so a re-export never"
                + " duplicates, and the patient and clinician are conditional references to the server's own"
                + " Patient and Practitioner with those identifiers. Without a patient system the EHR cannot"
                + " match patients, and tdn warns; with the NPI system every clinician id must be an NPI.",
            "",
            "Training records are left out unless --include-training (in FHIR they carry the HTEST tag)."
                + " With -o the file is written whole or not at all (0600, replacing an older one);"
                + " without it the export goes to standard output."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            " 0:exported (also when nothing matched: an empty export)",
            " 2:usage error, such as an unknown format, a date that cannot be read, an option of another"
                + " format (--bom, --bundle), or --bundle transaction with --deidentify or --pseudonymise",
            "65:the config file is not valid, or a clinician id is not an NPI while the clinician system is"
                + " the NPI's (the session is named; no partial file is left)",
            "66:there is no store (nothing imported yet, or a mistyped --store)",
            "74:the store cannot be read or the output cannot be written (no partial file is left);"
                + " or a stored session is damaged: every other one is exported, and each damaged one is named"
                + " by its id (see tdn store check)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tdn export --format csv --since 2026-11-01 --until 2026-12-01 -o november.csv",
            "  tdn export --format csv --bom -o for-excel.csv",
            "  tdn export --format csv --deidentify --pseudonymise -o study.csv",
            "  tdn export --format fhir --patient MRN-12345 -o MRN-12345.fhir.json",
            "  tdn export --format fhir --bundle transaction -o to-ehr.json",
            "  tdn export --format ndjson | gzip > backup-$(date +%%F).ndjson.gz"})
public final class ExportCommand implements Callable<Integer> {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    @Spec
    CommandSpec spec;

    @ParentCommand
    TdnCommand root;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", converter = Spelled.Formats.class,
            completionCandidates = Spelled.Formats.class, description = "${COMPLETION-CANDIDATES}.")
    ExportFormat format;

    @Mixin
    SessionFilters filters;

    @Option(names = "--include-training", description = "Also export training records (scaled clock).")
    boolean includeTraining;

    @Option(names = "--patient-system", paramLabel = "URI",
            description = "FHIR: the namespace of the patient ids (the clinic's MRN system), such as urn:oid:2.16.840.1.113883.19.5;"
                    + " default: fhir.patientSystem in config.json.")
    String patientSystem;

    @Option(names = "--clinician-system", paramLabel = "URI",
            description = "FHIR: the namespace of the clinician ids, such as http://hl7.org/fhir/sid/us-npi;"
                    + " default: fhir.clinicianSystem in config.json.")
    String clinicianSystem;

    @Option(names = "--bundle", paramLabel = "TYPE", converter = Spelled.Bundles.class,
            completionCandidates = Spelled.Bundles.class,
            description = "FHIR: ${COMPLETION-CANDIDATES} (default collection): a file to keep, or a transaction for a server.")
    BundleType bundle;

    @Option(names = "--bom", description = "CSV: begin with a UTF-8 byte-order mark, which a spreadsheet opened with its"
            + " defaults (Excel) needs to read accented and other non-ASCII text right.")
    boolean byteOrderMark;

    @Option(names = "--deidentify", description = "For research, HIPAA's Safe Harbor method: no patient or"
            + " clinician identifier or name, a new id for each session, every date and time reduced to its year,"
            + " no free text (notes, reasons, locations, discomfort notes, the timeline, muscle names the catalogue"
            + " does not list). NDJSON so written is no longer a session record: tdn import refuses it.")
    boolean deidentify;

    @Option(names = {"--pseudonymise", "--pseudonymize"}, description = "Replace each patient and clinician id by a"
            + " random pseudonym (P-..., C-...) kept in the store, the same in every export, never computed from the"
            + " id; the clinician's name is left out. With --deidentify, for following patients across sessions"
            + " (alone, the session ids stay, and the EHR has them too).")
    boolean pseudonymise;

    @Mixin
    OutputFile output;

    @Override
    public Integer call() throws TdnException {
        SessionQuery query = filters.query(includeTraining, 0);
        if (byteOrderMark && format != ExportFormat.CSV) {
            // RFC 8259: JSON text must not begin with one, and tdn import would refuse it
            throw new ParameterException(spec.commandLine(), "--bom is for --format csv only");
        }
        if (bundle != null && format != ExportFormat.FHIR) {
            throw new ParameterException(spec.commandLine(), "--bundle is for --format fhir only");
        }
        if (bundle == BundleType.TRANSACTION && (deidentify || pseudonymise)) {
            // an EHR has no patient by a pseudonym, and a de-identified export's new ids would be posted as new sessions
            throw new ParameterException(spec.commandLine(), "--bundle transaction is for an EHR, which can take neither"
                    + " a de-identified nor a pseudonymised export; leave out --bundle for a research file");
        }
        IdentifierSystems systems = format != ExportFormat.FHIR ? IdentifierSystems.NONE
                : new IdentifierSystems(uri(patientSystem, "--patient-system"), uri(clinicianSystem, "--clinician-system"));
        PrintWriter err = spec.commandLine().getErr();
        if (format == ExportFormat.FHIR) {
            // the systems come from the config file unless given: one that cannot be read must not pass unseen
            root.config();
            if (systems.patient() == null && !deidentify && !pseudonymise) {
                err.println("tdn export: warning: no patient identifier system (--patient-system, or fhir.patientSystem"
                        + " in config.json): an EHR cannot match a patient by a bare id");
                err.flush();
            }
        }
        boolean toStdout = output.toStandardOutput();
        int[] count = {0};
        List<DamagedSession> damaged = new ArrayList<>();
        try (SessionStore store = StoreAddress.parse(root.storeUrl()).openExisting(AuditedAs.command(spec, root))) {
            Pseudonyms pseudonyms = pseudonymise ? store.pseudonyms(query) : null;
            Disclosure disclosure = deidentify ? Disclosure.deidentified(pseudonyms)
                    : pseudonymise ? Disclosure.pseudonymised(pseudonyms) : Disclosure.AS_STORED;
            ExportChoices choices = new ExportChoices(systems, bundle == null ? BundleType.COLLECTION : bundle, disclosure);
            if (toStdout) {
                PrintWriter out = spec.commandLine().getOut();
                if (byteOrderMark) {
                    out.write(BYTE_ORDER_MARK);
                }
                // an export read on the screen must not drive it: CSV quotes an escape, it does not remove it
                PrintWriter shown = dev.tdn.console.Consoles.interactive()
                        ? new PrintWriter(dev.tdn.Printable.onTerminal(out)) : out;
                write(store, query, format.open(shown, choices), disclosure, count, damaged);
                shown.flush();
                if (out.checkError()) {
                    throw new TdnException(ExitCode.IO_ERR, "cannot write to standard output; the export is incomplete");
                }
            } else {
                PrivateFiles.replaceAtomically(output.path, stream -> {
                    Writer file = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
                    if (byteOrderMark) {
                        file.write(BYTE_ORDER_MARK);
                    }
                    write(store, query, format.open(file, choices), disclosure, count, damaged);
                    file.flush();
                });
                // the file's name is left out: people name exports after patients
                err.println("tdn export: " + count[0] + " session(s) written");
            }
        } catch (NotExportable e) {
            throw new TdnException(ExitCode.DATA_ERR, e.getMessage()
                    + (toStdout ? "; the export on standard output is incomplete" : "; nothing was written"));
        } catch (StoreFailure e) {
            throw new TdnException(ExitCode.IO_ERR, e.getMessage()
                    + (toStdout ? "; the export on standard output is incomplete" : "; nothing was written"), e);
        } catch (IOException e) {
            throw output.cannotWrite(e);
        }
        if (!damaged.isEmpty()) {
            // everything else is written: the damaged ones are named last, by id only
            throw new DamagedInStore(damaged);
        }
        return ExitCode.OK;
    }

    private static void write(SessionStore store, SessionQuery query, Export export, Disclosure disclosure, int[] count,
            List<DamagedSession> damaged) throws IOException {
        try {
            if (export instanceof Export.OfLines lines && disclosure.asStored()) {
                damaged.addAll(store.eachLine(query, line -> {
                    lines.addLine(line);
                    count[0]++;
                }));
            } else {
                damaged.addAll(store.eachRecord(query, record -> {
                    export.add(record);
                    count[0]++;
                }));
            }
        } catch (StoreException e) {
            throw new StoreFailure(e.getMessage());
        }
        export.finish();
    }

    /** FHIR's Identifier.system is an absolute URI; anything else would make an invalid Bundle. */
    private String uri(String text, String option) {
        if (text == null || IdentifierSystems.isSystem(text)) {
            return text;
        }
        throw new ParameterException(spec.commandLine(), option
                + " takes an absolute URI, such as urn:oid:2.16.840.1.113883.19.5 or https://clinic.example/mrn");
    }

    /**
     * The store, not the output, failed. An IOException so it can leave the file writer, which
     * then removes its temporary file.
     */
    private static final class StoreFailure extends IOException {
        StoreFailure(String message) {
            super(message);
        }
    }

}
