package io.nodesim.workloads;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.nodesim.kernel.SimTime;
import io.nodesim.scenario.StartupConfig;
import io.nodesim.scenario.WorkloadSpec;
import io.nodesim.scheduler.PodCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the controllers and the kubelet need of one workload's pod template, read once: its
 * containers' readiness probes, whether it claims ReadWriteOnce volumes (a StatefulSet's
 * volumeClaimTemplates, or a scenario PersistentVolumeClaim any workload mounts by claimName), the
 * StatefulSet pod management policy, and its start-up distributions.
 *
 * @param readinessProbes one per container that has a readiness probe
 * @param readWriteOnce the pods claim a ReadWriteOnce / ReadWriteOncePod volume of their own
 * @param orderedReady a StatefulSet with the default OrderedReady policy (false for Parallel)
 * @param images the image of each init container and container, in order, normalized as the
 *     scheduler's ImageLocality does ({@link PodCompiler#normalizedImageName})
 */
public record WorkloadTemplate(String kind, List<ReadinessProbe> readinessProbes, boolean readWriteOnce,
        boolean orderedReady, StartupConfig.Model startup, List<String> images) {
    /**
     * A readiness probe's timing fields, defaulted as the API server defaults them
     * (periodSeconds 10, successThreshold 1, initialDelaySeconds 0).
     */
    public record ReadinessProbe(long initialDelay, long period, int successThreshold) {
        public ReadinessProbe {
            if (period <= 0 || successThreshold < 1 || initialDelay < 0) {
                throw new IllegalArgumentException("invalid readiness probe timing");
            }
        }
    }

    public WorkloadTemplate {
        Objects.requireNonNull(kind, "kind");
        readinessProbes = List.copyOf(readinessProbes);
        Objects.requireNonNull(startup, "startup");
        images = List.copyOf(images);
    }

    public static WorkloadTemplate of(WorkloadSpec w, StartupConfig startup) {
        List<ReadinessProbe> probes = new ArrayList<>();
        if (w.template().getSpec() != null && w.template().getSpec().getContainers() != null) {
            for (Container c : w.template().getSpec().getContainers()) {
                Probe p = c.getReadinessProbe();
                if (p != null) {
                    probes.add(new ReadinessProbe(SimTime.seconds(orDefault(p.getInitialDelaySeconds(), 0)),
                            SimTime.seconds(orDefault(p.getPeriodSeconds(), 10)), orDefault(p.getSuccessThreshold(), 1)));
                }
            }
        }
        boolean rwo = w.readWriteOnceClaim();
        boolean ordered = true;
        if (w.manifest() instanceof StatefulSet s && s.getSpec() != null) {
            ordered = !"Parallel".equals(s.getSpec().getPodManagementPolicy());
            if (s.getSpec().getVolumeClaimTemplates() != null) {
                for (PersistentVolumeClaim c : s.getSpec().getVolumeClaimTemplates()) {
                    List<String> modes = c.getSpec() == null ? null : c.getSpec().getAccessModes();
                    rwo |= modes != null && (modes.contains("ReadWriteOnce") || modes.contains("ReadWriteOncePod"));
                }
            }
        }
        List<String> images = new ArrayList<>();
        if (w.template().getSpec() != null) {
            List<Container> all = new ArrayList<>();
            if (w.template().getSpec().getInitContainers() != null) {
                all.addAll(w.template().getSpec().getInitContainers());
            }
            if (w.template().getSpec().getContainers() != null) {
                all.addAll(w.template().getSpec().getContainers());
            }
            all.forEach(c -> images.add(PodCompiler.normalizedImageName(c.getImage() == null ? "" : c.getImage())));
        }
        return new WorkloadTemplate(w.kind(), probes, rwo, ordered, startup.forWorkload(w.name()), images);
    }

    private static int orDefault(Integer v, int d) {
        return v == null ? d : v;
    }

    public boolean replicaSet() {
        return "Deployment".equals(kind) || "ReplicaSet".equals(kind);
    }

    public boolean statefulSet() {
        return "StatefulSet".equals(kind);
    }
}
