package dev.knot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Volume;
import dev.knot.ports.out.VolumeRepository;
import dev.knot.testkit.fixture.FixtureDefaults;
import dev.knot.testkit.fixture.VolumeFixtures;
import org.junit.jupiter.api.Test;

/** The contract of {@link VolumeRepository}. */
public abstract class VolumeRepositoryContract extends SimpleRepositoryContract<Volume, VolumeRepository> {
    protected VolumeRepositoryContract() {
        super(VolumeRepository.class);
    }

    @Override
    protected final Volume anEntity() {
        return VolumeFixtures.aVolume().build();
    }

    @Override
    protected final Id<Volume> idOf(Volume volume) {
        return volume.id();
    }

    @Override
    protected final Volume changed(Volume volume) {
        return VolumeFixtures.copyOf(volume)
                .withName(volume.name() + " v2")
                .withDefinition(volume.definition() + "# changed\n")
                .withLocation(volume.location() + "elsewhere")
                .withActive(!volume.active())
                .withAudit(FixtureDefaults.updatedLater(volume.audit()))
                .build();
    }

    @Test
    public void runningVolumeWithUnicodeDefinitionSurvivesTheRoundTrip() {
        Volume volume = VolumeFixtures.aVolume()
                .withName("dátá 🚀")
                .withDefinition("volumes:\n  - id: data\n    name: \"Zoë's data\"\n")
                .runningAt("core")
                .build();

        repository().save(volume);

        assertThat(repository().findById(volume.id())).contains(volume);
    }

    @Test
    public void stoppedVolumeWithEmptyDefinitionAndLocationSurvivesTheRoundTrip() {
        Volume volume = VolumeFixtures.aVolume().withDefinition("").withLocation("").withActive(false).build();

        repository().save(volume);

        assertThat(repository().findById(volume.id())).contains(volume);
    }
}
