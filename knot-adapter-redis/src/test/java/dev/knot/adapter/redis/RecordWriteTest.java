package dev.knot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The layout record-write.lua reads; the ITs check the script itself against Redis. */
class RecordWriteTest {
    private static final String ID = "0193a5c8-7a1e-7000-8000-000000000001";
    private static final String SHA1_OF_OLD = "c00dbbc9dadfbe1e232e93a729dd4752fade0abf";

    @Test
    void keysComeInTheScriptsOrderWithTheirCountsInTheArguments() {
        RecordWrite write = RecordWrite.insert("p:Users:" + ID, ID, "{}")
                .claim(List.of("p:UsersByEmail:a@example.com", "p:UsersByUsername:alice"))
                .addTo(List.of("p:UserIds"))
                .requireEmpty("p:UserIds");

        assertThat(write.keys()).containsExactly("p:Users:" + ID, "p:UsersByEmail:a@example.com",
                "p:UsersByUsername:alice", "p:UserIds", "p:UserIds");
        assertThat(write.arguments()).containsExactly("-", "{}", "0", ID, "2", "0", "1", "0", "1");
    }

    @Test
    void keysBothReleasedAndClaimedAreKeptAndSetsBothLeftAndJoinedStay() {
        RecordWrite write = RecordWrite.replace("p:Spaces:" + ID, ID, Optional.of("old"), "new")
                .claim(List.of("p:Name:dev"))
                .release(List.of("p:Name:dev", "p:Name:old"))
                .addTo(List.of("p:ByUser:u"))
                .removeFrom(List.of("p:ByUser:u", "p:ByTemplate:t"))
                .expireAfter(Duration.ofSeconds(90));

        assertThat(write.keys()).containsExactly("p:Spaces:" + ID, "p:Name:dev", "p:Name:old", "p:ByUser:u",
                "p:ByTemplate:t");
        // The SHA-1 of "old", which the script compares with redis.sha1hex of the stored value.
        assertThat(write.arguments()).containsExactly(SHA1_OF_OLD, "new", "90000", ID, "1", "1", "1", "1", "0");
    }

    @Test
    void theScriptsAnswersAreRead() {
        RecordWrite write = RecordWrite.insert("k", ID, "{}").claim(List.of("first", "second"));

        assertThat(write.outcome(0)).isEqualTo(new RecordWrite.Outcome(RecordWrite.Result.WRITTEN, false, null));
        assertThat(write.outcome(1)).isEqualTo(new RecordWrite.Outcome(RecordWrite.Result.WRITTEN, true, null));
        assertThat(write.outcome(-1).result()).isEqualTo(RecordWrite.Result.ID_TAKEN);
        assertThat(write.outcome(-2).result()).isEqualTo(RecordWrite.Result.CHANGED_MEANWHILE);
        assertThat(write.outcome(-3).result()).isEqualTo(RecordWrite.Result.SET_NOT_EMPTY);
        assertThat(write.outcome(-101)).isEqualTo(new RecordWrite.Outcome(RecordWrite.Result.CLAIM_TAKEN, false,
                "second"));
        assertThatThrownBy(() -> write.outcome(-102)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEmptyValueOrTimeToLiveIsRefused() {
        assertThatThrownBy(() -> RecordWrite.overwrite("k", ID, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordWrite.overwrite("k", ID, "{}").expireAfter(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deletesSendAnEmptyValueAndAnyOrTheReadValuesHash() {
        assertThat(RecordWrite.removeAny("k", ID).arguments()).startsWith("*", "");
        assertThat(RecordWrite.remove("k", ID, "old").arguments()).startsWith(SHA1_OF_OLD, "");
        assertThat(RecordWrite.replace("k", ID, Optional.empty(), "new").arguments()).startsWith("-", "new");
    }
}
