package dev.knot.domain.group;

import static dev.knot.domain.TestErrors.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.domain.DomainFixture;
import dev.knot.ports.in.TemplateCommand;
import dev.knot.ports.in.UpdateUserCommand;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Group;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupServiceTest {
    private final DomainFixture domain = new DomainFixture();

    @Test
    void anyoneListsGroupsButOnlyUserManagersChangeThem() {
        User admin = domain.admin();
        User plain = domain.userWith(admin, "plain");
        Group developers = domain.groupService.createGroup(admin, "developers");

        assertThat(domain.groupService.listGroups(plain)).containsExactly(developers);
        assertCode(() -> domain.groupService.createGroup(plain, "mine"), ErrorCode.PERMISSION_DENIED);
        assertCode(() -> domain.groupService.renameGroup(plain, developers.id(), "x"), ErrorCode.PERMISSION_DENIED);
        assertCode(() -> domain.groupService.deleteGroup(plain, developers.id()), ErrorCode.PERMISSION_DENIED);
    }

    @Test
    void renameKeepsTheIdAndRecordsWhoChangedIt() {
        User admin = domain.admin();
        User manager = domain.userWith(admin, "manager", Role.USER_MANAGER);
        Group group = domain.groupService.createGroup(admin, "old");

        Group renamed = domain.groupService.renameGroup(manager, group.id(), "new");

        assertThat(domain.groupService.getGroup(admin, group.id())).isEqualTo(renamed);
        assertThat(renamed.name()).isEqualTo("new");
        assertThat(renamed.audit().createdBy()).isEqualTo(admin.id());
        assertThat(renamed.audit().updatedBy()).isEqualTo(manager.id());
    }

    @Test
    void aGroupNameMustBeOneToSixtyFourCharacters() {
        User admin = domain.admin();

        assertCode(() -> domain.groupService.createGroup(admin, ""), ErrorCode.INVALID_ARGUMENT);
        assertCode(() -> domain.groupService.createGroup(admin, "x".repeat(65)), ErrorCode.INVALID_ARGUMENT);
        assertThat(domain.groups.findAll()).isEmpty();
    }

    @Test
    void deletingAGroupRemovesItFromUsersAndTemplates() {
        User admin = domain.admin();
        Group group = domain.groupService.createGroup(admin, "developers");
        User member = domain.userWith(admin, "member");
        domain.userService.updateUser(admin, member.id(), new UpdateUserCommand(member.email(), "", "", Set.of(),
                Set.of(group.id()), true, 0, 0, "", "", member.preferredShell(), member.timezone()));
        Template template = domain.templateService.createTemplate(admin,
                new TemplateCommand("restricted", "", "job \"x\" {}", "", Set.of(group.id())));

        domain.groupService.deleteGroup(admin, group.id());

        assertThat(domain.groups.findById(group.id())).isEmpty();
        assertThat(domain.users.findById(member.id()).orElseThrow().groups()).isEmpty();
        assertThat(domain.templates.findById(template.id()).orElseThrow().groups()).isEmpty();
    }
}
