package io.nodesim.controllermanager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.cluster.ControlPlane;
import io.nodesim.cluster.InformerBus;
import io.nodesim.kernel.SimTime;
import io.nodesim.kernel.Simulation;
import org.junit.jupiter.api.Test;

/**
 * client-go's record broadcaster as {@link EventSink} models it: one sender, one token per POST
 * from the controller's own limiter, 1000 events waiting at most (tools/record/event.go
 * {@code recordToSink}); a POST the stalled API server answers with a 504 is not tried again, as
 * client-go's {@code TestWriteEventError} (tools/record/event_test.go) "giveUp2" has it for a
 * {@code StatusError}.
 */
class EventSinkTest {
    private final Simulation sim = new Simulation();
    private final InformerBus informers = new InformerBus();
    private final ControlPlane controlPlane = new ControlPlane(informers);

    private EventSink sink(ApiClient client) {
        return new EventSink(sim, "test", client, controlPlane, informers);
    }

    private static long pod(int i) {
        return EventSink.object(EventSink.POD, i);
    }

    /** How many POSTs had gone out once the clock reached {@code t}. */
    private long postedBy(EventSink sink, long t) {
        sim.runUntil(t);
        return sink.posted();
    }

    @Test
    void oneSender_takesOneTokenPerEvent_inRecordingOrder() {
        // burst 2 at 20 qps: two POSTs at once, then one every 50 ms
        EventSink sink = sink(new ApiClient(20, 2));
        for (int i = 0; i < 5; i++) {
            sink.record(pod(i), 0);
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
        EventSink sink = sink(client);
        sink.record(pod(0), 0);
        sink.record(pod(1), 0);
        sink.record(pod(2), 0);
        // the controller's write, reserved after the first event's token and before the second's
        assertEquals(SimTime.millis(100), client.send(0, 1));
        assertEquals(1, postedBy(sink, 0));
        assertEquals(1, postedBy(sink, SimTime.millis(199)));
        assertEquals(2, postedBy(sink, SimTime.millis(200)));
        assertEquals(3, postedBy(sink, SimTime.millis(300)));
    }

    @Test
    void aThousandWait_theNextIsDropped() {
        EventSink sink = sink(new ApiClient(1000, 1));
        for (int i = 0; i < EventSink.QUEUE + 2; i++) {
            sink.record(pod(i), 0);
        }
        assertEquals(1, sink.dropped(), "one in flight, 1000 waiting, the 1002nd dropped");
        sim.runUntil(SimTime.NEVER);
        assertEquals(EventSink.QUEUE + 1, sink.posted());
        assertEquals(EventSink.QUEUE + 2, sink.recorded());
    }

    @Test
    void aShortOutage_thePostIsAnsweredWhenTheApiServerIsBack() {
        EventSink sink = sink(new ApiClient(20, 30));
        controlPlane.startOutage(0);
        controlPlane.endOutage(SimTime.seconds(30));
        sink.record(pod(0), 0);
        assertEquals(0, postedBy(sink, SimTime.seconds(30) - 1));
        assertEquals(1, postedBy(sink, SimTime.seconds(30)));
    }

    /** An outage that ends within the request timeout: the POST is answered at its end (inclusive). */
    @Test
    void anOutageOfExactlyTheRequestTimeout_thePostIsAnsweredAtItsEnd() {
        EventSink sink = sink(new ApiClient(20, 30));
        controlPlane.startOutage(0);
        controlPlane.endOutage(ControlPlane.REQUEST_TIMEOUT);
        sink.record(pod(0), 0);
        assertEquals(0, postedBy(sink, ControlPlane.REQUEST_TIMEOUT - 1));
        assertEquals(1, postedBy(sink, ControlPlane.REQUEST_TIMEOUT));
        assertEquals(0, sink.dropped());
    }

    /**
     * Longer: the stalled API server answers 504 at its request timeout, a StatusError that
     * recordToSink does not retry (TestWriteEventError "giveUp2": one attempt): the event is lost
     * and the sender takes the next, whose POST waits in its turn.
     */
    @Test
    void aLongerOutage_eachPostFailsAfterTheRequestTimeout_andIsNotTriedAgain() {
        EventSink sink = sink(new ApiClient(20, 30));
        controlPlane.startOutage(0);
        controlPlane.endOutage(SimTime.seconds(300));
        for (int i = 0; i < 5; i++) {
            sink.record(pod(i), 0);
        }
        // POSTs at 0, 60, 120 and 180 s fail a minute later; the fifth, at 240 s, is answered at 300 s
        assertEquals(0, droppedBy(sink, SimTime.seconds(60) - 1));
        assertEquals(1, droppedBy(sink, SimTime.seconds(60)));
        assertEquals(4, droppedBy(sink, SimTime.seconds(240)));
        assertEquals(0, postedBy(sink, SimTime.seconds(300) - 1));
        assertEquals(1, postedBy(sink, SimTime.seconds(300)));
        assertEquals(4, sink.dropped());
    }

    private long droppedBy(EventSink sink, long t) {
        sim.runUntil(t);
        return sink.dropped();
    }

    @Test
    void aRestart_losesWhatTheOldProcessHeld() {
        EventSink sink = sink(new ApiClient(10, 1));
        for (int i = 0; i < 4; i++) {
            sink.record(pod(i), 0);
        }
        sim.runUntil(0);
        assertEquals(1, sink.posted());
        sink.reset();
        assertEquals(3, sink.dropped());
        sim.runUntil(SimTime.NEVER);
        assertEquals(1, sink.posted());
        sink.record(pod(4), sim.now());
        sim.runUntil(SimTime.NEVER);
        assertEquals(2, sink.posted());
    }

    private static final long REPLICA_SET = EventSink.object(EventSink.REPLICA_SET, 0);

    /** 30 events about one ReplicaSet: the spam filter lets 25 through; the skipped ones take no token. */
    @Test
    void theSpamFilter_skipsPast25AboutOneObject_withoutATokenForThem() {
        // burst 2 at 20 qps: the 25 POSTs go out at 0, 0, 50, ..., 1150 ms
        ApiClient client = new ApiClient(20, 2);
        EventSink sink = sink(client);
        for (int i = 0; i < 30; i++) {
            sink.record(REPLICA_SET, 0);
        }
        sim.runUntil(SimTime.millis(1150));
        assertEquals(EventSpamFilter.BURST, sink.posted());
        assertEquals(5, sink.filtered());
        // the client's next token: the 26th reservation, 1200 ms
        assertEquals(SimTime.millis(1200), client.send(SimTime.millis(1150), 1));
    }

    /**
     * The correlator runs when the sender takes the event from the channel, not when it is recorded:
     * at 1 POST per 100 s the 26th event about the object is taken 2,400 s after the first, by when
     * the filter's bucket has refilled almost 8 tokens.
     */
    @Test
    void theSpamFilter_judgesAnEventWhenTheSenderTakesIt() {
        EventSink sink = sink(new ApiClient(0.01, 1));
        for (int i = 0; i < 27; i++) {
            sink.record(REPLICA_SET, 0);
        }
        sim.runUntil(SimTime.NEVER);
        assertEquals(27, sink.posted());
        assertEquals(0, sink.filtered());
    }

    @Test
    void aRestart_startsANewSpamFilter() {
        EventSink sink = sink(new ApiClient(1000, 100));
        for (int i = 0; i < 26; i++) {
            sink.record(REPLICA_SET, 0);
        }
        sim.runUntil(0);
        assertEquals(1, sink.filtered());
        sink.reset();
        sink.record(REPLICA_SET, 0);
        sim.runUntil(0);
        assertEquals(26, sink.posted());
    }

    /**
     * An outage whose end is not known when the POST is due (the stall goes on): the POST waits, and
     * the API server answers it when the outage ends within the request timeout; a POST that waits
     * longer fails at its timeout.
     */
    @Test
    void anOutageEndingWhileThePostWaits_answersItThen() {
        EventSink sink = sink(new ApiClient(20, 30));
        controlPlane.startOutage(0);
        sink.record(pod(0), 0);
        sink.record(pod(1), 0);
        sim.runUntil(SimTime.seconds(60));
        assertEquals(1, sink.dropped(), "the first POST's 504 at 60 s");
        sim.runUntil(SimTime.seconds(90) - 1);
        controlPlane.endOutage(SimTime.seconds(90) - 1);
        sim.runUntil(SimTime.seconds(90) - 1);
        assertEquals(1, sink.posted(), "the second, sent at 60 s, answered at the end");
        assertEquals(1, sink.dropped());
    }
}
