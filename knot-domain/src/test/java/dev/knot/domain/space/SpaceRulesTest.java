package dev.knot.domain.space;

import static dev.knot.domain.TestErrors.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.in.SpaceCommand;
import dev.knot.ports.in.TemplateCommand;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Group;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Shell;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import dev.knot.testkit.fixture.FixtureDefaults;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpaceRulesTest {
    private final SpaceFixture fixture = new SpaceFixture();

    @Test
    void altNamesLoseBlanksRepeatsAndThePrimaryName() {
        Space space = fixture.service.createSpace(fixture.alice, new SpaceCommand("dev", fixture.template.id(), "",
                Shell.ZSH, Optional.empty(), Map.of(), List.of(" ", "Dev", "second", "SECOND", " third ")));

        assertThat(space.altNames()).containsExactly("second", "third");
        assertThat(space.shell()).isEqualTo(Shell.ZSH);
    }

    @Test
    void namesAreUniqueAmongTheOwnersSpacesOnly() {
        fixture.create(fixture.alice, "dev");
        User bob = fixture.domain.userWith(fixture.admin, "bob");

        assertCode(() -> fixture.create(fixture.alice, "DEV"), ErrorCode.ALREADY_EXISTS);
        assertThat(fixture.create(bob, "dev").userId()).isEqualTo(bob.id());
    }

    @Test
    void badNamesAreInvalid() {
        assertCode(() -> fixture.create(fixture.alice, "x\"y"), ErrorCode.INVALID_ARGUMENT);
        assertCode(() -> fixture.create(fixture.alice, "a--b"), ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void theTemplateMustExistAndBeOfferedToTheOwnersGroups() {
        Group team = fixture.domain.groupService.createGroup(fixture.admin, "team");
        Template restricted = fixture.domain.templateService.createTemplate(fixture.admin,
                new TemplateCommand("restricted", "", SpaceFixture.JOB, "", Set.of(team.id())));

        assertCode(() -> fixture.service.createSpace(fixture.alice, SpaceFixture.command("dev", restricted.id())),
                ErrorCode.INVALID_ARGUMENT);
        assertCode(() -> fixture.service.createSpace(fixture.alice,
                SpaceFixture.command("dev", FixtureDefaults.anId())),
                ErrorCode.INVALID_ARGUMENT);

        // The owner's groups count, not the creator's: an admin cannot hand a user a template not offered to them.
        SpaceCommand forAlice = new SpaceCommand("dev", restricted.id(), "", Shell.BASH,
                Optional.of(fixture.alice.id()), Map.of(), List.of());
        assertCode(() -> fixture.service.createSpace(fixture.admin, forAlice), ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void creatingForSomeoneElseNeedsManageSpaces() {
        User bob = fixture.domain.userWith(fixture.admin, "bob");
        User manager = fixture.domain.userWith(fixture.admin, "carol", Role.SPACE_MANAGER);
        SpaceCommand forAlice = new SpaceCommand("dev", fixture.template.id(), "", Shell.BASH,
                Optional.of(fixture.alice.id()), Map.of(), List.of());

        assertCode(() -> fixture.service.createSpace(bob, forAlice), ErrorCode.PERMISSION_DENIED);
        assertThat(fixture.service.createSpace(manager, forAlice).userId()).isEqualTo(fixture.alice.id());
    }

    @Test
    void theManualTemplateNeedsAnAgentUrlAndOtherTemplatesKeepNone() {
        fixture.domain.templateService.ensureManualTemplate();
        SpaceCommand noUrl = SpaceFixture.command("manual", Template.MANUAL_ID);
        assertCode(() -> fixture.service.createSpace(fixture.alice, noUrl), ErrorCode.INVALID_ARGUMENT);

        Space manual = fixture.service.createSpace(fixture.alice, new SpaceCommand("manual", Template.MANUAL_ID,
                "https://agent.example.com:3000", Shell.BASH, Optional.empty(), Map.of(), List.of()));
        assertThat(manual.agentUrl()).isEqualTo("https://agent.example.com:3000");
        assertCode(() -> fixture.service.startSpace(fixture.alice, manual.id()), ErrorCode.INVALID_ARGUMENT);
        assertThat(fixture.service.serviceState(fixture.alice, manual.id()).manual()).isTrue();

        Space other = fixture.service.createSpace(fixture.alice, new SpaceCommand("dev", fixture.template.id(),
                "https://agent.example.com:3000", Shell.BASH, Optional.empty(), Map.of(), List.of()));
        assertThat(other.agentUrl()).isEmpty();
    }

    @Test
    void updateChangesTheEditableFieldsButNotTheSizes() {
        Space space = fixture.create(fixture.alice, "dev");

        Space updated = fixture.service.updateSpace(fixture.alice, space.id(), new SpaceCommand("renamed",
                fixture.template.id(), "", Shell.FISH, Optional.empty(), Map.of("x", 9L), List.of("other")));

        assertThat(updated.name()).isEqualTo("renamed");
        assertThat(updated.altNames()).containsExactly("other");
        assertThat(updated.shell()).isEqualTo(Shell.FISH);
        assertThat(updated.volumeSizes()).isEmpty();
        assertThat(fixture.stored(space.id())).isEqualTo(updated);
    }

    @Test
    void listsShowTemplateOwnerAndVolumeSize() {
        fixture.create(fixture.alice, "dev");

        assertThat(fixture.service.listSpaces(fixture.alice, fixture.alice.id())).singleElement().satisfies(summary -> {
            assertThat(summary.templateName()).isEqualTo(fixture.template.name());
            assertThat(summary.ownerName()).isEqualTo("alice");
            assertThat(summary.volumeSize()).isEqualTo(2);
        });
        assertThat(fixture.service.listAllSpaces(fixture.admin)).hasSize(1);
        assertCode(() -> fixture.service.listAllSpaces(fixture.alice), ErrorCode.PERMISSION_DENIED);
    }
}
