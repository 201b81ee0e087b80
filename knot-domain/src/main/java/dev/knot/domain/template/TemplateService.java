package dev.knot.domain.template;

import static dev.knot.domain.access.AccessPolicy.may;
import static dev.knot.domain.access.AccessPolicy.requirePermission;
import static java.util.Objects.requireNonNull;

import dev.knot.domain.group.GroupReferences;
import dev.knot.domain.render.OutputFormat;
import dev.knot.domain.render.TemplateRenderer;
import dev.knot.ports.in.TemplateCommand;
import dev.knot.ports.in.TemplateUseCases;
import dev.knot.ports.model.Audit;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Permission;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.TemplateVar;
import dev.knot.ports.model.User;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.GroupRepository;
import dev.knot.ports.out.IdGenerator;
import dev.knot.ports.out.SpaceRepository;
import dev.knot.ports.out.TemplateRepository;
import dev.knot.ports.out.TemplateVarRepository;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Templates: used by the users their groups allow, changed by template managers. */
public final class TemplateService implements TemplateUseCases {
    static final String MANUAL_NAME = "Manual-Configuration";
    static final String MANUAL_DESCRIPTION = "Access a manually installed agent.";
    static final String MANUAL_JOB = "manual";

    private final TemplateRepository templates;
    private final TemplateVarRepository variables;
    private final TemplateRenderer renderer = new TemplateRenderer();
    private final GroupRepository groups;
    private final SpaceRepository spaces;
    private final IdGenerator ids;
    private final Clock clock;

    public TemplateService(
            TemplateRepository templates,
            TemplateVarRepository variables,
            GroupRepository groups,
            SpaceRepository spaces,
            IdGenerator ids,
            Clock clock) {
        this.templates = requireNonNull(templates, "templates is null");
        this.variables = requireNonNull(variables, "variables is null");
        this.groups = requireNonNull(groups, "groups is null");
        this.spaces = requireNonNull(spaces, "spaces is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void ensureManualTemplate() {
        if (templates.findById(Template.MANUAL_ID).isEmpty()) {
            templates.save(new Template(Template.MANUAL_ID, MANUAL_NAME, MANUAL_DESCRIPTION, MANUAL_JOB, "", Set.of(),
                    Audit.createdBy(Audit.SYSTEM, clock.now())));
        }
    }

    @Override
    public List<Template> listTemplates(User actor) {
        return templates.findAll().stream()
                .filter(template -> mayUse(actor, template))
                .toList();
    }

    @Override
    public Template getTemplate(User actor, Id<Template> templateId) {
        requirePermission(actor, Permission.MANAGE_TEMPLATES);
        return find(templateId);
    }

    @Override
    public Template createTemplate(User actor, TemplateCommand command) {
        requirePermission(actor, Permission.MANAGE_TEMPLATES);
        GroupReferences.requireExist(groups, command.groups());
        requireRenderable(command);
        Template template = new Template(ids.next(), command.name(), command.description(), command.job(),
                command.volumes(), command.groups(), Audit.createdBy(actor.id(), clock.now()));
        templates.save(template);
        return template;
    }

    @Override
    public Template updateTemplate(User actor, Id<Template> templateId, TemplateCommand command) {
        requirePermission(actor, Permission.MANAGE_TEMPLATES);
        Template current = find(templateId);
        if (current.isManual()) {
            throw KnotException.invalid("the Manual template cannot be changed");
        }
        GroupReferences.requireExist(groups, command.groups());
        requireRenderable(command);
        Template updated = new Template(current.id(), command.name(), command.description(), command.job(),
                command.volumes(), command.groups(), current.audit().updatedBy(actor.id(), clock.now()));
        templates.save(updated);
        return updated;
    }

    @Override
    public void deleteTemplate(User actor, Id<Template> templateId) {
        requirePermission(actor, Permission.MANAGE_TEMPLATES);
        Template current = find(templateId);
        if (current.isManual()) {
            throw KnotException.invalid("Manual template cannot be deleted");
        }
        if (!spaces.findByTemplate(templateId).isEmpty()) {
            throw new KnotException(ErrorCode.LOCKED, "Template is in use by spaces");
        }
        templates.delete(templateId);
    }

    /** A template without groups is for everyone; otherwise for members of one of its groups and template managers. */
    public static boolean mayUse(User actor, Template template) {
        return template.groups().isEmpty()
                || may(actor, Permission.MANAGE_TEMPLATES)
                || actor.sharesAnyGroup(template.groups());
    }

    /**
     * Compiles the job and the volumes now, so a syntax error or an unknown variable is reported when the template is
     * saved, naming the line, rather than when somebody starts a space. Any variable that exists, in any location, is
     * known: which one applies is decided at start by the server's location.
     */
    private void requireRenderable(TemplateCommand command) {
        Set<String> variableNames = variables.findAll().stream().map(TemplateVar::name).collect(Collectors.toSet());
        renderer.compile("job", command.job(), OutputFormat.HCL, variableNames);
        if (!command.volumes().isBlank()) {
            renderer.compile("volumes", command.volumes(), OutputFormat.YAML, variableNames);
        }
    }

    private Template find(Id<Template> templateId) {
        return templates.findById(templateId).orElseThrow(() -> KnotException.notFound("template not found"));
    }
}
