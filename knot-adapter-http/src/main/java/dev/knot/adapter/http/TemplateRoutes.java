package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.TemplateUseCases;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Permission;
import dev.knot.ports.model.Template;
import dev.knot.ports.model.User;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.util.Deque;
import java.util.List;

/**
 * Templates: any user lists those their groups allow; reading one in full and changing them needs the
 * manage-templates permission, as in the original.
 */
final class TemplateRoutes implements RouteGroup {
    private static final String TEMPLATES = ApiPaths.V1 + "/templates";
    private static final String TEMPLATE = TEMPLATES + "/{template_id}";
    /** A job or volumes text may be 10 MB. */
    private static final long MAX_BODY_BYTES = LargeTextBody.limitFor(Template.MAXIMUM_TEXT_LENGTH);
    /**
     * What the original counts from spaces: how many use the template, and how many of those are deployed. No
     * driving port offers these counts yet, so they are 0.
     */
    private static final int UNCOUNTED = 0;

    private final TemplateUseCases templates;
    private final JsonCodec json;

    TemplateRoutes(TemplateUseCases templates, JsonCodec json) {
        this.templates = requireNonNull(templates, "templates is null");
        this.json = requireNonNull(json, "json is null");
    }

    /** One entry of GET /templates. */
    record TemplateSummary(
            String templateId, String name, String description, int usage, int deployed, List<String> groups) {
        static TemplateSummary of(Template template) {
            return new TemplateSummary(template.id().value(), template.name(), template.description(), UNCOUNTED,
                    UNCOUNTED, GroupIds.sorted(template.groups()));
        }
    }

    record TemplateList(int count, List<TemplateSummary> templates) {}

    /**
     * GET /templates/{template_id}: the job and volumes as stored, variables not resolved.
     *
     * @param volumeSizes the original's size range of each volume; empty until a port reads the volumes YAML
     */
    record TemplateReply(
            String name,
            String job,
            String description,
            String volumes,
            int usage,
            String hash,
            int deployed,
            List<String> groups,
            List<Object> volumeSizes) {
        static TemplateReply of(Template template) {
            return new TemplateReply(template.name(), template.job(), template.description(), template.volumes(),
                    UNCOUNTED, template.hash(), UNCOUNTED, GroupIds.sorted(template.groups()), List.of());
        }

        @Override
        public String toString() {
            // The job and volumes may be megabytes long.
            return "TemplateReply[name=" + name + ", hash=" + hash + "]";
        }
    }

    record TemplateCreated(boolean status, String templateId) {}

    @Override
    public void addTo(RouteTable.Builder routes) {
        AccessRule manageTemplates = AccessRule.permission(Permission.MANAGE_TEMPLATES);
        routes.get(TEMPLATES).access(AccessRule.AUTHENTICATED).onWorkerThread(this::list);
        routes.post(TEMPLATES).access(manageTemplates).maxBodyBytes(MAX_BODY_BYTES).onWorkerThread(this::create);
        routes.get(TEMPLATE).access(manageTemplates).onWorkerThread(this::get);
        routes.put(TEMPLATE).access(manageTemplates).maxBodyBytes(MAX_BODY_BYTES).onWorkerThread(this::update);
        routes.delete(TEMPLATE).access(manageTemplates).onWorkerThread(this::delete);
    }

    private void list(HttpServerExchange exchange) {
        User caller = caller(exchange);
        requireOwnList(exchange, caller);
        List<TemplateSummary> found = templates.listTemplates(caller).stream().map(TemplateSummary::of).toList();
        json.send(exchange, StatusCodes.OK, new TemplateList(found.size(), found));
    }

    private void create(HttpServerExchange exchange) throws Exception {
        TemplateRequest request = json.readBody(exchange, TemplateRequest.class);
        Template created = templates.createTemplate(caller(exchange), request.toCreateCommand());
        json.send(exchange, StatusCodes.CREATED, new TemplateCreated(true, created.id().value()));
    }

    private void get(HttpServerExchange exchange) {
        Template template = templates.getTemplate(caller(exchange), ApiPaths.id(exchange, "template_id"));
        json.send(exchange, StatusCodes.OK, TemplateReply.of(template));
    }

    private void update(HttpServerExchange exchange) throws Exception {
        User caller = caller(exchange);
        Id<Template> templateId = ApiPaths.id(exchange, "template_id");
        TemplateRequest request = json.readBody(exchange, TemplateRequest.class);
        Template current = templates.getTemplate(caller, templateId);
        templates.updateTemplate(caller, templateId, request.toUpdateCommand(current));
        json.send(exchange, StatusCodes.OK, StatusReply.OK);
    }

    private void delete(HttpServerExchange exchange) {
        templates.deleteTemplate(caller(exchange), ApiPaths.id(exchange, "template_id"));
        json.send(exchange, StatusCodes.OK, StatusReply.OK);
    }

    /**
     * The original lists the templates another user may use when a space manager names them in {@code user_id}.
     * The permission is checked as it did; listing for someone else is not offered by any port yet, so it is a 400
     * rather than the caller's own list under another name.
     */
    private static void requireOwnList(HttpServerExchange exchange, User caller) {
        Deque<String> userId = exchange.getQueryParameters().get("user_id");
        if (userId == null || userId.isEmpty() || userId.getFirst().isEmpty()) {
            return;
        }
        if (!caller.hasPermission(Permission.MANAGE_SPACES)) {
            throw new KnotException(ErrorCode.PERMISSION_DENIED, "No permission to manage spaces");
        }
        if (!userId.getFirst().equals(caller.id().value())) {
            throw KnotException.invalid("user_id: listing another user's templates is not supported yet");
        }
    }

    private static User caller(HttpServerExchange exchange) {
        return Caller.of(exchange).user();
    }
}
