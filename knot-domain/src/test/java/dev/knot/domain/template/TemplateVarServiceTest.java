package dev.knot.domain.template;

import static dev.knot.domain.TestErrors.assertCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.domain.DomainFixture;
import dev.knot.domain.crypto.AesGcmSecretCipher;
import dev.knot.ports.in.TemplateVarCommand;
import dev.knot.ports.in.TemplateVarView;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.TemplateVar;
import dev.knot.ports.model.TemplateVarValue;
import dev.knot.ports.model.User;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateVarServiceTest {
    private static final String KEY = "0123456789abcdefghijABCDEFGHIJ01";

    private final DomainFixture domain = new DomainFixture(new AesGcmSecretCipher(KEY));
    private final User admin = domain.admin();

    @Test
    void aProtectedValueIsStoredEncryptedAndNeverShown() {
        TemplateVarView created = domain.templateVarService.createVariable(admin,
                new TemplateVarCommand("db_password", "", "hunter2-canary", true));

        TemplateVar stored = domain.variables.findById(created.id()).orElseThrow();
        assertThat(stored.value()).isInstanceOf(TemplateVarValue.Protected.class);
        assertThat(stored.toString()).doesNotContain("hunter2-canary");
        assertThat(created.value()).isEmpty();
        assertThat(domain.templateVarService.getVariable(admin, created.id()).value()).isEmpty();
        assertThat(domain.templateVarService.listVariables(admin)).extracting(TemplateVarView::value)
                .containsExactly("");
        assertThat(domain.templateVarService.resolveValues("")).containsEntry("db_password", "hunter2-canary");
    }

    @Test
    void aLocationSpecificValueWinsOverTheGlobalOne() {
        domain.templateVarService.createVariable(admin, new TemplateVarCommand("region", "", "global", false));
        domain.templateVarService.createVariable(admin, new TemplateVarCommand("region", "eu", "europe", false));
        domain.templateVarService.createVariable(admin, new TemplateVarCommand("only_us", "us", "x", false));

        Map<String, String> europe = domain.templateVarService.resolveValues("eu");

        assertThat(europe).containsEntry("region", "europe").doesNotContainKey("only_us");
        assertThat(domain.templateVarService.resolveValues("elsewhere")).containsExactly(Map.entry("region", "global"));
    }

    @Test
    void swappedCiphertextsFailToDecryptAndNameTheVariable() {
        TemplateVarView first = domain.templateVarService.createVariable(admin,
                new TemplateVarCommand("first", "", "one", true));
        TemplateVarView second = domain.templateVarService.createVariable(admin,
                new TemplateVarCommand("second", "", "two", true));
        TemplateVar storedFirst = domain.variables.findById(first.id()).orElseThrow();
        TemplateVar storedSecond = domain.variables.findById(second.id()).orElseThrow();
        // An attacker with write access to the store moves one secret onto another record.
        domain.variables.save(new TemplateVar(storedSecond.id(), storedSecond.name(), storedSecond.location(),
                storedFirst.value(), storedSecond.audit()));

        assertThatThrownBy(() -> domain.templateVarService.resolveValues(""))
                .isInstanceOfSatisfying(KnotException.class, error -> {
                    assertThat(error.code()).isEqualTo(ErrorCode.SECRET_UNREADABLE);
                    assertThat(error.getMessage()).contains("second").doesNotContain("one");
                });
        // Only the read that needed the secret failed: the variables are still listed and editable.
        assertThat(domain.templateVarService.listVariables(admin)).hasSize(2);
    }

    @Test
    void sendingBackAnEmptyProtectedValueKeepsTheSecret() {
        TemplateVarView created = domain.templateVarService.createVariable(admin,
                new TemplateVarCommand("token", "", "secret-value", true));

        domain.templateVarService.updateVariable(admin, created.id(),
                new TemplateVarCommand("token", "eu", "", true));

        assertThat(domain.templateVarService.resolveValues("eu")).containsEntry("token", "secret-value");
    }

    @Test
    void unprotectingAVariableStoresTheNewValuePlain() {
        TemplateVarView created = domain.templateVarService.createVariable(admin,
                new TemplateVarCommand("token", "", "secret-value", true));

        TemplateVarView updated = domain.templateVarService.updateVariable(admin, created.id(),
                new TemplateVarCommand("token", "", "now-public", false));

        assertThat(updated.value()).isEqualTo("now-public");
        assertThat(domain.variables.findById(created.id()).orElseThrow().isProtected()).isFalse();
    }

    @Test
    void onlyTemplateManagersSeeOrChangeVariables() {
        User plain = domain.userWith(admin, "plain");
        TemplateVarView created = domain.templateVarService.createVariable(admin,
                new TemplateVarCommand("name", "", "value", false));

        assertCode(() -> domain.templateVarService.listVariables(plain), ErrorCode.PERMISSION_DENIED);
        assertCode(() -> domain.templateVarService.getVariable(plain, created.id()), ErrorCode.PERMISSION_DENIED);
        assertCode(() -> domain.templateVarService.deleteVariable(plain, created.id()), ErrorCode.PERMISSION_DENIED);
    }

    @Test
    void namesFollowTheOriginalsRule() {
        for (String bad : new String[] {"1abc", "a", "has space", "dash-ed"}) {
            assertCode(() -> domain.templateVarService.createVariable(admin, new TemplateVarCommand(bad, "", "v", false)),
                    ErrorCode.INVALID_ARGUMENT);
        }
        assertThat(domain.variables.findAll()).isEmpty();
    }
}
