package dev.scorespec.runtime.batching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdaptiveBatchPolicyTest {

    private static final long MS = 1_000_000;
    private final AdaptiveBatchPolicy policy = new AdaptiveBatchPolicy(Duration.ofMillis(5));
    private final BatchTimeModel model = new BatchTimeModel();

    /** A batch whose oldest request came at 0 and whose last one came at {@code lastArrival}. */
    private static QueueState state(long now, long lastArrival, long gap, long deadline) {
        return new QueueState(now, 2, 2, 256, 0, deadline, lastArrival, lastArrival, gap);
    }

    @Test
    void runsAtOnceWhenNoRequestHasArrivedWhileOthersWaited() {
        assertEquals(MS, policy.runAt(state(MS, MS, 0, 1_000 * MS), model));
    }

    @Test
    void waitsForTheNextExpectedRequest() {
        // requests have been coming every 0.1 ms: the next is expected by 0.2 ms after the last
        assertEquals(MS + 200_000, policy.runAt(state(MS, MS, 100_000, 1_000 * MS), model));
    }

    @Test
    void runsWhenTheExpectedRequestIsOverdue() {
        assertEquals(2 * MS, policy.runAt(state(2 * MS, MS, 100_000, 1_000 * MS), model));
    }

    @Test
    void neverWaitsPastMaxDelay() {
        // the next request is expected at 4.5 + 1 ms, after the oldest's 5 ms
        assertEquals(4_500_000, policy.runAt(state(4_500_000, 4_500_000, 500_000, 1_000 * MS), model));
    }

    @Test
    void neverWaitsWhenABatchOfMaxRowsCouldThenMissADeadline() {
        model.record(1, MS + 10_000);
        model.record(11, MS + 110_000); // 1 ms + 10 us a row: 256 rows take 3.56 ms
        long deadline = 4 * MS;
        assertEquals(MS / 2, policy.runAt(state(MS / 2, MS / 2, 100_000, deadline), model));
        assertEquals(MS / 10 + 200_000, policy.runAt(state(MS / 10, MS / 10, 100_000, 100 * MS), model));
    }

    @Test
    void doesNotWaitLongerThanTheCallItSaves() {
        model.record(1, 60_000);
        model.record(11, 160_000); // a call costs 50 us whatever its rows
        assertEquals(MS, policy.runAt(state(MS, MS, 100_000, 1_000 * MS), model));
        assertEquals(MS + 40_000, policy.runAt(state(MS, MS, 20_000, 1_000 * MS), model));
    }

    @Test
    void forgetsArrivalsThatFoundOthersQueuedLongAgo() {
        // a lone request at 100 ms; requests last found others queued at 90 ms, more than 5 ms ago
        QueueState lone = new QueueState(100 * MS, 1, 1, 256, 100 * MS, 1_000 * MS, 100 * MS, 90 * MS, 100_000);
        assertEquals(100 * MS, policy.runAt(lone, model));
        // under load, the last burst was one batch ago: still counts
        QueueState burst = new QueueState(100 * MS, 1, 1, 256, 100 * MS, 1_000 * MS, 100 * MS, 97 * MS, 100_000);
        assertEquals(100 * MS + 200_000, policy.runAt(burst, model));
    }

    @Test
    void aZeroDelayNeverWaits() {
        AdaptiveBatchPolicy never = new AdaptiveBatchPolicy(Duration.ZERO);
        assertEquals(MS, never.runAt(state(MS, MS, 100_000, 1_000 * MS), model));
    }
}
