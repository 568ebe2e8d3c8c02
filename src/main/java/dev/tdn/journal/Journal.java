package dev.tdn.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.tdn.PrivateFiles;
import dev.tdn.record.RecordJson;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;

/**
 * The append-only log of a session in progress, {@code journal/<id>.ndjson}: a header line,
 * then one line per accepted input, each forced to disk before the screen moves on. A session
 * killed at any moment leaves every acknowledged input here for {@code tdn recover}.
 */
public final class Journal implements Closeable {

    /** In a class of its own, built on first use: a new journal's header needs no mapper ({@link HeaderLine}). */
    private static final class Lines {
        static final ObjectWriter LINE = RecordJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
    }

    /** The writer of every line after the header. */
    static ObjectWriter line() {
        return Lines.LINE;
    }

    private final Path file;
    private final FileChannel channel;
    private int seq;

    private Journal(Path file, FileChannel channel) throws IOException {
        this.file = file;
        this.channel = channel;
        // held for the session's life: recover and --resume leave a journal alone while its session runs
        if (channel.tryLock() == null) {
            channel.close();
            throw new InUse(file);
        }
    }

    /** The journal belongs to a session that is running now, in another tdn. */
    public static final class InUse extends IOException {
        InUse(Path file) {
            super(file + " belongs to a session in progress");
        }
    }

    /**
     * Whether a running session holds {@code file}. (Asked only by other processes: closing the
     * probe's channel would drop this process's own lock, as POSIX locks go.)
     */
    public static boolean inUse(Path file) {
        try (FileChannel probe = FileChannel.open(file, java.nio.file.StandardOpenOption.READ,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock lock = probe.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void prepareLines() {
        dev.tdn.IdleCore.run("tdn-journal-prepare", new PrepareLines());
    }

    private static final class PrepareLines implements Runnable {
        @Override
        public void run() {
            line();
        }
    }

    public static Path fileFor(Path dir, String id) {
        return dir.resolve(id + ".ndjson");
    }

    /** Creates the journal (0600, in a 0700 directory) and makes its header durable. */
    public static Journal create(Path dir, JournalHeader header) throws IOException {
        PrivateFiles.directories(dir);
        Path file = fileFor(dir, header.id());
        FileChannel channel = PrivateFiles.create(file);
        Journal journal = new Journal(file, channel);
        try {
            journal.writeLine(HeaderLine.of(header));
            PrivateFiles.syncDirectory(dir);
            // the first answer's line needs the mapper: it is built while the first question is read
            prepareLines();
        } catch (IOException e) {
            journal.close();
            throw e;
        }
        return journal;
    }

    /**
     * Opens a journal again to append to it ({@code tdn session --resume}), after its input
     * {@code lastSeq}. A last line torn by the crash ({@code tornTail}: replay skipped it) is cut
     * off first, so the next line starts on a line of its own.
     */
    public static Journal reopen(Path file, int lastSeq, boolean tornTail) throws IOException {
        FileChannel channel = FileChannel.open(file, java.nio.file.StandardOpenOption.READ,
                java.nio.file.StandardOpenOption.WRITE);
        try {
            long size = channel.size();
            long end = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (end > 0) {
                one.clear();
                channel.read(one, end - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                end--;
            }
            if (end < size && tornTail) {
                channel.truncate(end);
                channel.force(true);
                channel.position(end);
            } else if (end < size) {
                // a whole last line that lost only its newline was replayed: it stays, and is ended
                channel.position(size);
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
                channel.force(false);
            } else {
                channel.position(end);
            }
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        Journal journal = new Journal(file, channel);
        journal.seq = lastSeq;
        return journal;
    }

    public Path file() {
        return file;
    }

    /** Appends one input and forces it to disk; only then may the console go on. */
    public void append(long elapsedNanos, dev.tdn.session.Input input) throws IOException {
        seq++;
        writeLine(Lines.LINE.writeValueAsString(new JournalEntry(seq, elapsedNanos, input)));
    }

    private void writeLine(String json) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap((json + "\n").getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        // fdatasync: the data and the new length, which is what reading it back needs
        channel.force(false);
    }

    /** Removes the journal once its record is durably written elsewhere. */
    public void retire() throws IOException {
        close();
        retire(file);
    }

    public static void retire(Path journalFile) throws IOException {
        Files.deleteIfExists(journalFile);
        PrivateFiles.syncDirectory(journalFile.toAbsolutePath().getParent());
    }

    @Override
    public void close() throws IOException {
        if (channel.isOpen()) {
            channel.close();
        }
    }
}
