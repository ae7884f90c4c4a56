package io.nodesim.nodelifecycle;

import io.nodesim.cluster.EventKind;
import io.nodesim.cluster.EventRecorder;
import java.util.Arrays;
import java.util.List;

/**
 * {@code handleDisruption} of node_lifecycle_controller.go (all versions modelled): at the end of
 * every pass, each zone's state from the Ready conditions counted in the pass, the limiter swap
 * when a zone changes state, and master disruption mode when every zone is fully disrupted.
 */
final class ZoneDisruption {
    /** What the controller must do to every node when master disruption mode starts or ends. */
    interface Hooks {
        /**
         * markNodeAsReachable (taint path) or cancelPodEviction (legacy) for every node: false while
         * its writes block the pass, which then calls {@link #masterDisruptionEntered} when they end.
         */
        boolean enteringMasterDisruption(long now);

        /** Every node's probe and ready-transition timestamps reset to now. */
        void leavingMasterDisruption(long now);
    }

    private final NodeLifecycleSettings settings;
    private final ZoneQueues queues;
    private final List<String> zoneNames;
    private final EventRecorder recorder;
    private final ZoneState[] state;
    private final ZoneState[] next;
    final int[] counted;
    final int[] ready;

    ZoneDisruption(NodeLifecycleSettings settings, ZoneQueues queues, List<String> zoneNames, EventRecorder recorder) {
        this.settings = settings;
        this.queues = queues;
        this.zoneNames = zoneNames;
        this.recorder = recorder;
        int zones = zoneNames.size();
        state = new ZoneState[zones];
        next = new ZoneState[zones];
        counted = new int[zones];
        ready = new int[zones];
        reset(ZoneState.ABSENT);
    }

    void reset(ZoneState s) {
        Arrays.fill(state, s);
    }

    ZoneState state(int zone) {
        return state[zone];
    }

    void startPass() {
        Arrays.fill(counted, 0);
        Arrays.fill(ready, 0);
    }

    void count(int zone, boolean isReady) {
        counted[zone]++;
        if (isReady) {
            ready[zone]++;
        }
    }

    /** More Ready and not-Ready nodes in the zone (negative: fewer), counted without looking at each. */
    void count(int zone, int readyNodes, int notReadyNodes) {
        counted[zone] += readyNodes + notReadyNodes;
        ready[zone] += readyNodes;
    }

    /** handleDisruption: false while entering master disruption mode waits for the hook's writes. */
    boolean endPass(long now, Hooks hooks) {
        boolean allAreFull = true;
        for (int z = 0; z < state.length; z++) {
            if (counted[z] == 0) {
                next[z] = ZoneState.ABSENT;
                state[z] = ZoneState.ABSENT;
                continue;
            }
            next[z] = ZoneState.compute(ready[z], counted[z] - ready[z], settings.unhealthyZoneThreshold());
            if (next[z] != ZoneState.FULL_DISRUPTION) {
                allAreFull = false;
            }
            if (state[z] == ZoneState.ABSENT) {
                state[z] = ZoneState.INITIAL;
            }
        }
        boolean allWereFull = true;
        for (ZoneState s : state) {
            if (s != ZoneState.ABSENT && s != ZoneState.FULL_DISRUPTION) {
                allWereFull = false;
                break;
            }
        }
        if (allAreFull && allWereFull) {
            return true;
        }
        if (allAreFull) {
            if (!hooks.enteringMasterDisruption(now)) {
                return false;
            }
            masterDisruptionEntered(now);
            return true;
        }
        if (allWereFull) {
            hooks.leavingMasterDisruption(now);
            for (int z = 0; z < state.length; z++) {
                if (state[z] != ZoneState.ABSENT) {
                    setLimiter(z, next[z], now);
                    transition(z, next[z], now);
                }
            }
            recorder.record(now, EventKind.DisruptionModeExited, "cluster", "a zone has Ready nodes");
            return true;
        }
        for (int z = 0; z < state.length; z++) {
            if (state[z] != ZoneState.ABSENT && state[z] != next[z]) {
                setLimiter(z, next[z], now);
                transition(z, next[z], now);
            }
        }
        return true;
    }

    /** After the hook's writes: every zone's limiter stops, and every zone is FullDisruption. */
    void masterDisruptionEntered(long now) {
        for (int z = 0; z < state.length; z++) {
            if (state[z] != ZoneState.ABSENT) {
                queues.queue(z).swapLimiter(0f, now);
                transition(z, ZoneState.FULL_DISRUPTION, now);
            }
        }
        recorder.record(now, EventKind.DisruptionModeEntered, "cluster", "all zones FullDisruption");
    }

    /** {@code setLimiterInZone} with {@code ReducedQPSFunc} / {@code HealthyQPSFunc}. */
    private void setLimiter(int zone, ZoneState s, long now) {
        float qps = switch (s) {
            case PARTIAL_DISRUPTION -> counted[zone] > settings.largeClusterSizeThreshold()
                    ? settings.secondaryEvictionQps() : 0f;
            case NORMAL, FULL_DISRUPTION -> settings.evictionQps();
            default -> throw new IllegalStateException("no limiter for " + s);
        };
        queues.queue(zone).swapLimiter(qps, now);
    }

    private void transition(int zone, ZoneState s, long now) {
        ZoneState old = state[zone];
        state[zone] = s;
        if (old != s && !(old == ZoneState.INITIAL && s == ZoneState.NORMAL)) {
            // A node without a zone label is in the zone "" (utilnode.GetZoneKey): an empty cell.
            recorder.record(now, EventKind.ZoneState, zoneNames.get(zone), s.upstreamName());
        }
    }
}
