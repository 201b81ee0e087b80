package dev.knot.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class PrompterTest {
    private final StringWriter prompts = new StringWriter();

    @Test
    void withoutATerminalEachAnswerIsTheNextLineAndThePromptsGoToTheirWriter() {
        Prompter prompter = piped("alice@example.com\r\n pässwörd 🔑 \n");

        assertThat(prompter.ask("Email: ")).isEqualTo("alice@example.com");
        assertThat(prompter.askHidden("Password: ")).isEqualTo(" pässwörd 🔑 ");
        assertThat(prompts.toString()).isEqualTo("Email: " + System.lineSeparator() + "Password: "
                + System.lineSeparator());
    }

    @Test
    void theEndOfInputIsRefusedByName() {
        assertThatThrownBy(() -> piped("").askHidden("Enter token: "))
                .isInstanceOf(ClientException.class)
                .hasMessage("nothing was entered at \"Enter token:\"; nothing was changed");
    }

    private Prompter piped(String input) {
        return Prompter.forProcess(null, new ByteArrayInputStream(input.getBytes(UTF_8)), new PrintWriter(prompts));
    }
}
