package io.nodesim.scenario.parse;

import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.GracefulShutdownConfig;
import io.nodesim.scenario.GracefulShutdownConfig.PriorityGroup;
import io.nodesim.scenario.KubernetesVersion;
import io.nodesim.scenario.VersionProfiles;
import io.nodesim.scenario.parse.YNode.YList;
import io.nodesim.scenario.settings.SettingRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The graceful node shutdown fields of the {@code kubelet} section, checked as the kubelet's
 * {@code ValidateKubeletConfiguration} checks them, with the feature gates of the scenario's
 * version: GracefulNodeShutdown (beta, on by default, from 1.21) and
 * GracefulNodeShutdownBasedOnPodPriority (beta from 1.24). A configuration the kubelet would refuse
 * to start with is an error here.
 */
final class GracefulShutdownSection {
    static final int GRACEFUL_NODE_SHUTDOWN_BETA = 21;
    static final int BY_POD_PRIORITY_BETA = 24;

    private GracefulShutdownSection() {
    }

    static GracefulShutdownConfig read(Section s, KubernetesVersion version, VersionProfiles.Row row, Origins o) {
        var periodSetting = SettingRegistry.SHUTDOWN_GRACE_PERIOD;
        var criticalSetting = SettingRegistry.SHUTDOWN_GRACE_PERIOD_CRITICAL_PODS;
        long period = o.resolve(s, periodSetting, row, null);
        long critical = o.resolve(s, criticalSetting, row, null);
        checkPeriod(s, periodSetting.key(), period);
        checkPeriod(s, criticalSetting.key(), critical);
        if (critical > period) {
            throw s.get(criticalSetting.key()).loc().error(criticalSetting.path(), "shutdownGracePeriodCriticalPods "
                    + Durations.format(critical) + " must be <= shutdownGracePeriod " + Durations.format(period));
        }
        if ((period > 0 || critical > 0) && version.minor() < GRACEFUL_NODE_SHUTDOWN_BETA) {
            String key = s.has(periodSetting.key()) ? periodSetting.key() : criticalSetting.key();
            throw s.get(key).loc().error(s.path(key), "specifying shutdownGracePeriod or shutdownGracePeriodCriticalPods "
                    + "requires feature gate GracefulNodeShutdown, on by default from 1.21 (this scenario is " + version + ")");
        }
        String byKey = SettingRegistry.SHUTDOWN_GRACE_PERIOD_BY_POD_PRIORITY;
        if (!s.has(byKey)) {
            return new GracefulShutdownConfig(period, critical, List.of());
        }
        YNode byNode = s.get(byKey);
        if (version.minor() < BY_POD_PRIORITY_BETA) {
            throw byNode.loc().error(s.path(byKey), "specifying shutdownGracePeriodByPodPriority requires feature gate "
                    + "GracefulNodeShutdownBasedOnPodPriority, on by default from 1.24 (this scenario is " + version + ")");
        }
        if (period > 0 || critical > 0) {
            throw byNode.loc().error(s.path(byKey),
                    "cannot specify both shutdownGracePeriodByPodPriority and shutdownGracePeriod at the same time");
        }
        YList items = Values.list(byNode, s.path(byKey));
        List<PriorityGroup> groups = new ArrayList<>();
        for (int i = 0; i < items.items().size(); i++) {
            String path = s.path(byKey) + "[" + i + "]";
            Section g = Section.of(items.items().get(i), path, List.of("priority", "shutdownGracePeriodSeconds"));
            int priority = (int) Values.integer(g.require("priority", "priority (an int32)"), g.path("priority"),
                    Integer.MIN_VALUE, Integer.MAX_VALUE);
            long seconds = Values.integer(g.require("shutdownGracePeriodSeconds", "shutdownGracePeriodSeconds (seconds)"),
                    g.path("shutdownGracePeriodSeconds"), 0, Integer.MAX_VALUE);
            groups.add(new PriorityGroup(priority, seconds));
        }
        return new GracefulShutdownConfig(0, 0, groups);
    }

    private static void checkPeriod(Section s, String key, long value) {
        if (value < 0 || value > 0 && value < SimTime.SECOND) {
            throw s.get(key).loc().error(s.path(key), key + " " + Durations.format(value)
                    + " must be either zero or otherwise >= 1 sec");
        }
    }
}
