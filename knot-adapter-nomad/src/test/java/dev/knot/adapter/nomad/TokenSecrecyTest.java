package dev.knot.adapter.nomad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.knot.ports.model.ParsedJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * With every adapter log at DEBUG, no log line and no failure message carries the token, nor a secret in the
 * environment a job is submitted with.
 */
class TokenSecrecyTest {
    private static final String TOKEN = "0d9c8b7a-never-print-me";
    private static final String AGENT_KEY = "knot_ar_never-print-this-key";
    private static final String JOB_WITH_A_TASK =
            "{\"ID\":\"x\",\"TaskGroups\":[{\"Name\":\"g\",\"Tasks\":[{\"Name\":\"t\"}]}]}";

    @Test
    void theTokenIsInNoLogLineAndNoMessage() {
        Logger adapterLogger = (Logger) LoggerFactory.getLogger("dev.knot.adapter.nomad");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        adapterLogger.addAppender(captured);
        Level previous = adapterLogger.getLevel();
        adapterLogger.setLevel(Level.DEBUG);
        List<Throwable> failures = new ArrayList<>();
        try (StubNomad nomad = new StubNomad()) {
            nomad.answer("POST /v1/jobs/parse", 403, "ACL token not found: " + TOKEN)
                    .answer("POST /v1/jobs", 500, "No cluster leader " + TOKEN)
                    .answer("GET /v1/job/space-1", 400, TOKEN)
                    .drop("DELETE /v1/job/space-1");
            NomadConfig config = NomadConfig.of(nomad.address(), TOKEN);
            NomadConnection connection = new NomadConnection(config);
            connection.start();
            try {
                NomadJobScheduler jobs = new NomadJobScheduler(new NomadCalls(connection), config);
                failures.add(catchThrowable(() -> jobs.parse("job \"x\" {}")));
                failures.add(catchThrowable(() -> jobs.submit(new ParsedJob("x", "dev", JOB_WITH_A_TASK), "space-1",
                        Map.of("KNOT_AGENT_KEY", AGENT_KEY))));
                failures.add(catchThrowable(() -> jobs.status("dev", "space-1")));
                failures.add(catchThrowable(() -> jobs.remove("dev", "space-1")));
            } finally {
                connection.close();
            }
            assertThat(nomad.requests()).allSatisfy(request ->
                    assertThat(request.header("X-Nomad-Token")).containsExactly(TOKEN));
        } finally {
            adapterLogger.detachAppender(captured);
            adapterLogger.setLevel(previous);
        }

        assertThat(failures).hasSize(4).doesNotContainNull()
                .allSatisfy(failure -> assertThat(failure.getMessage()).doesNotContain(TOKEN, AGENT_KEY));
        assertThat(captured.list).isNotEmpty()
                .allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(TOKEN, AGENT_KEY));
    }
}
