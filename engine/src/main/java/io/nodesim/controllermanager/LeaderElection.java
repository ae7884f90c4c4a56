package io.nodesim.controllermanager;

import io.nodesim.scenario.ControllerManagerConfig;
import io.nodesim.scenario.VersionProfiles;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * kube-controller-manager's leader election, as client-go {@code tools/leaderelection/leaderelection.go}
 * runs it for a (re)started instance. The candidate loop is
 * {@code wait.JitterUntil(tryAcquireOrRenew, RetryPeriod, JitterFactor = 1.2, sliding)}: a first try at
 * once, then each {@code RetryPeriod × (1 + 1.2·u)} after the previous one. A try takes the Lease only
 * when {@code isLeaseValid} is false, i.e. {@code observedTime + LeaseDuration} is not after now, where
 * {@code observedTime} is the candidate's own clock when it last saw the record change: the old
 * leader's {@code renewTime} is never compared with the local clock. A new process (a new identity,
 * hostname plus a fresh UUID) first sees the record at its first try, so it leads at its first try at
 * or after {@code start + LeaseDuration}, however long ago the old leader stopped renewing
 * (kube-controller-manager does not set {@code ReleaseOnCancel}, so a stopped leader never frees it).
 */
public record LeaderElection(boolean enabled, long leaseDuration, long retryPeriod) {
    public static LeaderElection of(ControllerManagerConfig c) {
        return new LeaderElection(c.leaderElect(), c.leaderElectLeaseDuration(), c.leaderElectRetryPeriod());
    }

    /** When an instance that starts campaigning at {@code start} holds the Lease and starts its controllers. */
    public long acquiredAt(long start, RandomGenerator rng) {
        if (!enabled) {
            return start;
        }
        long expires = start + leaseDuration;
        long attempt = start;
        while (attempt < expires) {
            attempt += retryPeriod + (long) (rng.nextDouble() * VersionProfiles.LEADER_ELECT_JITTER_FACTOR * retryPeriod);
        }
        return attempt;
    }
}
