package dev.knot.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.Id;
import dev.knot.ports.model.Template;
import dev.knot.ports.out.TemplateRepository;
import dev.knot.testkit.fixture.FixtureDefaults;
import dev.knot.testkit.fixture.TemplateFixtures;
import org.junit.jupiter.api.Test;

/** The contract of {@link TemplateRepository}. */
public abstract class TemplateRepositoryContract extends SimpleRepositoryContract<Template, TemplateRepository> {
    protected TemplateRepositoryContract() {
        super(TemplateRepository.class);
    }

    @Override
    protected final Template anEntity() {
        return TemplateFixtures.aTemplate().build();
    }

    @Override
    protected final Id<Template> idOf(Template template) {
        return template.id();
    }

    @Override
    protected final Template changed(Template template) {
        return TemplateFixtures.copyOf(template)
                .withName(template.name() + " v2")
                .withDescription(template.description() + " changed")
                .withJob(template.job() + "# changed\n")
                .withVolumes(template.volumes() + "volumes: []\n")
                .withGroups(FixtureDefaults.anId())
                .withAudit(FixtureDefaults.updatedLater(template.audit()))
                .build();
    }

    @Test
    public void everyFieldSurvivesTheRoundTripIncludingUnicodeAndGroups() {
        Template template = TemplateFixtures.aTemplate()
                .withName("Développement 開発 🚀")
                .withDescription("Ünïcödé description\nwith \"quotes\", tabs\tand emoji 🧶")
                .withJob("job \"dev\" {\n  meta { owner = \"Zoë\" }\n  image = \"${{ .space.name }}\"\n}\n")
                .withVolumes("volumes:\n  - id: \"data-${{ .space.id }}\"\n    name: dátá\n")
                .withGroups(FixtureDefaults.anId(), FixtureDefaults.anId())
                .build();

        repository().save(template);

        assertThat(repository().findById(template.id())).contains(template);
    }

    @Test
    public void emptyDescriptionVolumesAndGroupsSurviveTheRoundTrip() {
        Template template = TemplateFixtures.aTemplate()
                .withDescription("")
                .withVolumes("")
                .withGroups()
                .build();

        repository().save(template);

        assertThat(repository().findById(template.id())).contains(template);
    }

    @Test
    public void jobOfTheMaximumLengthSurvivesTheRoundTrip() {
        String head = "job \"big\" { # Zoë 🚀\n";
        String tail = "}\n";
        String job = head + "x".repeat(Template.MAXIMUM_TEXT_LENGTH - head.length() - tail.length()) + tail;
        Template template = TemplateFixtures.aTemplate().withJob(job).build();

        repository().save(template);

        Template found = repository().findById(template.id()).orElseThrow();
        assertThat(found.job()).hasSize(Template.MAXIMUM_TEXT_LENGTH);
        // Compare the record, not via AssertJ's description of a 10 MB string, to keep a failure readable.
        assertThat(found.equals(template)).as("10 MB template equals the saved one").isTrue();
    }

    @Test
    public void theManualTemplateSurvivesTheRoundTrip() {
        Template manual = TemplateFixtures.theManualTemplate().build();

        repository().save(manual);

        assertThat(repository().findById(Template.MANUAL_ID)).contains(manual);
    }
}
