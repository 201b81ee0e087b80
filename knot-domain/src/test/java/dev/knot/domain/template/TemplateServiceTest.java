package dev.knot.domain.template;

import static dev.knot.domain.TestErrors.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.domain.DomainFixture;
import dev.knot.ports.in.TemplateCommand;
import dev.knot.ports.in.TemplateVarCommand;
import dev.knot.ports.in.UpdateUserCommand;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Group;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import dev.knot.testkit.fixture.SpaceFixtures;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemplateServiceTest {
    private final DomainFixture domain = new DomainFixture();

    @Test
    void theManualTemplateIsCreatedOnceWithTheOriginalsIdentity() {
        domain.templateService.ensureManualTemplate();
        domain.templateService.ensureManualTemplate();

        Template manual = domain.templates.findById(Template.MANUAL_ID).orElseThrow();
        assertThat(domain.templates.findAll()).hasSize(1);
        assertThat(manual.name()).isEqualTo("Manual-Configuration");
        assertThat(manual.description()).isEqualTo("Access a manually installed agent.");
        assertThat(manual.job()).isEqualTo("manual");
    }

    @Test
    void theManualTemplateCannotBeChangedOrDeleted() {
        User admin = domain.admin();
        domain.templateService.ensureManualTemplate();

        assertCode(() -> domain.templateService.deleteTemplate(admin, Template.MANUAL_ID),
                ErrorCode.INVALID_ARGUMENT);
        assertCode(() -> domain.templateService.updateTemplate(admin, Template.MANUAL_ID, command("x", Set.of())),
                ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void templatesWithGroupsAreOfferedOnlyToMembersAndTemplateManagers() {
        User admin = domain.admin();
        Group team = domain.groupService.createGroup(admin, "team");
        Template open = domain.templateService.createTemplate(admin, command("open", Set.of()));
        Template restricted = domain.templateService.createTemplate(admin, command("restricted", Set.of(team.id())));
        User outsider = domain.userWith(admin, "outsider");
        User member = domain.userWith(admin, "member");
        domain.userService.updateUser(admin, member.id(), new UpdateUserCommand(member.email(), "", "", Set.of(),
                Set.of(team.id()), true, 0, 0, "", "", member.preferredShell(), member.timezone()));
        User memberNow = domain.users.findById(member.id()).orElseThrow();
        User templateManager = domain.userWith(admin, "templater", Role.TEMPLATE_MANAGER);

        assertThat(domain.templateService.listTemplates(outsider)).containsExactly(open);
        assertThat(domain.templateService.listTemplates(memberNow)).containsExactlyInAnyOrder(open, restricted);
        assertThat(domain.templateService.listTemplates(templateManager)).containsExactlyInAnyOrder(open, restricted);
    }

    @Test
    void onlyTemplateManagersCreateReadChangeOrDeleteTemplates() {
        User admin = domain.admin();
        User plain = domain.userWith(admin, "plain");
        Template template = domain.templateService.createTemplate(admin, command("t", Set.of()));

        assertCode(() -> domain.templateService.createTemplate(plain, command("mine", Set.of())),
                ErrorCode.PERMISSION_DENIED);
        assertCode(() -> domain.templateService.getTemplate(plain, template.id()), ErrorCode.PERMISSION_DENIED);
        assertCode(() -> domain.templateService.updateTemplate(plain, template.id(), command("x", Set.of())),
                ErrorCode.PERMISSION_DENIED);
        assertCode(() -> domain.templateService.deleteTemplate(plain, template.id()), ErrorCode.PERMISSION_DENIED);
    }

    @Test
    void aTemplateInUseIsNotDeleted() {
        User admin = domain.admin();
        Template template = domain.templateService.createTemplate(admin, command("t", Set.of()));
        domain.spaces.create(SpaceFixtures.aStoppedSpace().withOwner(admin.id()).withTemplate(template.id()).build());

        assertCode(() -> domain.templateService.deleteTemplate(admin, template.id()), ErrorCode.LOCKED);
        assertThat(domain.templates.findById(template.id())).isPresent();
    }

    @Test
    void updateKeepsTheIdAndChangesTheHash() {
        User admin = domain.admin();
        Template template = domain.templateService.createTemplate(admin, command("t", Set.of()));

        Template updated = domain.templateService.updateTemplate(admin, template.id(),
                new TemplateCommand("t", "", "job \"y\" {}", "", Set.of()));

        assertThat(updated.id()).isEqualTo(template.id());
        assertThat(updated.hash()).isNotEqualTo(template.hash()).hasSize(32);
        assertThat(domain.templateService.getTemplate(admin, template.id())).isEqualTo(updated);
    }

    @Test
    void unknownGroupsAndEmptyJobsAreRefused() {
        User admin = domain.admin();

        assertCode(() -> domain.templateService.createTemplate(admin,
                        command("t", Set.of(Id.<Group>of("01890000-0000-7000-8000-0000000000aa")))),
                ErrorCode.INVALID_ARGUMENT);
        assertCode(() -> domain.templateService.createTemplate(admin, new TemplateCommand("t", "", "", "", Set.of())),
                ErrorCode.INVALID_ARGUMENT);
        assertThat(domain.templates.findAll()).isEmpty();
    }

    @Test
    void aTemplateThatDoesNotCompileIsRefusedNamingTheLineAndNothingIsSaved() {
        User admin = domain.admin();
        String job = "job \"x\" {\n  meta {\n    owner = \"${{ .user.usernme }}\"\n  }\n}\n";

        assertThatThrownBy(() -> domain.templateService.createTemplate(admin,
                        new TemplateCommand("broken", "", job, "", Set.of())))
                .isInstanceOfSatisfying(KnotException.class, error -> {
                    assertThat(error.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
                    assertThat(error.getMessage()).contains("line 3").contains(".user.usernme");
                });
        assertCode(() -> domain.templateService.createTemplate(admin,
                new TemplateCommand("unclosed", "", "job \"${{ if .space.name }}\" {}", "", Set.of())),
                ErrorCode.INVALID_ARGUMENT);
        assertThat(domain.templates.findAll()).isEmpty();
    }

    @Test
    void variablesThatExistAnywhereAreKnownWhenATemplateIsSaved() {
        User admin = domain.admin();
        domain.templateVarService.createVariable(admin,
                new TemplateVarCommand("registry", "eu", "registry.example.com", false));

        Template saved = domain.templateService.createTemplate(admin, new TemplateCommand("uses-var", "",
                "job \"x\" {\n  meta {\n    image = \"${{ .var.registry }}/dev\"\n  }\n}\n", "", Set.of()));

        assertThat(domain.templates.findById(saved.id())).isPresent();
        assertCode(() -> domain.templateService.createTemplate(admin, new TemplateCommand("unknown-var", "",
                "job \"x\" {\n  meta {\n    image = \"${{ .var.nope }}\"\n  }\n}\n", "", Set.of())),
                ErrorCode.INVALID_ARGUMENT);
    }

    private static TemplateCommand command(String name, Set<Id<Group>> groups) {
        return new TemplateCommand(name, "a template", "job \"" + name + "\" {}", "", groups);
    }
}
