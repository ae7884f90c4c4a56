package io.nodesim.scenario;

import io.nodesim.kernel.SimTime;
import java.util.Comparator;
import java.util.List;

/**
 * The kubelet's graceful node shutdown settings (KubeletConfiguration {@code shutdownGracePeriod},
 * {@code shutdownGracePeriodCriticalPods}, {@code shutdownGracePeriodByPodPriority}), validated as
 * the kubelet validates them ({@code pkg/kubelet/apis/config/validation/validation.go}). Durations
 * in microseconds.
 *
 * @param byPodPriority the explicit priority groups; empty when the two periods are used
 */
public record GracefulShutdownConfig(long shutdownGracePeriod, long shutdownGracePeriodCriticalPods,
        List<PriorityGroup> byPodPriority) {
    /** {@code scheduling.SystemCriticalPriority}: system-cluster-critical and above are critical pods. */
    public static final int SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;
    public static final GracefulShutdownConfig NONE = new GracefulShutdownConfig(0, 0, List.of());

    /** One {@code ShutdownGracePeriodByPodPriority} entry: pods of at least this priority get this long. */
    public record PriorityGroup(int priority, long shutdownGracePeriodSeconds) {
    }

    public GracefulShutdownConfig {
        byPodPriority = List.copyOf(byPodPriority);
    }

    /**
     * The groups the shutdown manager uses, lowest priority first ({@code NewManager}: the explicit
     * list, else {@code migrateConfig} of the two periods: priority 0 gets period − critical, critical
     * pods the rest, in whole seconds). Empty = no shutdown manager: a shutdown is immediate.
     */
    public List<PriorityGroup> groups() {
        if (!byPodPriority.isEmpty()) {
            return byPodPriority.stream().sorted(Comparator.comparingInt(PriorityGroup::priority)).toList();
        }
        long period = shutdownGracePeriod / SimTime.SECOND;
        if (shutdownGracePeriod == 0) {
            return List.of();
        }
        long critical = shutdownGracePeriodCriticalPods / SimTime.SECOND;
        if (critical > period) {
            return List.of();
        }
        return List.of(new PriorityGroup(0, period - critical), new PriorityGroup(SYSTEM_CRITICAL_PRIORITY, critical));
    }
}
