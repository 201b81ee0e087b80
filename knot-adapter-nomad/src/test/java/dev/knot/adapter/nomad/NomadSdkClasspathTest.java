package dev.knot.adapter.nomad;

import static org.assertj.core.api.Assertions.assertThat;

import com.hashicorp.nomad.apimodel.AllocationListStub;
import com.hashicorp.nomad.apimodel.Job;
import com.hashicorp.nomad.javasdk.NomadJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Guards the classpath the SDK needs: its NomadJson fails in class init on jackson-databind 2.20+
 * ({@code NoSuchFieldError: UPPER_CAMEL_CASE}, nomad-api.md §1.6), so a Jackson bump breaks this test, not
 * production.
 */
class NomadSdkClasspathTest {
    @Test
    void theSdksJsonMapperInitialisesAndReadsNomadsShapes() throws Exception {
        Class.forName("com.hashicorp.nomad.javasdk.NomadJson", true, getClass().getClassLoader());

        Job job = NomadJson.deserialize(Fixtures.read("job.json"), Job.class);
        List<AllocationListStub> allocations =
                NomadJson.deserializeList(Fixtures.read("allocations-running.json"), AllocationListStub.class);

        assertThat(job.getId()).isEqualTo("space-1");
        assertThat(job.getUnmappedProperties()).as("fields newer than the SDK are kept").containsKey("NodePool");
        assertThat(allocations.get(0).getTaskStates().get("ide").getStartedAt())
                .as("RFC 3339 with nanoseconds and an offset").isNotNull();
    }
}
