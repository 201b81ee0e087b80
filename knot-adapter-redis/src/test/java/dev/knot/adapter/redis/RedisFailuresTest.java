package dev.knot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisException;

class RedisFailuresTest {
    private static final String PASSWORD = "pa55-w0rd";
    private final RedisFailures failures = new RedisFailures(PASSWORD);

    @Test
    void theReasonIsTheFirstPlainMessageUnderRedissonsWrappers() {
        RedisConnectionException inner = new RedisConnectionException("Unable to connect to Redis server: redis:6379");
        RedisException outer = new RedisException(new ExecutionException(inner).toString(),
                new ExecutionException(inner));

        KnotException error = failures.unavailable(outer);

        assertThat(error.code()).isEqualTo(ErrorCode.STORE_UNAVAILABLE);
        assertThat(error).hasMessage("Redis is unavailable: Unable to connect to Redis server: redis:6379");
    }

    @Test
    void objectDumpsRedissonAppendsAreLeftOut() {
        RedisException failure = new RedisException("Unable to acquire connection! java.util.concurrent."
                + "CompletableFuture@5e9f23b4[Completed exceptionally: java.util.concurrent.CancellationException]"
                + "Increase connection pool size or timeout.");

        assertThat(failures.unavailable(failure)).hasMessage("Redis is unavailable: Unable to acquire connection!");
    }

    @Test
    void aTimeoutWithoutAMessageSaysSo() {
        RedisException failure = new RedisException("java.util.concurrent.TimeoutException", new TimeoutException());

        assertThat(failures.unavailable(failure)).hasMessage("Redis is unavailable: no answer in time");
    }

    @Test
    void thePasswordIsRedactedEvenWhereTheReasonIsCut() {
        String longMessage = "x".repeat(195) + "AUTH " + PASSWORD + " failed\nsecond line " + PASSWORD;

        KnotException error = failures.unavailable(new RedisException(longMessage));

        assertThat(error.getMessage()).doesNotContain(PASSWORD).doesNotContain("pa55").doesNotContain("second line");
    }
}
