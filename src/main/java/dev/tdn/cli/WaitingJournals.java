package dev.tdn.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.tdn.journal.Journal;

/**
 * The one line that tells whoever runs tdn that interrupted sessions wait for {@code tdn recover}:
 * otherwise nobody would know, and the sessions would be missing from every report. It costs one
 * listing of the journal folder (nothing is read or parsed) and names no patient.
 */
final class WaitingJournals {

    private WaitingJournals() {
    }

    /** Journals in {@code dir}; 0 when the folder does not exist or cannot be listed. */
    static int count(Path dir) {
        int n = 0;
        // no Files.isDirectory first: opening the listing already says whether there is one
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                // a session running now in another tdn is not waiting (it holds its journal's lock)
                if (p.getFileName().toString().endsWith(".ndjson") && !Journal.inUse(p)) {
                    n++;
                }
            }
        } catch (IOException | SecurityException e) {
            // no folder, or not ours to list: nothing to announce, and no reason to stop the command
            return 0;
        }
        return n;
    }

    /** The notice for the journals in {@code dir}, or null when none waits. */
    static String notice(Path dir) {
        int n = count(dir);
        if (n == 0) {
            return null;
        }
        return "tdn: " + n + (n == 1 ? " interrupted session waits in " : " interrupted sessions wait in ") + dir
                + "; run 'tdn recover' to finish " + (n == 1 ? "it" : "them");
    }
}
