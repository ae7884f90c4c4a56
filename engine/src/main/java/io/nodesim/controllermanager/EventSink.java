package io.nodesim.controllermanager;

import io.nodesim.cluster.ControlPlane;
import io.nodesim.cluster.InformerBus;
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
 * {@link ControlPlane#REQUEST_TIMEOUT} (an outage whose end is not known yet answers it when it
 * ends); otherwise the API server answers 504 at its request timeout,
 * a {@code StatusError}, which {@code recordToSink} does not try again ("Server rejected event (will
 * not retry!)"; client-go's {@code TestWriteEventError} "giveUp2"), and the event is lost. The
 * events themselves change nothing in the model: they only hold tokens.
 *
 * <p>{@code recordToSink} first passes the event through the broadcaster's {@code EventCorrelator}
 * ({@code EventCorrelate}), when the sender takes it from the channel: the spam filter
 * ({@link EventSpamFilter}, per involved object) may skip it, and the sender takes the next at
 * once. The aggregator and the logger only turn an event into a PATCH of an earlier one, one
 * request all the same.
 *
 * <p>Not modelled: a PATCH whose event the API server no longer holds (its create lost to a 504,
 * or expired after {@code --event-ttl}), which {@code recordEvent} follows with a create, and the
 * incoming queue in front of the watcher's channel, which the broadcaster drains at once.
 */
public final class EventSink {
    /** {@code maxQueuedEvents}: the watcher's channel. */
    public static final int QUEUE = 1000;
    /** The kinds of involved object, for {@link #object}. */
    public static final int NODE = 1;
    public static final int POD = 2;
    public static final int REPLICA_SET = 3;

    private final Simulation sim;
    private final ApiClient client;
    private final ControlPlane controlPlane;
    private final int postKind;
    private final int failedKind;
    private final EventSpamFilter spamFilter = new EventSpamFilter();
    /** The channel: the involved objects of the events waiting, a ring. */
    private final long[] channel = new long[QUEUE];
    private int first;
    private int waiting;
    private boolean busy;
    /** The POST in flight waits for the API server, its 504 scheduled. */
    private boolean hung;
    private long handle = EventQueue.NO_HANDLE;
    private long recorded;
    private long dropped;
    private long posted;
    private long filtered;

    /**
     * @param name the controller's name, for the event kinds ({@code nodelifecycle})
     */
    public EventSink(Simulation sim, String name, ApiClient client, ControlPlane controlPlane, InformerBus informers) {
        this.sim = sim;
        this.client = client;
        this.controlPlane = controlPlane;
        this.postKind = sim.registerKind(name + ".eventPosted", (t, now) -> posted(now));
        this.failedKind = sim.registerKind(name + ".eventFailed", (t, now) -> failed(now));
        informers.watchApiServer(this::apiServerRecovered);
    }

    /** The spam key of an event about the object of that kind ({@link #NODE}, ...) and index. */
    public static long object(int kind, int index) {
        return (long) kind << 32 | index;
    }

    /**
     * {@code recorder.Event} about {@code object} ({@link #object}): queued behind the ones waiting,
     * or dropped when 1000 wait.
     */
    public void record(long object, long now) {
        recorded++;
        if (waiting == QUEUE) {
            dropped++;
            return;
        }
        channel[(first + waiting++) % QUEUE] = object;
        if (!busy) {
            busy = true;
            next(now);
        }
    }

    /** A new process: its broadcaster starts empty; what the old one held is lost. */
    public void reset() {
        sim.cancel(handle);
        handle = EventQueue.NO_HANDLE;
        dropped += waiting + (busy ? 1 : 0);
        waiting = 0;
        busy = false;
        hung = false;
        spamFilter.clear();
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

    /** Events the spam filter skipped. */
    public long filtered() {
        return filtered;
    }

    private void posted(long now) {
        if (!controlPlane.isUp(now)) {
            long up = controlPlane.upAgainAt(now);
            hung = up - now > ControlPlane.REQUEST_TIMEOUT;
            handle = hung ? sim.schedule(now + ControlPlane.REQUEST_TIMEOUT, failedKind, 0)
                    : sim.schedule(up, postKind, 0);
            return;
        }
        posted++;
        next(now);
    }

    private void failed(long now) {
        hung = false;
        dropped++;
        next(now);
    }

    /** An outage ends before the hung POST's timeout: the API server answers it now. */
    private void apiServerRecovered(long now) {
        if (hung) {
            hung = false;
            sim.cancel(handle);
            handle = sim.schedule(now, postKind, 0);
        }
    }

    /** The sender takes the next event: past the spam filter, its POST reserves a token; skipped, the one after. */
    private void next(long now) {
        handle = EventQueue.NO_HANDLE;
        while (waiting > 0) {
            long object = channel[first];
            first = (first + 1) % QUEUE;
            waiting--;
            if (spamFilter.allows(object, now)) {
                handle = sim.schedule(client.send(now, 1), postKind, 0);
                return;
            }
            filtered++;
        }
        busy = false;
    }
}
