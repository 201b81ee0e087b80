package dev.knot.adapter.embedded;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.out.Clock;
import dev.knot.ports.runtime.ManagedService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: one directory holding a lock file, one Chronicle Map file per collection and, while no
 * server runs, a marker saying the last one shut down cleanly. Only one process may use it at a time.
 *
 * <p>A start without that marker means the previous server died (kill -9, crash, power loss): Chronicle's
 * recovery is then run on every file, since the dead process may have held Chronicle's segment locks or been half
 * way through changing one. Expired sessions and agent states are removed every minute and hidden before that.
 */
final class EmbeddedStore implements ManagedService {
    static final String CLEAN_SHUTDOWN_FILE = "clean-shutdown";

    /** Every file the store creates; knot's server.key may share the directory and is not among them. */
    private static final List<String> STORE_FILE_NAMES = Stream.concat(
            Stream.of(DirectoryLock.FILE_NAME, CLEAN_SHUTDOWN_FILE), StoreCollections.FILE_NAMES.stream()).toList();
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStore.class);
    private static final long PURGE_PERIOD_SECONDS = 60;

    static {
        // Chronicle reads these when its classes load, which is only after this class has loaded.
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
    }

    private final Path directory;
    private final Clock clock;
    private volatile StoreCollections collections;
    private DirectoryLock lock;
    private ScheduledExecutorService purger;

    EmbeddedStore(Path directory, Clock clock) {
        this.directory = requireNonNull(directory, "directory is null").toAbsolutePath();
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public String name() {
        return "embedded store";
    }

    @Override
    public synchronized void start() {
        if (collections != null) {
            return;
        }
        prepareDirectory();
        lock = DirectoryLock.acquire(directory);
        try {
            restrictPermissions();
            collections = StoreCollections.open(directory, startsAfterCrash());
        } catch (RuntimeException e) {
            lock.close();
            lock = null;
            throw e;
        }
        purger = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "knot-embedded-store-purge");
            thread.setDaemon(true);
            return thread;
        });
        purger.scheduleWithFixedDelay(this::purgeExpired, PURGE_PERIOD_SECONDS, PURGE_PERIOD_SECONDS, TimeUnit.SECONDS);
        LOG.info("embedded store (Chronicle Map) opened at {}", directory);
    }

    /** Whether the previous server died instead of closing the store; consumes the clean-shutdown marker. */
    private boolean startsAfterCrash() {
        Path marker = directory.resolve(CLEAN_SHUTDOWN_FILE);
        try {
            boolean clean = Files.exists(marker);
            boolean hasData = StoreCollections.FILE_NAMES.stream().anyMatch(name -> Files.exists(directory.resolve(name)));
            if (!clean && hasData) {
                LOG.warn("the embedded store at {} was not closed cleanly (the server was killed or crashed);"
                        + " running Chronicle Map recovery on its files", directory);
            }
            // Gone before any file is opened, so a kill during this start makes the next one recover too.
            Files.deleteIfExists(marker);
            return !clean;
        } catch (IOException e) {
            throw new KnotException(ErrorCode.STORE_UNAVAILABLE,
                    "the embedded store cannot update " + marker + ": " + e, e);
        }
    }

    private void prepareDirectory() {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new KnotException(ErrorCode.STORE_UNAVAILABLE,
                    "the embedded store path " + directory + " is not a directory");
        }
        try {
            PrivateFiles.createDirectories(directory);
        } catch (IOException e) {
            throw new KnotException(ErrorCode.STORE_UNAVAILABLE,
                    "the embedded store cannot create its directory " + directory + ": " + e, e);
        }
        if (!Files.isReadable(directory) || !Files.isWritable(directory) || !Files.isExecutable(directory)) {
            throw new KnotException(ErrorCode.STORE_UNAVAILABLE, "the embedded store directory " + directory
                    + " must be readable and writable by the user running knot");
        }
    }

    /**
     * Makes the store's own files private to the user running knot (releases before this one created them
     * readable by everyone) and warns when the directory lets other users in. The directory itself is the
     * operator's once it exists, so it is not changed, and other files in it (knot's server.key) are not ours.
     */
    private void restrictPermissions() {
        try {
            if (PrivateFiles.isOpenToOthers(directory)) {
                LOG.warn("the embedded store directory {} can be listed or changed by other users ({}); the store's"
                        + " files are readable by their owner only, but consider chmod 700 on it", directory,
                        PrivateFiles.permissions(directory));
            }
            int restricted = 0;
            for (String name : STORE_FILE_NAMES) {
                if (PrivateFiles.restrict(directory.resolve(name))) {
                    restricted++;
                }
            }
            if (restricted > 0) {
                LOG.info("the embedded store made {} of its files in {} readable by their owner only", restricted,
                        directory);
            }
        } catch (IOException e) {
            // The store works all the same; this is hardening, so it is reported rather than fatal.
            LOG.warn("the embedded store could not make its files in {} readable by their owner only: {}", directory,
                    e.toString());
        }
    }

    StoreCollections collections() {
        StoreCollections open = collections;
        if (open == null) {
            throw new KnotException(ErrorCode.STORE_UNAVAILABLE, "the embedded store at " + directory + " is not open");
        }
        return open;
    }

    /** Removes expired sessions and agent states; they are already hidden from readers. */
    void purgeExpired() {
        try {
            StoreCollections open = collections();
            open.sessions().removeAll(session -> session.isExpiredAt(clock.now()));
            open.agentStates().removeAll(state -> state.isExpiredAt(clock.now()));
        } catch (RuntimeException e) {
            LOG.warn("the embedded store could not remove expired sessions and agent states: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (purger != null) {
            purger.shutdownNow();
            awaitPurge(purger);
            purger = null;
        }
        StoreCollections open = collections;
        if (open != null) {
            collections = null;
            open.close();
            markCleanShutdown();
        }
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }

    private static void awaitPurge(ScheduledExecutorService stopped) {
        try {
            if (!stopped.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("the embedded store's purge of expired entries did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void markCleanShutdown() {
        try {
            PrivateFiles.createFileIfMissing(directory.resolve(CLEAN_SHUTDOWN_FILE));
        } catch (IOException e) {
            LOG.warn("the embedded store could not record its clean shutdown ({}); the next start will run"
                    + " recovery", e.getMessage());
        }
    }
}
