package dev.knot.adapter.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import dev.knot.testkit.fixture.SpaceFixtures;
import dev.knot.testkit.fixture.TemplateFixtures;
import dev.knot.testkit.fixture.UserFixtures;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoreTest {
    @TempDir
    Path directory;

    @Test
    void everythingWrittenIsThereAfterCloseAndReopen() {
        User user = UserFixtures.aUser().build();
        Space space = SpaceFixtures.aSpace().withOwner(user.id()).withName("dev").withAltNames("work").build();
        Template template = TemplateFixtures.aTemplate().build();
        try (EmbeddedStore store = TestStores.open(directory)) {
            new ChronicleUserRepository(store).create(user);
            new ChronicleSpaceRepository(store).create(space);
            new ChronicleTemplateRepository(store).save(template);
        }

        try (EmbeddedStore store = TestStores.open(directory)) {
            ChronicleUserRepository users = new ChronicleUserRepository(store);
            ChronicleSpaceRepository spaces = new ChronicleSpaceRepository(store);
            assertThat(users.findById(user.id())).contains(user);
            assertThat(users.findByEmail(user.email().toUpperCase())).contains(user);
            assertThat(users.findByUsername(user.username())).contains(user);
            assertThat(spaces.findByName(user.id(), "WORK")).contains(space);
            assertThat(spaces.findByTemplate(space.templateId())).containsExactly(space);
            assertThat(new ChronicleTemplateRepository(store).findAll()).containsExactly(template);
        }
    }

    @Test
    void aTenMegabyteJobSurvivesTheRoundTripAndAReopen() {
        Template large = TemplateFixtures.aTemplate().withJob(randomText(Template.MAXIMUM_TEXT_LENGTH)).build();
        try (EmbeddedStore store = TestStores.open(directory)) {
            ChronicleTemplateRepository templates = new ChronicleTemplateRepository(store);
            templates.save(large);
            assertThat(templates.findById(large.id())).contains(large);
            Template replaced = TemplateFixtures.copyOf(large).withJob(randomText(Template.MAXIMUM_TEXT_LENGTH)).build();
            templates.save(replaced);
            large = replaced;
        }

        try (EmbeddedStore store = TestStores.open(directory)) {
            assertThat(new ChronicleTemplateRepository(store).findById(large.id())).contains(large);
        }
    }

    @Test
    void aFileLeftHalfCreatedByADeadProcessIsRecoveredInsteadOfWaitedFor() throws IOException {
        User user = UserFixtures.aUser().build();
        try (EmbeddedStore store = TestStores.open(directory)) {
            new ChronicleUserRepository(store).create(user);
        }
        markNotComplete(directory.resolve("users.cmap"));

        // Chronicle would wait a minute in waitUntilReady and then fail, the test only half as long.
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (EmbeddedStore store = TestStores.open(directory)) {
                assertThat(new ChronicleUserRepository(store).findByEmail(user.email())).contains(user);
            }
        });
    }

    @Test
    void aStartAfterACrashRecoversEveryFileAndKeepsTheData() throws IOException {
        User user = UserFixtures.aUser().build();
        try (EmbeddedStore store = TestStores.open(directory)) {
            new ChronicleUserRepository(store).create(user);
        }
        Files.delete(directory.resolve(EmbeddedStore.CLEAN_SHUTDOWN_FILE));

        try (EmbeddedStore store = TestStores.open(directory)) {
            assertThat(new ChronicleUserRepository(store).findByUsername(user.username())).contains(user);
            assertThat(directory.resolve(EmbeddedStore.CLEAN_SHUTDOWN_FILE)).doesNotExist();
        }
        assertThat(directory.resolve(EmbeddedStore.CLEAN_SHUTDOWN_FILE)).exists();
    }

    @Test
    void theDirectoryIsCreatedWhenMissing() {
        Path nested = directory.resolve("a").resolve("b");

        try (EmbeddedStore store = TestStores.open(nested)) {
            assertThat(new ChronicleUserRepository(store).hasUsers()).isFalse();
        }
        assertThat(nested.resolve("users.cmap")).exists();
    }

    @Test
    void aPathThatIsAFileFailsClearly() throws IOException {
        Path file = Files.writeString(directory.resolve("not-a-directory"), "x");

        assertThatThrownBy(() -> TestStores.open(file))
                .isInstanceOfSatisfying(KnotException.class,
                        error -> assertThat(error.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE))
                .hasMessageContaining("is not a directory");
    }

    @Test
    void aDirectoryThatCannotBeCreatedFailsClearly() throws IOException {
        Path file = Files.writeString(directory.resolve("file"), "x");

        assertThatThrownBy(() -> TestStores.open(file.resolve("store")))
                .isInstanceOfSatisfying(KnotException.class,
                        error -> assertThat(error.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE))
                .hasMessageContaining("cannot create its directory");
    }

    @Test
    void aSecondStoreInTheSameProcessIsRefused() {
        try (EmbeddedStore first = TestStores.open(directory)) {
            EmbeddedStore second = new EmbeddedStore(directory, TestStores.SYSTEM_CLOCK);

            assertThatThrownBy(second::start)
                    .isInstanceOfSatisfying(KnotException.class,
                            error -> assertThat(error.code()).isEqualTo(ErrorCode.STORE_IN_USE));
            second.close();
            assertThat(new ChronicleUserRepository(first).hasUsers()).isFalse();
        }
    }

    @Test
    void repositoriesOfAClosedStoreReportItUnavailable() {
        EmbeddedStore store = TestStores.open(directory);
        store.close();

        assertThatThrownBy(() -> new ChronicleUserRepository(store).hasUsers())
                .isInstanceOfSatisfying(KnotException.class,
                        error -> assertThat(error.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE));
    }

    /** Sets the bit Chronicle clears when a file's creator has finished, as if the creator had died. */
    private static void markNotComplete(Path file) throws IOException {
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(11);
            int highByte = raw.read();
            raw.seek(11);
            raw.write(highByte | 0x80);
        }
    }

    private static String randomText(int length) {
        Random random = new Random(42);
        StringBuilder text = new StringBuilder(length);
        for (int index = 0; index < length; index++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
