package io.nodesim.controllermanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.nodesim.kernel.SimTime;
import org.junit.jupiter.api.Test;

/**
 * client-go's {@code flowcontrol.NewTokenBucketRateLimiter(qps, burst)}: a golang.org/x/time/rate
 * limiter created full, whose {@code Wait} reserves a token at once and sleeps until it is due
 * (rate_test.go's reservation cases: tokens may go negative, first come first served).
 */
class ApiClientTest {
    @Test
    void fullBucket_burstRequestsGoAtOnce_thenOneEvery1OverQps() {
        ApiClient c = new ApiClient(20, 30);
        for (int i = 0; i < 30; i++) {
            assertEquals(0, c.send(0, 1), "request " + i + " is within the burst");
        }
        assertEquals(SimTime.millis(50), c.send(0, 1));
        assertEquals(SimTime.millis(100), c.send(0, 1));
        // A request sent later waits behind the ones already reserved.
        assertEquals(SimTime.millis(150), c.send(SimTime.millis(10), 1));
    }

    @Test
    void fiftyThousandPodWrites_at20QpsBurst30_lastOneAfter2498Point5Seconds() {
        ApiClient c = new ApiClient(20, 30);
        long last = 0;
        for (int i = 0; i < 50_000; i++) {
            last = c.send(0, 1);
        }
        assertEquals(SimTime.seconds(2498) + SimTime.millis(500), last, 1);
    }

    @Test
    void idleBucketRefills_butNeverAboveTheBurst() {
        ApiClient c = new ApiClient(10, 2);
        c.send(0, 2);
        long later = SimTime.seconds(100);
        assertEquals(later, c.send(later, 2));
        assertEquals(later + SimTime.millis(100), c.send(later, 1));
    }

    @Test
    void aGetAndItsPatch_areTwoRequests() {
        ApiClient c = new ApiClient(20, 1);
        assertEquals(SimTime.millis(50), c.send(0, 2));
    }

    @Test
    void reset_isANewProcessWithAFullBucket() {
        ApiClient c = new ApiClient(20, 30);
        c.send(0, 100);
        c.reset();
        assertEquals(SimTime.seconds(1), c.send(SimTime.seconds(1), 30));
    }

    @Test
    void zeroQpsOrBurst_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ApiClient(0, 30));
        assertThrows(IllegalArgumentException.class, () -> new ApiClient(20, 0));
    }

    @Test
    void busyUntil_theLastReservedRequestIsSent_noneWhileTheBucketHadTokensToSpare() {
        ApiClient c = new ApiClient(20, 30);
        assertEquals(Long.MIN_VALUE, c.busyUntil());
        c.send(0, 30);
        assertEquals(Long.MIN_VALUE, c.busyUntil(), "the burst: nothing waits");
        long due = c.send(0, 10);
        assertEquals(SimTime.millis(500), due);
        assertEquals(due, c.busyUntil());
        c.send(SimTime.seconds(10), 1);
        assertEquals(Long.MIN_VALUE, c.busyUntil(), "refilled by then");
    }

    @Test
    void aRequestReservedBeforeTheLastOne_isRefused() {
        ApiClient c = new ApiClient(20, 30);
        c.send(SimTime.seconds(2), 1);
        assertThrows(IllegalArgumentException.class, () -> c.send(SimTime.seconds(1), 1));
    }
}
