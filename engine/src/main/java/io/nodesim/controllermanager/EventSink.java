package io.nodesim.controllermanager;

import io.nodesim.cluster.ControlPlane;
import io.nodesim.kernel.EventQueue;
import io.nodesim.kernel.SimTime;
import io.nodesim.kernel.Simulation;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A controller's Kubernetes Events on their way to the API server: client-go's {@code tools/record}
 * broadcaster started with {@code StartRecordingToSink} on the controller's own clientset, so every
 * event POST takes a token from the same {@link ApiClient} as the controller's writes.
 *
 * <p>One goroutine ({@code StartEventWatcher}) takes the events from the watcher's channel and
 * sends them one at a time ({@code recordToSink} is synchronous): it reserves a token, the POST
 * goes out when the token is due, and only then is the next event taken. The channel holds 1000
 * events ({@code maxQueuedEvents}; {@code watch.DropIfChannelFull}): an event recorded while 1000
 * wait is dropped. A POST due while the API server is down is answered when it is up again, or
 * fails after {@link ControlPlane#REQUEST_TIMEOUT}, as the controllers' writes do. A failed POST is
 * tried again after a uniform [0, 10 s) the first time and 10 s after that, 12 tries in all
 * ({@code maxTriesPerEvent}, {@code defaultSleepDuration}); each try takes a token. The events
 * themselves change nothing in the model: they only hold tokens.
 *
 * <p>Not modelled: the correlator's aggregation and spam filter, which leave alone events about
 * distinct objects (one per pod, one per node, as every event recorded here is), and the
 * incoming queue in front of the watcher's channel, which the broadcaster drains at once.
 */
public final class EventSink {
    /** {@code maxQueuedEvents}: the watcher's channel. */
    public static final int QUEUE = 1000;
    static final int MAX_TRIES = 12;
    static final long SLEEP = 10 * SimTime.SECOND;

    private final Simulation sim;
    private final ApiClient client;
    private final ControlPlane controlPlane;
    private final RandomGenerator rng;
    private final int postKind;
    private final int failedKind;
    private final int retryKind;
    private int waiting;
    private boolean busy;
    private int tries;
    private long handle = EventQueue.NO_HANDLE;
    private long recorded;
    private long dropped;
    private long posted;

    /**
     * @param name the controller's name, for the event kinds ({@code node-controller})
     * @param rng the random first retry delay
     */
    public EventSink(Simulation sim, String name, ApiClient client, ControlPlane controlPlane, RandomGenerator rng) {
        this.sim = sim;
        this.client = client;
        this.controlPlane = controlPlane;
        this.rng = rng;
        this.postKind = sim.registerKind(name + ".eventPosted", (t, now) -> posted(now));
        this.failedKind = sim.registerKind(name + ".eventFailed", (t, now) -> failed(now));
        this.retryKind = sim.registerKind(name + ".eventRetry", (t, now) -> send(now));
    }

    /** {@code recorder.Event}: queued behind the ones waiting, or dropped when 1000 wait. */
    public void record(long now) {
        recorded++;
        if (!busy) {
            busy = true;
            tries = 0;
            send(now);
        } else if (waiting < QUEUE) {
            waiting++;
        } else {
            dropped++;
        }
    }

    /** A new process: its broadcaster starts empty; what the old one held is lost. */
    public void reset() {
        sim.cancel(handle);
        handle = EventQueue.NO_HANDLE;
        dropped += waiting + (busy ? 1 : 0);
        waiting = 0;
        busy = false;
    }

    public long recorded() {
        return recorded;
    }

    /** Events lost: to a full channel, to twelve failed tries, or to a restart. */
    public long dropped() {
        return dropped;
    }

    /** POSTs that reached the API server (an event's retries count once). */
    public long posted() {
        return posted;
    }

    private void send(long now) {
        handle = sim.schedule(client.send(now, 1), postKind, 0);
    }

    private void posted(long now) {
        if (!controlPlane.isUp(now)) {
            long up = controlPlane.upAgainAt(now);
            handle = up - now <= ControlPlane.REQUEST_TIMEOUT ? sim.schedule(up, postKind, 0)
                    : sim.schedule(now + ControlPlane.REQUEST_TIMEOUT, failedKind, 0);
            return;
        }
        posted++;
        next(now);
    }

    private void failed(long now) {
        tries++;
        if (tries >= MAX_TRIES) {
            dropped++;
            next(now);
            return;
        }
        long delay = tries == 1 ? (long) (rng.nextDouble() * SLEEP) : SLEEP;
        handle = sim.schedule(now + delay, retryKind, 0);
    }

    private void next(long now) {
        tries = 0;
        handle = EventQueue.NO_HANDLE;
        if (waiting > 0) {
            waiting--;
            send(now);
        } else {
            busy = false;
        }
    }
}
