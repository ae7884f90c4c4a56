package io.nodesim.controllermanager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.cluster.ControlPlane;
import io.nodesim.cluster.InformerBus;
import io.nodesim.kernel.SimTime;
import io.nodesim.kernel.Simulation;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * client-go's record broadcaster as {@link EventSink} models it: one sender, one token per POST
 * from the controller's own limiter, 1000 events waiting at most, 12 tries with a uniform [0, 10 s)
 * first retry delay and 10 s after (tools/record/event.go {@code recordToSink}). The retries follow
 * client-go's {@code TestWriteEventError} (tools/record/event_test.go): "retry2", a transport error
 * every time, makes 12 attempts and gives up; "succeedEventually" is sent once the error stops.
 */
class EventSinkTest {
    private final Simulation sim = new Simulation();
    private final ControlPlane controlPlane = new ControlPlane(new InformerBus());

    private EventSink sink(ApiClient client, RandomGenerator rng) {
        return new EventSink(sim, "test", client, controlPlane, rng);
    }

    /** How many POSTs had gone out once the clock reached {@code t}. */
    private long postedBy(EventSink sink, long t) {
        sim.runUntil(t);
        return sink.posted();
    }

    @Test
    void oneSender_takesOneTokenPerEvent_inRecordingOrder() {
        // burst 2 at 20 qps: two POSTs at once, then one every 50 ms
        EventSink sink = sink(new ApiClient(20, 2), new Well19937c(1));
        for (int i = 0; i < 5; i++) {
            sink.record(0);
        }
        assertEquals(2, postedBy(sink, 0));
        assertEquals(2, postedBy(sink, SimTime.millis(49)));
        assertEquals(3, postedBy(sink, SimTime.millis(50)));
        assertEquals(4, postedBy(sink, SimTime.millis(100)));
        assertEquals(5, postedBy(sink, SimTime.millis(150)));
        assertEquals(0, sink.dropped());
    }

    @Test
    void theSenderHoldsOneReservationAtATime_soTheControllersOwnRequestGoesNextToIt() {
        // burst 1 at 10 qps: a token every 100 ms
        ApiClient client = new ApiClient(10, 1);
        EventSink sink = sink(client, new Well19937c(1));
        sink.record(0);
        sink.record(0);
        sink.record(0);
        // the controller's write, reserved after the first event's token and before the second's
        assertEquals(SimTime.millis(100), client.send(0, 1));
        assertEquals(1, postedBy(sink, 0));
        assertEquals(1, postedBy(sink, SimTime.millis(199)));
        assertEquals(2, postedBy(sink, SimTime.millis(200)));
        assertEquals(3, postedBy(sink, SimTime.millis(300)));
    }

    @Test
    void aThousandWait_theNextIsDropped() {
        EventSink sink = sink(new ApiClient(1000, 1), new Well19937c(1));
        for (int i = 0; i < EventSink.QUEUE + 2; i++) {
            sink.record(0);
        }
        assertEquals(1, sink.dropped(), "one in flight, 1000 waiting, the 1002nd dropped");
        sim.runUntil(SimTime.NEVER);
        assertEquals(EventSink.QUEUE + 1, sink.posted());
        assertEquals(EventSink.QUEUE + 2, sink.recorded());
    }

    @Test
    void aShortOutage_thePostIsAnsweredWhenTheApiServerIsBack() {
        EventSink sink = sink(new ApiClient(20, 30), new Well19937c(1));
        controlPlane.startOutage(0);
        controlPlane.endOutage(SimTime.seconds(30));
        sink.record(0);
        assertEquals(0, postedBy(sink, SimTime.seconds(30) - 1));
        assertEquals(1, postedBy(sink, SimTime.seconds(30)));
    }

    /** TestWriteEventError "succeedEventually": the tries that fail, then the one the API server answers. */
    @Test
    void aLongOutage_failsAfterTheRequestTimeout_andRetriesAfterARandomDelayThen10s() {
        long seed = 7;
        double first = new Well19937c(seed).nextDouble() * 10;
        long d = (long) (first * SimTime.SECOND);
        EventSink sink = sink(new ApiClient(20, 30), new Well19937c(seed));
        controlPlane.startOutage(0);
        controlPlane.endOutage(SimTime.seconds(300));
        sink.record(0);
        // tries at 0, 60 + d, 130 + d, 200 + d (each failing 60 s later), 270 + d: answered at 300 s
        assertEquals(0, postedBy(sink, SimTime.seconds(300) - 1));
        assertEquals(1, postedBy(sink, SimTime.seconds(300)));
        assertEquals(0, sink.dropped());
        assertEquals(true, d > 0 && d < SimTime.seconds(10), "first delay " + d);
    }

    /** TestWriteEventError "retry2": 12 attempts, then the event is given up. */
    @Test
    void twelveFailedTries_dropTheEvent_andTheSenderTakesTheNext() {
        long seed = 7;
        long d = (long) (new Well19937c(seed).nextDouble() * SimTime.seconds(10));
        EventSink sink = sink(new ApiClient(20, 30), new Well19937c(seed));
        controlPlane.startOutage(0);
        controlPlane.endOutage(SimTime.seconds(850));
        sink.record(0);
        sink.record(0);
        // the k-th try starts at 60 + d + (k - 2) * 70 s (k >= 2) and fails 60 s later: the 12th at 820 s + d
        // (the API server is back at 850 s, more than the request timeout after the 12th try's start)
        long twelfth = SimTime.seconds(820) + d;
        sim.runUntil(twelfth - 1);
        assertEquals(0, sink.dropped());
        sim.runUntil(twelfth);
        assertEquals(1, sink.dropped());
        assertEquals(0, sink.posted());
        // the second event's first try, at 820 s + d, is answered when the API server is back
        assertEquals(0, postedBy(sink, SimTime.seconds(850) - 1));
        assertEquals(1, postedBy(sink, SimTime.seconds(850)), "the second event, after the outage");
    }

    @Test
    void aRestart_losesWhatTheOldProcessHeld() {
        EventSink sink = sink(new ApiClient(10, 1), new Well19937c(1));
        for (int i = 0; i < 4; i++) {
            sink.record(0);
        }
        sim.runUntil(0);
        assertEquals(1, sink.posted());
        sink.reset();
        assertEquals(3, sink.dropped());
        sim.runUntil(SimTime.NEVER);
        assertEquals(1, sink.posted());
        sink.record(sim.now());
        sim.runUntil(SimTime.NEVER);
        assertEquals(2, sink.posted());
    }
}
