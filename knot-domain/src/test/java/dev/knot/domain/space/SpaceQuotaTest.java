package dev.knot.domain.space;

import static dev.knot.domain.TestErrors.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.knot.ports.in.SpaceCommand;
import dev.knot.ports.model.ErrorCode;
import dev.knot.ports.model.KnotException;
import dev.knot.ports.model.Shell;
import dev.knot.ports.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/** Quotas hold for every caller, and under racing creates (security test 32; each store's contract races too). */
class SpaceQuotaTest {
    private static final int CONTENDERS = 20;

    private final SpaceFixture fixture = new SpaceFixture();

    @Test
    void maxSpacesCountsTheOwnersSpaces() {
        User limited = fixture.userWithQuota("limited", 2, 0);
        fixture.create(limited, "one");
        fixture.create(limited, "two");

        assertCode(() -> fixture.create(limited, "three"), ErrorCode.QUOTA_EXCEEDED);
        assertThat(fixture.domain.spaces.findByUser(limited.id())).hasSize(2);
    }

    @Test
    void maxDiskSpaceCountsTheVolumesOfTheOwnersSpacesWithTheChosenSizes() {
        User limited = fixture.userWithQuota("limited", 0, 7);
        fixture.create(limited, "two-gb");
        fixture.service.createSpace(limited, new SpaceCommand("four-gb", fixture.template.id(), "", Shell.BASH,
                Optional.empty(), Map.of("${{.space.id}}-home", 4L), List.of()));

        assertCode(() -> fixture.create(limited, "two-more"), ErrorCode.QUOTA_EXCEEDED);
        assertThat(fixture.service.listSpaces(limited, limited.id()))
                .extracting(summary -> summary.volumeSize()).containsExactlyInAnyOrder(2L, 4L);
    }

    @Test
    void theOwnersQuotaAppliesWhenAManagerCreatesForThem() {
        User limited = fixture.userWithQuota("limited", 1, 0);
        fixture.create(limited, "one");
        SpaceCommand forLimited = new SpaceCommand("two", fixture.template.id(), "", Shell.BASH,
                Optional.of(limited.id()), Map.of(), List.of());

        assertCode(() -> fixture.service.createSpace(fixture.admin, forLimited), ErrorCode.QUOTA_EXCEEDED);
    }

    @Test
    void twentyRacingCreatesAtTheLimitLeaveExactlyTheAllowedNumber() throws Exception {
        User limited = fixture.userWithQuota("limited", 3, 0);
        fixture.create(limited, "first");
        fixture.create(limited, "second");

        List<Boolean> created = race(number -> fixture.create(limited, "racer" + number));

        assertThat(created).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(fixture.domain.spaces.findByUser(limited.id())).hasSize(3);
    }

    private List<Boolean> race(IntConsumer create) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CONTENDERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int index = 0; index < CONTENDERS; index++) {
                int number = index;
                outcomes.add(threads.submit(() -> {
                    start.await();
                    try {
                        create.accept(number);
                        return true;
                    } catch (KnotException refused) {
                        assertThat(refused.code()).isEqualTo(ErrorCode.QUOTA_EXCEEDED);
                        return false;
                    }
                }));
            }
            start.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> outcome : outcomes) {
                results.add(outcome.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
