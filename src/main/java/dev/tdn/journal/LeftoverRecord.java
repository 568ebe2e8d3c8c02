package dev.tdn.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.tdn.PrivateFiles;
import dev.tdn.json.Document;
import dev.tdn.record.CheckedRecord;
import dev.tdn.record.RecordFile;
import dev.tdn.record.RecordValidator;
import dev.tdn.record.SessionRecord;

/**
 * A record's temporary file left in the records folder by a kill between its write and its
 * rename ({@code .<date>_<id>.json.<uuid>.tmp}, see {@link PrivateFiles#writeAtomically}).
 * {@link #settle} finishes it or clears it away; it never deletes anything that could hold an
 * answer no other file has.
 */
public record LeftoverRecord(Path temp, Path target) {

    private static final Pattern NAME = Pattern.compile(
            "\\.(.+\\.json)\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.tmp");

    /**
     * What {@link #settle} did; {@code where} is the record written or the file set aside, else
     * null; {@code record} is the record completed, else null.
     */
    public record Settled(Kind kind, Path where, SessionRecord record, String message) {
    }

    public enum Kind {
        /** a whole, valid record: written under its own name, the temporary file removed */
        COMPLETED,
        /** nothing in it that is not elsewhere: removed */
        REMOVED,
        /** it could hold data, but is no whole record, or differs from the record: kept in the set-aside folder */
        SET_ASIDE,
        /** its journal still waits and is the better source: left for a later recover */
        LEFT
    }

    /** The leftovers in {@code dir}, oldest name first; none when the folder does not exist. */
    public static List<LeftoverRecord> in(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<LeftoverRecord> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    found.add(new LeftoverRecord(p, dir.resolve(m.group(1))));
                }
            }
        }
        return found;
    }

    /** The session id its name gives ({@code <date>_<id>.json}), or the whole name if it has no date. */
    public String sessionId() {
        String name = target.getFileName().toString();
        String stem = name.substring(0, name.length() - ".json".length());
        int underscore = stem.indexOf('_');
        return underscore < 0 ? stem : stem.substring(underscore + 1);
    }

    /**
     * Finishes what the session's record write began, or clears it: run after the journals, so
     * a journal that was recovered has written the record this file would have become.
     */
    public Settled settle(Path journalDir, RecordValidator validator, SetAside setAside) throws IOException {
        byte[] bytes = Files.readAllBytes(temp);
        if (bytes.length == 0) {
            remove();
            return new Settled(Kind.REMOVED, null, null, "an empty leftover of a record write; removed");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (Arrays.equals(bytes, Files.readAllBytes(target))) {
                remove();
                return new Settled(Kind.REMOVED, null, null, "a leftover copy of " + target.getFileName() + "; removed");
            }
            Path kept = setAside.keep(temp, "differs");
            return new Settled(Kind.SET_ASIDE, kept, null, "differs from " + target.getFileName() + ", which is kept; set aside as "
                    + kept);
        }
        if (Files.exists(Journal.fileFor(journalDir, sessionId()), LinkOption.NOFOLLOW_LINKS)) {
            return new Settled(Kind.LEFT, null, null, "its session's journal still waits; left until that journal is recovered");
        }
        CheckedRecord checked = validator.check(new Document(temp.toString(), 1, bytes));
        if (checked.valid() && RecordFile.fileName(checked.record()).equals(target.getFileName().toString())) {
            // written afresh (temp, fsync, rename, folder fsync) rather than renamed: the kill may
            // have come before this file was forced to disk
            PrivateFiles.writeAtomically(target, bytes);
            remove();
            return new Settled(Kind.COMPLETED, target, checked.record(), "a whole record whose rename was cut off; completed as " + target);
        }
        Path kept = setAside.keep(temp, "incomplete");
        return new Settled(Kind.SET_ASIDE, kept, null, "not a whole, valid record; set aside as " + kept);
    }

    private void remove() throws IOException {
        Files.deleteIfExists(temp);
        PrivateFiles.syncDirectory(temp.toAbsolutePath().getParent());
    }
}
