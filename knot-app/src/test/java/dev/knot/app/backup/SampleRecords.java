package dev.knot.app.backup;

import static dev.knot.testkit.fixture.GroupFixtures.aGroup;
import static dev.knot.testkit.fixture.SpaceFixtures.aRunningSpace;
import static dev.knot.testkit.fixture.SpaceFixtures.aSpace;
import static dev.knot.testkit.fixture.TemplateFixtures.aTemplate;
import static dev.knot.testkit.fixture.TemplateFixtures.theManualTemplate;
import static dev.knot.testkit.fixture.TemplateVarFixtures.aTemplateVar;
import static dev.knot.testkit.fixture.TokenFixtures.aToken;
import static dev.knot.testkit.fixture.UserFixtures.aUser;
import static dev.knot.testkit.fixture.VolumeFixtures.aVolume;
import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.CsiVolumeRef;
import dev.knot.ports.model.Group;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Shell;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.SpaceState;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.TemplateVar;
import dev.knot.ports.model.TemplateVarValue;
import dev.knot.ports.model.Token;
import dev.knot.ports.model.User;
import dev.knot.ports.model.Volume;
import dev.knot.ports.out.SecretCipher;
import dev.knot.testkit.fixture.FixtureDefaults;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A small store's worth of records that uses every field: optional values set and unset, several roles and groups,
 * text beyond ASCII, secrets encrypted by a real cipher. Times are whole milliseconds, which every store keeps.
 */
public final class SampleRecords {
    private SampleRecords() {}

    public static DurableRecords create(SecretCipher cipher) {
        Group developers = aGroup().withName("Développeurs 🚀").build();
        Group operators = aGroup().withName("operators").build();

        Id<User> aliceId = FixtureDefaults.anId();
        User alice = aUser().withId(aliceId).withUsername("alice").withEmail("alice@example.com")
                .withServicePassword(cipher.encrypt("alice's service password", aliceId.value()))
                .withSshPublicKey("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG alice@laptop")
                .withGithubUsername("alice-gh")
                .withRoles(Role.ADMIN, Role.TEMPLATE_MANAGER)
                .withGroups(developers.id(), operators.id())
                .withMaxSpaces(5)
                .withMaxDiskSpace(100)
                .withPreferredShell(Shell.ZSH)
                .withTimezone("Europe/London")
                .withLastLoginAt(FixtureDefaults.NOW.plusSeconds(3600))
                .build();
        Id<User> bobId = FixtureDefaults.anId();
        User bob = aUser().withId(bobId).withUsername("bob").withEmail("Bob.Builder@example.com")
                .withServicePassword(cipher.encrypt("bob's service password", bobId.value()))
                .inactive()
                .build();

        Template manual = theManualTemplate().build();
        Template web = aTemplate().withName("web")
                .withDescription("Ünïcødé, \"quotes\", a tab\tand\na newline")
                .withJob("job \"${{ .space.name }}\" {\n  group \"g\" {}\n}\n")
                .withVolumes("volumes:\n  - name: home\n")
                .withGroups(developers.id())
                .build();

        TemplateVar plain = aTemplateVar().withName("region").withLocation("eu-west").build();
        Id<TemplateVar> secretId = FixtureDefaults.anId();
        TemplateVar secret = aTemplateVar().withId(secretId).withName("api_key")
                .withValue(new TemplateVarValue.Protected(cipher.encrypt("s3cr3t", secretId.value())))
                .build();

        Volume volume = aVolume().withName("shared").withDefinition("id: shared\nplugin_id: nfs\n")
                .withLocation("core").withActive(true).build();

        Space running = aRunningSpace().withOwner(aliceId).withTemplate(web.id()).withName("workbench")
                .withAltNames("wb", "bench")
                .withTemplateHash(web.hash())
                .withVolumeData(Map.of("home", new CsiVolumeRef("workbench-home", "default")))
                .withVolumeSizes(Map.of("home", 20L))
                .build();
        Space failed = aSpace().withOwner(bobId).withTemplate(manual.id()).withName("lab")
                .withAgentUrl("http://10.0.0.5:3000").withShell(Shell.FISH).withState(SpaceState.FAILED)
                .withStateMessage("Nomad: no nodes were eligible")
                .build();

        Token token = aToken().withUser(aliceId).withName("ci").withSuffix("abcd")
                .withSecretHash("f".repeat(64))
                .withExpiresAt(FixtureDefaults.NOW.plus(Duration.ofDays(30)))
                .build();

        return new DurableRecords(List.of(developers, operators), List.of(alice, bob), List.of(manual, web),
                List.of(plain, secret), List.of(volume), List.of(running, failed), List.of(token));
    }

    /** Every kind holds the same records in both, in any order. */
    public static void assertSameRecords(DurableRecords actual, DurableRecords expected) {
        for (RecordKind kind : RecordKind.values()) {
            assertThat(List.<Object>copyOf(actual.ofKind(kind))).as(kind.pluralDisplayName())
                    .containsExactlyInAnyOrderElementsOf(List.<Object>copyOf(expected.ofKind(kind)));
        }
    }

    /** The records of {@code store}, read straight from its repositories. */
    public static DurableRecords readFrom(DurableStore store) {
        return DurableRecords.readFrom(store);
    }
}
