package dev.knot.adapter.embedded;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.Token;
import dev.knot.ports.model.User;
import dev.knot.testkit.fixture.SpaceFixtures;
import dev.knot.testkit.fixture.TemplateFixtures;
import dev.knot.testkit.fixture.TokenFixtures;
import dev.knot.testkit.fixture.UserFixtures;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * Runs in a child JVM that {@link EmbeddedStoreCrashIT} kills at random: writes users, spaces, tokens and now and
 * then a large template in a loop, and prints one line per write only after the call returned (acknowledged).
 */
public final class CrashWriterMain {
    private static final int LARGE_JOB_LENGTH = 300 * 1024;

    private CrashWriterMain() {}

    public static void main(String[] arguments) throws InterruptedException {
        PrintStream out = System.out;
        EmbeddedStore store = new EmbeddedStore(Path.of(arguments[0]), Instant::now);
        store.start();
        out.println("opened");
        ChronicleUserRepository users = new ChronicleUserRepository(store);
        ChronicleSpaceRepository spaces = new ChronicleSpaceRepository(store);
        ChronicleTokenRepository tokens = new ChronicleTokenRepository(store);
        ChronicleTemplateRepository templates = new ChronicleTemplateRepository(store);
        for (long round = 0; ; round++) {
            String unique = UUID.randomUUID().toString().replace("-", "");
            User user = UserFixtures.aUser()
                    .withId(newId())
                    .withUsername("u" + unique)
                    .withEmail("u" + unique + "@example.com")
                    .build();
            users.create(user);
            out.println("user " + user.id() + " " + user.username() + " " + user.email());

            Space space = SpaceFixtures.aSpace().withId(newId()).withOwner(user.id()).withName("s" + unique).build();
            spaces.create(space);
            out.println("space " + space.id() + " " + user.id() + " " + space.name());

            Token token = TokenFixtures.aToken().withId(newId()).withUser(user.id()).withSecretHash("h" + unique).build();
            tokens.save(token);
            out.println("token " + token.id() + " " + user.id() + " " + token.secretHash());

            if (round % 3 == 0) {
                String email = "changed" + unique + "@example.com";
                // Announced first: if the kill lands inside the update, either email is a correct outcome.
                out.println("changing-email " + user.id() + " " + email);
                users.update(UserFixtures.copyOf(user).withEmail(email).build());
                out.println("email " + user.id() + " " + email);
            }
            if (round % 4 == 0) {
                out.println("deleting-token " + token.id());
                tokens.delete(token.id());
                out.println("deleted-token " + token.id());
            }
            if (round % 25 == 0) {
                Template template = TemplateFixtures.aTemplate()
                        .withId(newId())
                        .withJob(unique.repeat(LARGE_JOB_LENGTH / unique.length()))
                        .build();
                templates.save(template);
                out.println("template " + template.id() + " " + template.hash());
            }
            // Keeps the files to a size the verifier reads quickly while leaving many writes to be cut short.
            Thread.sleep(1);
        }
    }

    private static <T> Id<T> newId() {
        return Id.of(UUID.randomUUID().toString());
    }
}
