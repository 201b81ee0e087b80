package dev.knot.adapter.embedded;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the store's directory and files readable by their owner only: the files hold password, token and session
 * hashes. On a file system without POSIX permissions (Windows) nothing is restricted here; the directory's ACL
 * applies.
 */
final class PrivateFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    /** Every permission of the group and of other users. */
    private static final Set<PosixFilePermission> OTHERS = PosixFilePermissions.fromString("---rwxrwx");
    /** What lets other users list or change a directory; execute alone only lets them reach private files. */
    private static final Set<PosixFilePermission> OTHERS_ACCESS = PosixFilePermissions.fromString("---rw-rw-");

    private PrivateFiles() {}

    /** Creates the directory and any missing parent with mode 0700 (less if the umask says so). */
    static void createDirectories(Path directory) throws IOException {
        if (isPosix(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        } else {
            Files.createDirectories(directory);
        }
    }

    /** Creates an empty file with mode 0600; nothing happens when it exists already. */
    static void createFileIfMissing(Path file) throws IOException {
        try {
            Files.createFile(file, fileAttributes(file));
        } catch (FileAlreadyExistsException ignored) {
            // Kept as it is; restrict() tightens a file an earlier release created.
        }
    }

    /** What to pass to an open with CREATE so a new file gets mode 0600. */
    static FileAttribute<?>[] fileAttributes(Path file) {
        return isPosix(file)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                : new FileAttribute<?>[0];
    }

    /**
     * Takes every permission of other users from an existing file (earlier releases created them world-readable);
     * the owner's are kept. A symbolic link is left alone, so nothing outside the directory changes.
     *
     * @return whether the permissions changed
     */
    static boolean restrict(Path file) throws IOException {
        if (!isPosix(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        if (!permissions.removeAll(OTHERS)) {
            return false;
        }
        Files.setPosixFilePermissions(file, permissions);
        return true;
    }

    /** Whether users other than the owner may list or change the directory (its permissions, if POSIX). */
    static boolean isOpenToOthers(Path directory) throws IOException {
        if (!isPosix(directory)) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
        permissions.retainAll(OTHERS_ACCESS);
        return !permissions.isEmpty();
    }

    /** The permissions as {@code ls -l} shows them; only for a path {@link #isOpenToOthers} was true of. */
    static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
