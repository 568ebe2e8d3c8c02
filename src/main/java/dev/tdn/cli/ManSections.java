package dev.tdn.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.tdn.Places;

/**
 * The ENVIRONMENT and FILES sections that the man page generator adds to every page (picocli's
 * generator has no place for them), written once here, next to the code they describe. The
 * paths are {@link Places}' own defaults, so a folder that moves in the code moves in the pages.
 */
public final class ManSections {

    /** A term (a variable, a path) and what it means, as a man page's tagged paragraph. */
    public record Entry(String term, String text) {
    }

    /** Where things live when no variable says otherwise, with the home folder written as ~. */
    private static final Places DEFAULTS = Places.from(Map.of(), Path.of("~"));

    private ManSections() {
    }

    public static List<Entry> environment() {
        return List.of(
                new Entry("TDN_HOME", "Keep everything (config, protocols, records, journals and the store) in this"
                        + " one folder instead of the folders under FILES: for a training room, a test or a scripted"
                        + " install."),
                new Entry("TDN_STORE", "The clinic store, jdbc:sqlite:PATH or jdbc:postgresql://HOST[:PORT]/DB, when --store is not given; else the"
                        + " store in config.json, else tdn.db in the data folder."),
                new Entry("NO_COLOR", "When set and not empty, no colour on the screen, as with --no-color"
                        + " (no-color.org)."),
                new Entry("TERM", "When unset or dumb, plain lines instead of the live screen, as with --plain;"
                        + " dumb also means no colour."),
                new Entry("TDN_DEBUG", "Set to 1 to print the details of an internal error (exit code 1) for a bug"
                        + " report. They may quote data from a record, so they are not shown otherwise."),
                new Entry("XDG_CONFIG_HOME", "The config folder is $XDG_CONFIG_HOME/tdn; when unset or not an"
                        + " absolute path, " + DEFAULTS.config() + "."),
                new Entry("XDG_DATA_HOME", "The data folder is $XDG_DATA_HOME/tdn; when unset or not an absolute"
                        + " path, " + DEFAULTS.data() + "."),
                new Entry("HOME", "The default folders are under the home folder, ~: HOME when it is set to an"
                        + " absolute path, else the user account's home."));
    }

    /** Said before the list of files: which folders the paths are in. */
    public static String filesIntroduction() {
        return "The paths are the defaults. The config folder is " + DEFAULTS.config() + " ($XDG_CONFIG_HOME/tdn)"
                + " and the data folder " + DEFAULTS.data() + " ($XDG_DATA_HOME/tdn); when TDN_HOME is set, both"
                + " are that folder.";
    }

    public static List<Entry> files() {
        return List.of(
                new Entry(DEFAULTS.configFile().toString(), "The clinician (id, name, credentials), the default"
                        + " protocol, the needle, the FHIR identifier systems and the clinic store (store)."),
                new Entry(DEFAULTS.protocols() + "/", "The clinic's own protocols, NAME.json, used by name"
                        + " (tdn protocol list); one named like a built-in protocol replaces it."),
                new Entry(DEFAULTS.sessions() + "/", "Finished session records, written by tdn session and"
                        + " tdn recover."),
                new Entry(DEFAULTS.training() + "/", "Records of training sessions (tdn session --training),"
                        + " kept apart from the clinical ones and never imported."),
                new Entry(DEFAULTS.journal() + "/", "Journals of sessions in progress; one left behind means a"
                        + " session was interrupted (tdn recover, tdn session --resume)."),
                new Entry(DEFAULTS.setAside() + "/", "Journals and leftover record files that tdn recover could"
                        + " not use whole, kept rather than deleted: they may hold answers no record has."),
                new Entry(DEFAULTS.database().toString(), "The clinic store (SQLite): tdn session, recover and"
                        + " import add records to it, and tdn list, show, report and export read it. --store,"
                        + " TDN_STORE or config.json's store name another."));
    }
}
