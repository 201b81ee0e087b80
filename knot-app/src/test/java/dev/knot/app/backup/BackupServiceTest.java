package dev.knot.app.backup;

import static dev.knot.testkit.fixture.GroupFixtures.aGroup;
import static dev.knot.testkit.fixture.TemplateFixtures.theManualTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Template;
import dev.knot.ports.out.SecretCipher;
import dev.knot.testkit.fake.FakeSecretCipher;
import dev.knot.testkit.fake.InMemoryGroupRepository;
import dev.knot.testkit.fake.InMemorySpaceRepository;
import dev.knot.testkit.fake.InMemoryTemplateRepository;
import dev.knot.testkit.fake.InMemoryTemplateVarRepository;
import dev.knot.testkit.fake.InMemoryTokenRepository;
import dev.knot.testkit.fake.InMemoryUserRepository;
import dev.knot.testkit.fake.InMemoryVolumeRepository;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackupServiceTest {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final byte[] KEY = new SecureRandom().generateSeed(32);

    private final BackupService service = new BackupService(() -> NOW, "1.2.3");

    @Test
    void aBackupHoldsEveryRecordAndSaysWhenAndByWhatItWasMade() {
        DurableStore source = storeWith(new FakeSecretCipher(KEY));
        DurableRecords records = SampleRecords.create(source.cipher());
        fill(source, records);

        Backup backup = service.take(source);

        SampleRecords.assertSameRecords(backup.records(), records);
        assertThat(backup.header().createdAt()).isEqualTo(NOW);
        assertThat(backup.header().knotVersion()).isEqualTo("1.2.3");
        assertThat(backup.header().counts()).isEqualTo(records.counts());
    }

    @Test
    void aRestoredStoreHoldsTheSameRecordsAndItsOwnManualTemplateIsReplaced() {
        DurableStore source = storeWith(new FakeSecretCipher(KEY));
        DurableRecords records = SampleRecords.create(source.cipher());
        fill(source, records);
        DurableStore target = storeWith(new FakeSecretCipher(KEY));
        Template targetsOwnManual = theManualTemplate().withDescription("made when the target opened").build();
        target.templates().save(targetsOwnManual);

        service.restore(service.take(source), target);

        SampleRecords.assertSameRecords(DurableRecords.readFrom(target), records);
    }

    @Test
    void aStoreThatIsNotEmptyIsRefusedAndKeepsWhatItHad() {
        DurableStore source = storeWith(new FakeSecretCipher(KEY));
        fill(source, SampleRecords.create(source.cipher()));
        DurableStore target = storeWith(new FakeSecretCipher(KEY));
        target.groups().save(aGroup().build());
        DurableRecords before = DurableRecords.readFrom(target);

        assertThatThrownBy(() -> service.restore(service.take(source), target))
                .isInstanceOf(KnotException.class)
                .hasMessage("the store is not empty (groups: 1, users: 0, templates: 0, template variables: 0,"
                        + " volumes: 0, spaces: 0, API tokens: 0): a backup is restored only into an empty store;"
                        + " nothing was written");
        SampleRecords.assertSameRecords(DurableRecords.readFrom(target), before);
    }

    @Test
    void aStoreUnderAnotherKeyIsRefusedBeforeAnythingIsWritten() {
        DurableStore source = storeWith(new FakeSecretCipher(KEY));
        fill(source, SampleRecords.create(source.cipher()));
        DurableStore target = storeWith(new FakeSecretCipher());

        assertThatThrownBy(() -> service.restore(service.take(source), target))
                .isInstanceOf(KnotException.class)
                .hasMessageStartingWith("the backup was made under another server.encrypt key than this"
                        + " configuration's")
                .hasMessageEndingWith("nothing was written")
                .extracting(failure -> ((KnotException) failure).code())
                .isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThat(DurableRecords.readFrom(target).total()).isZero();
    }

    private static DurableStore storeWith(SecretCipher cipher) {
        return new DurableStore(new InMemoryUserRepository(), new InMemoryGroupRepository(),
                new InMemoryTemplateRepository(), new InMemoryTemplateVarRepository(), new InMemorySpaceRepository(),
                new InMemoryVolumeRepository(), new InMemoryTokenRepository(), cipher);
    }

    private static void fill(DurableStore store, DurableRecords records) {
        records.groups().forEach(store.groups()::save);
        records.users().forEach(store.users()::create);
        records.templates().forEach(store.templates()::save);
        records.templateVars().forEach(store.templateVars()::save);
        records.volumes().forEach(store.volumes()::save);
        records.spaces().forEach(store.spaces()::create);
        records.tokens().forEach(store.tokens()::save);
    }
}
