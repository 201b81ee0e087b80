package dev.knot.domain.space;

import dev.knot.domain.DomainFixture;
import dev.knot.domain.crypto.AgentRegistrationKeys;
import dev.knot.domain.render.TemplateRenderer;
import dev.knot.ports.in.SpaceCommand;
import dev.knot.ports.in.TemplateCommand;
import dev.knot.ports.in.TemplateVarCommand;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Role;
import dev.knot.ports.model.Shell;
import dev.knot.ports.model.Space;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import dev.knot.ports.out.JobScheduler;
import dev.knot.ports.out.SpaceRepository;
import dev.knot.testkit.fake.FakeJobScheduler;
import dev.knot.testkit.fake.FakeVolumeScheduler;
import dev.knot.testkit.fake.InMemoryAgentStateStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link SpaceService} over the testkit's fakes, with an admin, an ordinary user and a realistic template. */
final class SpaceFixture {
    static final String LOCATION = "core";
    static final String JOB = """
            job "dev-${{.space.name}}" {
              datacenters = ["dc1"]
              group "space" {
                task "agent" {
                  driver = "docker"
                  config {
                    image = "ghcr.io/example/agent:latest"
                  }
                  env {
                    KNOT_SPACEID = "${{.space.id}}"
                    KNOT_SERVER = "${{.server.agent_url}}"
                    KNOT_SERVICE_PASSWORD = "${{.user.service_password}}"
                    GREETING = "${{.var.greeting}}"
                  }
                }
              }
            }
            """;
    static final String VOLUMES = """
            volumes:
              - id: "${{.space.id}}-home"
                name: "${{.space.name}}-home"
                plugin_id: hostpath
                capacity_min: 2G
                capacity_max: 4G
                capabilities:
                  - access_mode: single-node-writer
                    attachment_mode: file-system
            """;

    static final String SERVER_KEY = "0123456789abcdef0123456789abcdef";

    final DomainFixture domain = new DomainFixture();
    final AgentRegistrationKeys agentKeys = new AgentRegistrationKeys(SERVER_KEY);
    final FakeJobScheduler jobs = new FakeJobScheduler();
    final FakeVolumeScheduler volumes = new FakeVolumeScheduler();
    final InMemoryAgentStateStore agents = new InMemoryAgentStateStore(domain.clock);
    final SpaceSettings settings =
            SpaceSettings.of("https://knot.example.com", "", "*.knot.example.com", LOCATION, "dc1", "global");
    final User admin = domain.admin();
    final User alice = domain.userWith(admin, "alice");
    final Template template;
    private int templates;
    SpaceService service = newService();

    SpaceFixture() {
        domain.templateVarService.createVariable(admin, new TemplateVarCommand("greeting", "", "hello", false));
        template = templateWith(JOB, VOLUMES);
    }

    /** A new service over the same stores and scheduler: what a restarted server, or a second one, has. */
    SpaceService newService() {
        return newService(domain.spaces, jobs);
    }

    /** A service that reaches the shared spaces and scheduler through {@code spaces} and {@code jobScheduler}. */
    SpaceService newService(SpaceRepository spaces, JobScheduler jobScheduler) {
        return new SpaceService(spaces, domain.templates, domain.users, agents, jobScheduler, volumes,
                domain.templateVarService, domain.cipher, agentKeys, new TemplateRenderer(), settings, domain.ids,
                domain.clock);
    }

    Template templateWith(String job, String volumeYaml) {
        return domain.templateService.createTemplate(admin,
                new TemplateCommand("template-" + ++templates, "", job, volumeYaml, Set.of()));
    }

    static SpaceCommand command(String name, Id<Template> templateId) {
        return new SpaceCommand(name, templateId, "", Shell.BASH, Optional.empty(), Map.of(), List.of());
    }

    Space create(User owner, String name) {
        return service.createSpace(owner, command(name, template.id()));
    }

    Space stored(Id<Space> spaceId) {
        return domain.spaces.findById(spaceId).orElseThrow();
    }

    User userWithQuota(String username, int maxSpaces, int maxDiskSpace) {
        User user = domain.userWith(admin, username, new Role[0]);
        User limited = new User(user.id(), user.username(), user.email(), user.passwordHash(), user.servicePassword(),
                user.sshPublicKey(), user.githubUsername(), user.roles(), user.groups(), user.active(), maxSpaces,
                maxDiskSpace, user.preferredShell(), user.timezone(), user.lastLoginAt(), user.createdAt(),
                user.updatedAt());
        domain.users.update(limited);
        return limited;
    }
}
