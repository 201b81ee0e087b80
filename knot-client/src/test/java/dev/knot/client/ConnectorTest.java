package dev.knot.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConnectorTest {
    private final TestKnotServer server = TestKnotServer.start();
    private final StringWriter out = new StringWriter();
    private final List<URI> opened = new ArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void withAPasswordItLogsInCreatesANamedTokenWithTheSessionAndEndsTheSession() {
        Connection connection = connector(TestKnotServer.EMAIL + "\n" + TestKnotServer.PASSWORD + "\n")
                .withPassword(Optional.empty(), "knot client laptop");

        assertThat(connection.token()).isEqualTo(TestKnotServer.TOKEN);
        assertThat(connection.user().username()).isEqualTo("alice");
        assertThat(server.tokenNames).containsExactly("knot client laptop");
        assertThat(server.requestsTo("/api/v1/auth")).singleElement()
                .satisfies(login -> assertThat(login.body()).contains("\"email\":\"" + TestKnotServer.EMAIL + "\""));
        assertThat(server.requestsTo("/api/v1/tokens")).singleElement().satisfies(create ->
                assertThat(create.authorization()).contains("Bearer " + TestKnotServer.SESSION));
        assertThat(server.sessionOpen()).isFalse();
        assertThat(out.toString()).isEqualTo("Email: \nPassword: \n".replace("\n", System.lineSeparator()))
                .doesNotContain(TestKnotServer.TOKEN, TestKnotServer.PASSWORD);
    }

    @Test
    void anEmailGivenOnTheCommandLineIsNotAskedFor() {
        connector(TestKnotServer.PASSWORD + "\n").withPassword(Optional.of(TestKnotServer.EMAIL), "n");

        assertThat(out.toString()).doesNotContain("Email:");
        assertThat(server.tokenNames).containsExactly("n");
    }

    @Test
    void aWrongPasswordCreatesNothing() {
        assertThatThrownBy(() -> connector(TestKnotServer.EMAIL + "\nwrong password\n")
                        .withPassword(Optional.empty(), "n"))
                .isInstanceOf(ClientException.class)
                .hasMessage("the server refused the email or password (401)");
        assertThat(server.tokenNames).isEmpty();
    }

    @Test
    void theWebPageWayShowsThePageForTheNamedTokenAndChecksThePastedToken() {
        Connection connection = connector("  " + TestKnotServer.TOKEN + "  \n")
                .withWebPage("knot client my laptop", opened::add);

        URI page = URI.create(server.address() + "/api-tokens/create/knot%20client%20my%20laptop");
        assertThat(opened).containsExactly(page);
        assertThat(out.toString()).contains("  " + page, "Enter token: ").doesNotContain(TestKnotServer.TOKEN);
        assertThat(connection.token()).isEqualTo(TestKnotServer.TOKEN);
        assertThat(server.requestsTo("/api/v1/users/whoami")).singleElement().satisfies(whoami ->
                assertThat(whoami.authorization()).contains("Bearer " + TestKnotServer.TOKEN));
        assertThat(server.tokenNames).isEmpty();
    }

    @Test
    void aPastedTokenTheServerRefusesIsNotKept() {
        assertThatThrownBy(() -> connector("not-a-token\n").withWebPage("n", opened::add))
                .isInstanceOf(ClientException.class)
                .hasMessage("the server refused this token (401): check that it was pasted whole; nothing was saved");
        assertThatThrownBy(() -> connector("\n").withWebPage("n", opened::add))
                .hasMessage("no token was entered; nothing was saved");
    }

    private Connector connector(String typed) {
        PrintWriter writer = new PrintWriter(out, true);
        Prompter prompter = Prompter.forProcess(null, new ByteArrayInputStream(typed.getBytes(UTF_8)), writer);
        return new Connector(server.knotServer(), prompter, writer);
    }
}
