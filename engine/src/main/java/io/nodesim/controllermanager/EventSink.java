package io.nodesim.controllermanager;

import io.nodesim.cluster.ControlPlane;
import io.nodesim.kernel.EventQueue;
import io.nodesim.kernel.Simulation;

/**
 * A controller's Kubernetes Events on their way to the API server: client-go's {@code tools/record}
 * broadcaster started with {@code StartRecordingToSink} on the controller's own clientset, so every
 * event POST takes a token from the same {@link ApiClient} as the controller's writes.
 *
 * <p>One goroutine ({@code StartEventWatcher}) takes the events from the watcher's channel and
 * sends them one at a time ({@code recordToSink} is synchronous): it reserves a token, the POST
 * goes out when the token is due, and only then is the next event taken. The channel holds 1000
 * events ({@code maxQueuedEvents}; {@code watch.DropIfChannelFull}): an event recorded while 1000
 * wait is dropped. A POST due while the API server is down (the etcd stall of
 * {@code ControlPlaneOutage}) is answered when it is up again within
 * {@link ControlPlane#REQUEST_TIMEOUT}; otherwise the API server answers 504 at its request timeout,
 * a {@code StatusError}, which {@code recordToSink} does not try again ("Server rejected event (will
 * not retry!)"; client-go's {@code TestWriteEventError} "giveUp2"), and the event is lost. The
 * events themselves change nothing in the model: they only hold tokens.
 *
 * <p>Not modelled: the correlator's aggregation and spam filter, which leave alone events about
 * distinct objects (one per pod, one per node, as every event recorded here is), and the
 * incoming queue in front of the watcher's channel, which the broadcaster drains at once.
 */
public final class EventSink {
    /** {@code maxQueuedEvents}: the watcher's channel. */
    public static final int QUEUE = 1000;

    private final Simulation sim;
    private final ApiClient client;
    private final ControlPlane controlPlane;
    private final int postKind;
    private final int failedKind;
    private int waiting;
    private boolean busy;
    private long handle = EventQueue.NO_HANDLE;
    private long recorded;
    private long dropped;
    private long posted;

    /**
     * @param name the controller's name, for the event kinds ({@code nodelifecycle})
     */
    public EventSink(Simulation sim, String name, ApiClient client, ControlPlane controlPlane) {
        this.sim = sim;
        this.client = client;
        this.controlPlane = controlPlane;
        this.postKind = sim.registerKind(name + ".eventPosted", (t, now) -> posted(now));
        this.failedKind = sim.registerKind(name + ".eventFailed", (t, now) -> failed(now));
    }

    /** {@code recorder.Event}: queued behind the ones waiting, or dropped when 1000 wait. */
    public void record(long now) {
        recorded++;
        if (!busy) {
            busy = true;
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

    /** Events lost: to a full channel, to the API server's 504, or to a restart. */
    public long dropped() {
        return dropped;
    }

    /** POSTs the API server accepted. */
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
        dropped++;
        next(now);
    }

    private void next(long now) {
        handle = EventQueue.NO_HANDLE;
        if (waiting > 0) {
            waiting--;
            send(now);
        } else {
            busy = false;
        }
    }
}
