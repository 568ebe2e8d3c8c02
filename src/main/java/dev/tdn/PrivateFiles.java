package dev.tdn;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.UUID;

/**
 * Files that name patients: directories 0700 and files 0600, set when they are created (not
 * after, when another user could already have opened them), and written durably.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final FileAttribute<Set<PosixFilePermission>> DIR_ATTR = PosixFilePermissions.asFileAttribute(DIR);
    private static final FileAttribute<Set<PosixFilePermission>> FILE_ATTR = PosixFilePermissions.asFileAttribute(FILE);

    private PrivateFiles() {
    }

    /** Creates the missing directories of {@code dir}, each 0700; existing ones are left as they are. */
    public static Path directories(Path dir) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.push(p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p, DIR_ATTR);
                // the umask may have taken bits the attribute asked for
                Files.setPosixFilePermissions(p, DIR);
            } catch (FileAlreadyExistsException raced) {
                // another process made it first; fine
            }
        }
        return dir;
    }

    /** Opens a new file, 0600, for appending; fails if it exists. */
    public static FileChannel create(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND), FILE_ATTR);
        Files.setPosixFilePermissions(file, FILE);
        return ch;
    }

    /**
     * Writes {@code bytes} as {@code target} so that a crash leaves either no file or the whole
     * file: temp file in the same directory, fsync, atomic rename, fsync of the directory.
     * Refuses to replace an existing file.
     */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        directories(dir);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try (FileChannel ch = create(temp)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncDirectory(dir);
    }

    /** What {@link #replaceAtomically} runs to fill the new file. */
    @FunctionalInterface
    public interface Contents {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} from {@code contents}, streamed, so that readers see the old file or
     * the whole new one and never a part: temp file (0600) in the same directory, fsync, atomic
     * rename over the old file, fsync of the directory. If {@code contents} fails, the temp file
     * is removed and {@code target} is as it was. A {@code target} that exists must be a regular
     * file or a symbolic link to one.
     */
    public static void replaceAtomically(Path target, Contents contents) throws IOException {
        if (Files.isSymbolicLink(target) && !Files.exists(target)) {
            throw new java.nio.file.FileSystemException(target.toString(), null, "a symbolic link to nothing");
        }
        if (Files.exists(target)) {
            // through a symbolic link to the file it names, so the link stays a link; never over
            // a device, pipe or folder (root could otherwise replace /dev/full with a file)
            target = target.toRealPath();
            if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new java.nio.file.FileSystemException(target.toString(), null, "not a regular file");
            }
        }
        Path dir = target.toAbsolutePath().getParent();
        directories(dir);
        Path temp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel ch = create(temp)) {
                OutputStream out = Channels.newOutputStream(ch);
                contents.writeTo(out);
                out.flush();
                ch.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        syncDirectory(dir);
    }

    /**
     * Moves {@code file} to {@code target}, a new name (never over another file), made 0600 before
     * it appears there, and durably: both folders are synced, so a power loss leaves it in one
     * place or the other, never in none.
     */
    public static void move(Path file, Path target) throws IOException {
        Path from = file.toAbsolutePath().getParent();
        Path to = target.toAbsolutePath().getParent();
        directories(to);
        Files.setPosixFilePermissions(file, FILE);
        // without REPLACE_EXISTING a file already at target is refused, not overwritten
        Files.move(file, target);
        syncDirectory(to);
        syncDirectory(from);
    }

    /** Makes a rename or delete in {@code dir} survive a power loss. */
    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
