package dev.knot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.EncryptedValue;
import dev.knot.ports.model.Id;
import dev.knot.ports.model.TemplateVar;
import dev.knot.ports.model.TemplateVarValue;
import dev.knot.ports.out.TemplateVarRepository;
import dev.knot.testkit.fixture.FixtureDefaults;
import dev.knot.testkit.fixture.TemplateVarFixtures;
import org.junit.jupiter.api.Test;

/** The contract of {@link TemplateVarRepository}: values are stored exactly as given, plain or protected. */
public abstract class TemplateVarRepositoryContract
        extends SimpleRepositoryContract<TemplateVar, TemplateVarRepository> {
    protected TemplateVarRepositoryContract() {
        super(TemplateVarRepository.class);
    }

    @Override
    protected final TemplateVar anEntity() {
        return TemplateVarFixtures.aTemplateVar().build();
    }

    @Override
    protected final Id<TemplateVar> idOf(TemplateVar variable) {
        return variable.id();
    }

    @Override
    protected final TemplateVar changed(TemplateVar variable) {
        return TemplateVarFixtures.copyOf(variable)
                .withName(variable.name() + "_v2")
                .withLocation(variable.location() + "elsewhere")
                .withProtectedValue(new EncryptedValue("changed-ciphertext"))
                .withAudit(FixtureDefaults.updatedLater(variable.audit()))
                .build();
    }

    @Test
    public void plainUnicodeValueAndLocationSurviveTheRoundTrip() {
        TemplateVar variable = TemplateVarFixtures.aTemplateVar()
                .withLocation("zürich")
                .withPlainValue("line one\nlíne twö 🚀\t\"quoted\"")
                .build();

        repository().save(variable);

        assertThat(repository().findById(variable.id())).contains(variable);
    }

    @Test
    public void emptyPlainValueStaysPlainAndEmpty() {
        TemplateVar variable = TemplateVarFixtures.aTemplateVar().withPlainValue("").build();

        repository().save(variable);

        TemplateVar found = repository().findById(variable.id()).orElseThrow();
        assertThat(found).isEqualTo(variable);
        assertThat(found.value()).isEqualTo(new TemplateVarValue.Plain(""));
    }

    @Test
    public void protectedValueIsStoredAsTheGivenCiphertext() {
        TemplateVar variable = TemplateVarFixtures.aTemplateVar()
                .withProtectedValue(new EncryptedValue("djE6AAECAwQFBgcICQoLDA0ODw=="))
                .build();

        repository().save(variable);

        TemplateVar found = repository().findById(variable.id()).orElseThrow();
        assertThat(found).isEqualTo(variable);
        assertThat(found.isProtected()).isTrue();
    }

    @Test
    public void plainAndProtectedValuesWithTheSameTextStayDistinct() {
        TemplateVar plain = TemplateVarFixtures.aTemplateVar().withPlainValue("same text").build();
        TemplateVar secret = TemplateVarFixtures.aTemplateVar()
                .withProtectedValue(new EncryptedValue("same text"))
                .build();

        repository().save(plain);
        repository().save(secret);

        assertThat(repository().findById(plain.id()).orElseThrow().isProtected()).isFalse();
        assertThat(repository().findById(secret.id()).orElseThrow().isProtected()).isTrue();
    }

    @Test
    public void savingAgainCanMakeAVariableProtectedAndPlainAgain() {
        TemplateVar plain = TemplateVarFixtures.aTemplateVar().withPlainValue("visible").build();
        TemplateVar protectedVersion = TemplateVarFixtures.copyOf(plain)
                .withProtectedValue(new EncryptedValue("hidden-ciphertext"))
                .build();
        repository().save(plain);

        repository().save(protectedVersion);
        assertThat(repository().findById(plain.id())).contains(protectedVersion);

        repository().save(plain);
        assertThat(repository().findById(plain.id())).contains(plain);
    }
}
