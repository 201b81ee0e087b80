package dev.knot.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.User;
import dev.knot.testkit.fixture.UserFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several knot servers on one Redis: each has its own Redisson client, so uniqueness cannot rest on anything in
 * one process. Twenty creates race across four clients.
 */
class RedisUniquenessAcrossClientsIT {
    private static final int CLIENTS = 4;
    private static final int CONTENDERS = 20;

    @RegisterExtension
    final RedisKeyspace redis = new RedisKeyspace();

    private final List<RedisConnection> connections = new ArrayList<>();

    @BeforeEach
    void connectClients() {
        for (int client = 0; client < CLIENTS; client++) {
            RedisConnection connection = new RedisConnection(redis.config());
            connection.start();
            connections.add(connection);
        }
    }

    @AfterEach
    void closeClients() {
        connections.forEach(RedisConnection::close);
    }

    @Test
    void onlyOneOfManyClientsCreatesTheSameUsername() throws Exception {
        List<User> candidates = IntStream.range(0, CONTENDERS)
                .mapToObj(index -> UserFixtures.aUser().withUsername(index % 2 == 0 ? "alice" : "Alice").build())
                .toList();

        List<Boolean> created = race(index -> {
            try {
                repositoryOf(index).create(candidates.get(index));
                return true;
            } catch (KnotException duplicate) {
                if (duplicate.code() != ErrorCode.ALREADY_EXISTS) {
                    throw duplicate;
                }
                return false;
            }
        });

        assertThat(created).containsOnlyOnce(true);
        assertThat(repositoryOf(0).findAll()).containsExactly(candidates.get(created.indexOf(true)));
    }

    @Test
    void onlyOneOfManyClientsCreatesTheFirstUser() throws Exception {
        List<User> candidates = IntStream.range(0, CONTENDERS).mapToObj(index -> UserFixtures.anAdmin().build())
                .toList();

        List<Boolean> created = race(index -> repositoryOf(index).createIfNoUsers(candidates.get(index)));

        assertThat(created).containsOnlyOnce(true);
        assertThat(repositoryOf(0).findAll()).containsExactly(candidates.get(created.indexOf(true)));
    }

    private RedisUserRepository repositoryOf(int contender) {
        return new RedisUserRepository(new RedisOperations(connections.get(contender % CLIENTS)), redis.keys());
    }

    private interface Contender {
        boolean run(int index);
    }

    private static List<Boolean> race(Contender contender) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CONTENDERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int index = 0; index < CONTENDERS; index++) {
                int number = index;
                Callable<Boolean> task = () -> {
                    start.await();
                    return contender.run(number);
                };
                results.add(threads.submit(task));
            }
            start.countDown();
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> result : results) {
                outcomes.add(result.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }
}
