package dev.knot.adapter.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.knot.ports.in.TemplateVarUseCases;
import dev.knot.ports.in.TemplateVarView;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.Permission;
import dev.knot.ports.model.TemplateVar;
import dev.knot.ports.model.User;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.util.List;

/**
 * Template variables, all behind the manage-templates permission as in the original. A protected value is never
 * answered: the domain's views already carry "" for it, and nothing here logs a value.
 */
final class TemplateVarRoutes implements RouteGroup {
    private static final String VARIABLES = ApiPaths.V1 + "/templatevars";
    private static final String VARIABLE = VARIABLES + "/{templatevar_id}";
    /** A value may be 10 MB. */
    private static final long MAX_BODY_BYTES = LargeTextBody.limitFor(TemplateVar.MAXIMUM_VALUE_LENGTH);

    private final TemplateVarUseCases variables;
    private final JsonCodec json;

    TemplateVarRoutes(TemplateVarUseCases variables, JsonCodec json) {
        this.variables = requireNonNull(variables, "variables is null");
        this.json = requireNonNull(json, "json is null");
    }

    /** One entry of GET /templatevars: never a value. */
    record TemplateVarSummary(
            String templatevarId, String name, String location, @JsonProperty("protected") boolean protectedValue) {
        static TemplateVarSummary of(TemplateVarView variable) {
            return new TemplateVarSummary(
                    variable.id().value(), variable.name(), variable.location(), variable.protectedValue());
        }
    }

    record TemplateVarList(int count, List<TemplateVarSummary> variables) {}

    /** GET /templatevars/{templatevar_id}; {@code value} is "" for a protected variable. */
    record TemplateVarReply(
            String name, String location, String value, @JsonProperty("protected") boolean protectedValue) {
        static TemplateVarReply of(TemplateVarView variable) {
            return new TemplateVarReply(
                    variable.name(), variable.location(), variable.value(), variable.protectedValue());
        }

        @Override
        public String toString() {
            return "TemplateVarReply[name=" + name + ", location=" + location + ", protected=" + protectedValue + "]";
        }
    }

    record TemplateVarCreated(boolean status, String templatevarId) {}

    @Override
    public void addTo(RouteTable.Builder routes) {
        AccessRule manageTemplates = AccessRule.permission(Permission.MANAGE_TEMPLATES);
        routes.get(VARIABLES).access(manageTemplates).onWorkerThread(this::list);
        routes.post(VARIABLES).access(manageTemplates).maxBodyBytes(MAX_BODY_BYTES).onWorkerThread(this::create);
        routes.get(VARIABLE).access(manageTemplates).onWorkerThread(this::get);
        routes.put(VARIABLE).access(manageTemplates).maxBodyBytes(MAX_BODY_BYTES).onWorkerThread(this::update);
        routes.delete(VARIABLE).access(manageTemplates).onWorkerThread(this::delete);
    }

    private void list(HttpServerExchange exchange) {
        List<TemplateVarSummary> found =
                variables.listVariables(caller(exchange)).stream().map(TemplateVarSummary::of).toList();
        json.send(exchange, StatusCodes.OK, new TemplateVarList(found.size(), found));
    }

    private void create(HttpServerExchange exchange) throws Exception {
        TemplateVarRequest request = json.readBody(exchange, TemplateVarRequest.class);
        TemplateVarView created = variables.createVariable(caller(exchange), request.toCreateCommand());
        json.send(exchange, StatusCodes.CREATED, new TemplateVarCreated(true, created.id().value()));
    }

    private void get(HttpServerExchange exchange) {
        TemplateVarView variable = variables.getVariable(caller(exchange), ApiPaths.id(exchange, "templatevar_id"));
        json.send(exchange, StatusCodes.OK, TemplateVarReply.of(variable));
    }

    private void update(HttpServerExchange exchange) throws Exception {
        User caller = caller(exchange);
        Id<TemplateVar> variableId = ApiPaths.id(exchange, "templatevar_id");
        TemplateVarRequest request = json.readBody(exchange, TemplateVarRequest.class);
        TemplateVarView current = variables.getVariable(caller, variableId);
        variables.updateVariable(caller, variableId, request.toUpdateCommand(current));
        json.send(exchange, StatusCodes.OK, StatusReply.OK);
    }

    private void delete(HttpServerExchange exchange) {
        variables.deleteVariable(caller(exchange), ApiPaths.id(exchange, "templatevar_id"));
        json.send(exchange, StatusCodes.OK, StatusReply.OK);
    }

    private static User caller(HttpServerExchange exchange) {
        return Caller.of(exchange).user();
    }
}
