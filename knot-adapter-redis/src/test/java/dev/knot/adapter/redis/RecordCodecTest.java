package dev.knot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.User;
import dev.knot.testkit.fixture.UserFixtures;
import org.junit.jupiter.api.Test;

/** A damaged record is reported as INTERNAL, naming its key, never half-read or passed off as a user error. */
class RecordCodecTest {
    private final UserCodec codec = new UserCodec();

    @Test
    void textThatIsNotAJsonObjectIsUnreadable() {
        assertUnreadable("not json", "p:Users:1");
        assertUnreadable("[1, 2]", "p:Users:1");
    }

    @Test
    void aMissingOrMistypedFieldIsUnreadable() {
        User user = UserFixtures.aUser().build();
        String json = codec.toJson(user);

        assertUnreadable(json.replace("\"max_spaces\"", "\"maximum\""), "max_spaces");
        assertUnreadable(json.replace("\"active\":" + user.active(), "\"active\":\"yes\""), "active");
        assertUnreadable(json.replace("\"zsh\"", "\"tcsh\"").replace("\"bash\"", "\"tcsh\""), "shell");
    }

    @Test
    void aValueTheRecordRejectsIsUnreadableNotInvalid() {
        User user = UserFixtures.aUser().build();

        assertUnreadable(codec.toJson(user).replace(user.email(), "not-an-email"), "email");
    }

    private void assertUnreadable(String json, String mentioned) {
        assertThatThrownBy(() -> codec.fromJson(json, "p:Users:1"))
                .isInstanceOfSatisfying(KnotException.class,
                        error -> assertThat(error.code()).isEqualTo(ErrorCode.INTERNAL))
                .hasMessageContaining("p:Users:1")
                .hasMessageContaining(mentioned);
    }
}
