package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import com.google.inject.Binder;
import dev.knot.ports.in.AgentUseCases;
import dev.knot.ports.in.AuthUseCases;
import dev.knot.ports.in.GroupUseCases;
import dev.knot.ports.in.SpaceUseCases;
import dev.knot.ports.in.TemplateUseCases;
import dev.knot.ports.in.TemplateVarUseCases;
import dev.knot.ports.in.UserUseCases;
import dev.knot.ports.in.VolumeUseCases;

/** The driving ports HttpServerModule needs bound from outside, bound as knot-app binds them. */
record UseCases(
        UserUseCases users,
        GroupUseCases groups,
        AuthUseCases auth,
        TemplateUseCases templates,
        TemplateVarUseCases variables,
        SpaceUseCases spaces,
        VolumeUseCases volumes,
        AgentUseCases agents) {
    UseCases {
        requireNonNull(users, "users is null");
        requireNonNull(groups, "groups is null");
        requireNonNull(auth, "auth is null");
        requireNonNull(templates, "templates is null");
        requireNonNull(variables, "variables is null");
        requireNonNull(spaces, "spaces is null");
        requireNonNull(volumes, "volumes is null");
        requireNonNull(agents, "agents is null");
    }

    static UseCases of(World world) {
        return new UseCases(world.userService, world.groupService, world.authService, world.templateService,
                world.templateVarService, world.spaceService, world.volumeService, world.agentService);
    }

    void bindIn(Binder binder) {
        binder.bind(UserUseCases.class).toInstance(users);
        binder.bind(GroupUseCases.class).toInstance(groups);
        binder.bind(AuthUseCases.class).toInstance(auth);
        binder.bind(TemplateUseCases.class).toInstance(templates);
        binder.bind(TemplateVarUseCases.class).toInstance(variables);
        binder.bind(SpaceUseCases.class).toInstance(spaces);
        binder.bind(VolumeUseCases.class).toInstance(volumes);
        binder.bind(AgentUseCases.class).toInstance(agents);
    }
}
