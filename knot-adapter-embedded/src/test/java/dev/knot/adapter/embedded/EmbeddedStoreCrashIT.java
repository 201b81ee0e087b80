package dev.knot.adapter.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.Token;
import dev.knot.ports.model.User;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills a writing server with SIGKILL at random moments (some during JVM start, store open or recovery) and checks
 * after restarts that every acknowledged write is there and found by every lookup, and that no start hangs.
 * Replay a failure with {@code -Dknot.crash.seed=<the seed in the log>}.
 */
class EmbeddedStoreCrashIT {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStoreCrashIT.class);
    private static final Duration BUDGET = Duration.ofSeconds(90);
    private static final int MAXIMUM_ROUNDS = 40;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private final Map<String, String> usernames = new HashMap<>();
    private final Map<String, String> ackedEmails = new HashMap<>();
    private final Map<String, String[]> spaces = new HashMap<>();
    private final Map<String, String[]> tokens = new HashMap<>();
    private final Set<String> deletedTokens = new HashSet<>();
    /** Changes a writer announced but was killed before acknowledging: either outcome is correct, once. */
    private final Map<String, String> pendingEmails = new HashMap<>();
    private final Set<String> pendingDeletes = new HashSet<>();
    private final Map<String, String> templateHashes = new HashMap<>();

    @Test
    void everyAcknowledgedWriteSurvivesKillNineAtAnyMoment() throws Exception {
        long seed = Long.getLong("knot.crash.seed", System.nanoTime());
        LOG.info("crash test seed {} (replay with -Dknot.crash.seed={})", seed, seed);
        Random random = new Random(seed);
        Path store = work.resolve("store");
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int rounds = 0;
        while (rounds < MAXIMUM_ROUNDS && (rounds < 5 || System.nanoTime() < deadline)) {
            runAndKillWriter(store, rounds, random);
            // Now and then two kills in a row, so that a writer also dies while recovering from the last one.
            if (random.nextInt(3) != 0) {
                verify(store, rounds);
            }
            rounds++;
        }
        verify(store, rounds);
        assertThat(usernames).as("acknowledged users over %d rounds", rounds).isNotEmpty();
        LOG.info("crash test: {} rounds, {} users, {} spaces, {} tokens ({} deleted), {} templates checked",
                rounds, usernames.size(), spaces.size(), tokens.size(), deletedTokens.size(), templateHashes.size());
    }

    private void runAndKillWriter(Path store, int round, Random random) throws IOException, InterruptedException {
        Path stdout = work.resolve("writer-" + round + ".out");
        Path stderr = work.resolve("writer-" + round + ".err");
        boolean early = random.nextInt(4) == 0;
        long killDelayMillis = early ? random.nextInt(1500) : random.nextInt(2000);
        Process writer = ChildJvm.start(CrashWriterMain.class, stdout, stderr, store.toString());
        try {
            if (!early) {
                long startDeadline = System.nanoTime() + START_TIMEOUT.toNanos();
                while (!Files.readString(stdout).contains("opened\n")) {
                    if (!writer.isAlive()) {
                        fail("writer %d exited with %d before opening the store: %s", round, writer.exitValue(),
                                Files.readString(stderr));
                    }
                    if (System.nanoTime() > startDeadline) {
                        fail("writer %d did not open the store within %s: the start hung", round, START_TIMEOUT);
                    }
                    Thread.sleep(10);
                }
            }
            Thread.sleep(killDelayMillis);
            if (!writer.isAlive()) {
                fail("writer %d exited with %d on its own: %s", round, writer.exitValue(), Files.readString(stderr));
            }
        } finally {
            writer.destroyForcibly();
            writer.waitFor();
        }
        record(stdout);
    }

    /** Takes in every complete line: each stands for a write whose call had returned. */
    private void record(Path stdout) throws IOException {
        String output = Files.readString(stdout, StandardCharsets.UTF_8);
        String complete = output.substring(0, output.lastIndexOf('\n') + 1);
        for (String line : complete.lines().toList()) {
            String[] fields = line.split(" ");
            switch (fields[0]) {
                case "opened" -> { }
                case "user" -> {
                    usernames.put(fields[1], fields[2]);
                    ackedEmails.put(fields[1], fields[3]);
                }
                case "changing-email" -> pendingEmails.put(fields[1], fields[2]);
                case "email" -> {
                    ackedEmails.put(fields[1], fields[2]);
                    pendingEmails.remove(fields[1]);
                }
                case "space" -> spaces.put(fields[1], new String[] {fields[2], fields[3]});
                case "token" -> tokens.put(fields[1], new String[] {fields[2], fields[3]});
                case "deleting-token" -> pendingDeletes.add(fields[1]);
                case "deleted-token" -> {
                    deletedTokens.add(fields[1]);
                    pendingDeletes.remove(fields[1]);
                }
                case "template" -> templateHashes.put(fields[1], fields[2]);
                default -> fail("unexpected writer output: %s", line);
            }
        }
    }

    private void verify(Path store, int round) throws Exception {
        ExecutorService opener = Executors.newSingleThreadExecutor();
        Future<EmbeddedStore> opening = opener.submit(() -> TestStores.open(store));
        EmbeddedStore open;
        try {
            open = opening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("opening the store after round " + round + " hung", e);
        } finally {
            opener.shutdown();
        }
        try (EmbeddedStore verified = open) {
            checkEverything(verified, round);
        }
    }

    /**
     * A change whose call was cut short by the kill may have happened or not; what it must not be is half done. The
     * store's answer decides which, and from then on it is held to that answer like any acknowledged write.
     */
    private void settleCutShortChanges(ChronicleUserRepository users, ChronicleTokenRepository tokenRepository,
            int round) {
        pendingEmails.forEach((id, newEmail) -> {
            String stored = users.findById(Id.of(id)).orElseThrow().email();
            assertThat(stored).as("email of %s after a cut-short change, round %d", id, round)
                    .isIn(ackedEmails.get(id), newEmail);
            ackedEmails.put(id, stored);
        });
        pendingEmails.clear();
        pendingDeletes.forEach(id -> {
            if (tokenRepository.findById(Id.of(id)).isEmpty()) {
                deletedTokens.add(id);
            }
        });
        pendingDeletes.clear();
    }

    private void checkEverything(EmbeddedStore store, int round) {
        ChronicleUserRepository users = new ChronicleUserRepository(store);
        ChronicleSpaceRepository spaceRepository = new ChronicleSpaceRepository(store);
        ChronicleTokenRepository tokenRepository = new ChronicleTokenRepository(store);
        ChronicleTemplateRepository templates = new ChronicleTemplateRepository(store);
        settleCutShortChanges(users, tokenRepository, round);
        usernames.forEach((id, username) -> {
            Optional<User> user = users.findById(Id.of(id));
            assertThat(user).as("user %s after round %d", id, round).isPresent();
            assertThat(user.get().email()).as("email of %s after round %d", id, round).isEqualTo(ackedEmails.get(id));
            assertThat(users.findByEmail(ackedEmails.get(id))).map(found -> found.id().value()).contains(id);
            assertThat(users.findByUsername(username)).map(found -> found.id().value()).contains(id);
        });
        spaces.forEach((id, ownerAndName) -> {
            Optional<Space> byName = spaceRepository.findByName(Id.of(ownerAndName[0]), ownerAndName[1]);
            assertThat(byName).as("space %s by name after round %d", id, round).map(found -> found.id().value())
                    .contains(id);
            assertThat(spaceRepository.findByUser(Id.of(ownerAndName[0]))).map(found -> found.id().value())
                    .contains(id);
        });
        tokens.forEach((id, ownerAndHash) -> {
            Optional<Token> byHash = tokenRepository.findBySecretHash(ownerAndHash[1]);
            if (deletedTokens.contains(id)) {
                assertThat(byHash).as("deleted token %s after round %d", id, round).isEmpty();
                assertThat(tokenRepository.findById(Id.of(id))).isEmpty();
            } else {
                assertThat(byHash).as("token %s by hash after round %d", id, round).map(found -> found.id().value())
                        .contains(id);
                assertThat(tokenRepository.findByUser(Id.of(ownerAndHash[0]))).map(found -> found.id().value())
                        .contains(id);
            }
        });
        templateHashes.forEach((id, hash) -> assertThat(templates.findById(Id.of(id)))
                .as("template %s after round %d", id, round).map(Template::hash).contains(hash));
    }
}
