package dev.knot.domain.template;

import static dev.knot.domain.access.AccessPolicy.requirePermission;
import static java.util.Objects.requireNonNull;

import dev.knot.ports.in.TemplateVarCommand;
import dev.knot.ports.in.TemplateVarUseCases;
import dev.knot.ports.in.TemplateVarView;
import dev.knot.ports.model.Audit;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Permission;
import dev.knot.ports.model.TemplateVar;
import dev.knot.ports.model.TemplateVarValue;
import dev.knot.ports.model.User;
import dev.knot.ports.out.Clock;
import dev.knot.ports.out.IdGenerator;
import dev.knot.ports.out.SecretCipher;
import dev.knot.ports.out.TemplateVarRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Template variables. Protected values are encrypted under the server key with the variable's id as associated
 * data, are never shown back, and a value that cannot be decrypted fails only the read that needed it.
 */
public final class TemplateVarService implements TemplateVarUseCases {
    private final TemplateVarRepository variables;
    private final SecretCipher cipher;
    private final IdGenerator ids;
    private final Clock clock;

    public TemplateVarService(TemplateVarRepository variables, SecretCipher cipher, IdGenerator ids, Clock clock) {
        this.variables = requireNonNull(variables, "variables is null");
        this.cipher = requireNonNull(cipher, "cipher is null");
        this.ids = requireNonNull(ids, "ids is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public List<TemplateVarView> listVariables(User actor) {
        requirePermission(actor, Permission.MANAGE_TEMPLATES);
        return variables.findAll().stream().map(TemplateVarService::view).toList();
    }

    @Override
    public TemplateVarView getVariable(User actor, Id<TemplateVar> variableId) {
        requirePermission(actor, Permission.MANAGE_TEMPLATES);
        return view(find(variableId));
    }

    @Override
    public TemplateVarView createVariable(User actor, TemplateVarCommand command) {
        requirePermission(actor, Permission.MANAGE_TEMPLATES);
        Id<TemplateVar> id = ids.next();
        TemplateVar variable = new TemplateVar(id, command.name(), command.location(), seal(id, command),
                Audit.createdBy(actor.id(), clock.now()));
        variables.save(variable);
        return view(variable);
    }

    @Override
    public TemplateVarView updateVariable(User actor, Id<TemplateVar> variableId, TemplateVarCommand command) {
        requirePermission(actor, Permission.MANAGE_TEMPLATES);
        TemplateVar current = find(variableId);
        // A protected value is never shown, so a form sent back unchanged carries "": that keeps the secret.
        TemplateVarValue value = command.protectedValue() && current.isProtected() && command.value().isEmpty()
                ? current.value()
                : seal(variableId, command);
        TemplateVar updated = new TemplateVar(variableId, command.name(), command.location(), value,
                current.audit().updatedBy(actor.id(), clock.now()));
        variables.save(updated);
        return view(updated);
    }

    @Override
    public void deleteVariable(User actor, Id<TemplateVar> variableId) {
        requirePermission(actor, Permission.MANAGE_TEMPLATES);
        if (!variables.delete(variableId)) {
            throw KnotException.notFound("template variable not found");
        }
    }

    @Override
    public Map<String, String> resolveValues(String location) {
        requireNonNull(location, "location is null");
        Map<String, String> values = new HashMap<>();
        // Variables for every location first, so that one bound to this location overwrites it.
        variables.findAll().stream()
                .filter(variable -> variable.location().isEmpty())
                .forEach(variable -> values.put(variable.name(), plainText(variable)));
        variables.findAll().stream()
                .filter(variable -> !variable.location().isEmpty() && variable.location().equals(location))
                .forEach(variable -> values.put(variable.name(), plainText(variable)));
        return values;
    }

    private TemplateVarValue seal(Id<TemplateVar> id, TemplateVarCommand command) {
        if (command.protectedValue()) {
            return new TemplateVarValue.Protected(cipher.encrypt(command.value(), id.value()));
        }
        return new TemplateVarValue.Plain(command.value());
    }

    private String plainText(TemplateVar variable) {
        if (variable.value() instanceof TemplateVarValue.Protected protectedValue) {
            try {
                return cipher.decrypt(protectedValue.secret(), variable.id().value());
            } catch (KnotException unreadable) {
                throw new KnotException(ErrorCode.SECRET_UNREADABLE,
                        "template variable " + variable.name() + ": " + unreadable.getMessage(), unreadable);
            }
        }
        return ((TemplateVarValue.Plain) variable.value()).text();
    }

    private static TemplateVarView view(TemplateVar variable) {
        String shown = variable.value() instanceof TemplateVarValue.Plain plain ? plain.text() : "";
        return new TemplateVarView(variable.id(), variable.name(), variable.location(), shown, variable.isProtected());
    }

    private TemplateVar find(Id<TemplateVar> variableId) {
        return variables.findById(variableId).orElseThrow(() -> KnotException.notFound("template variable not found"));
    }
}
