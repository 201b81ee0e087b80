package dev.knot.adapter.embedded;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * The exclusive lock that makes one knot server the only user of an embedded store. The operating system releases
 * it when the process dies, however it dies, so a killed server never leaves a stale lock behind.
 */
final class DirectoryLock implements AutoCloseable {
    static final String FILE_NAME = "store.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws KnotException STORE_IN_USE when another server (or another store in this process) holds it */
    static DirectoryLock acquire(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PrivateFiles.fileAttributes(file));
        } catch (IOException e) {
            throw new KnotException(ErrorCode.STORE_UNAVAILABLE,
                    "the embedded store cannot open its lock file " + file + ": " + e, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new KnotException(ErrorCode.STORE_UNAVAILABLE,
                    "the embedded store cannot lock " + file + ": " + e, e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new KnotException(ErrorCode.STORE_IN_USE, "the embedded store at " + directory
                    + " is in use by another knot server (only one server may use an embedded store)");
        }
        return new DirectoryLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases the lock as well.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing was written through it; the lock goes with the process anyway.
        }
    }
}
