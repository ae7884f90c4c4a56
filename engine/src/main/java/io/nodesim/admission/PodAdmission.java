package io.nodesim.admission;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.nodesim.scenario.ApiServerConfig;
import io.nodesim.scenario.WorkloadSpec;
import java.util.List;

/**
 * A workload's pods as the API server stores them: the DaemonSet controller's tolerations (its pods
 * only), then DefaultTolerationSeconds, then Priority ({@link PriorityAdmission}). All are idempotent,
 * so admitting twice changes nothing.
 */
public final class PodAdmission {
    private PodAdmission() {
    }

    public static List<WorkloadSpec> admit(List<WorkloadSpec> workloads, ApiServerConfig apiServer) {
        return workloads.stream().map(w -> admit(w, apiServer)).toList();
    }

    /**
     * Admits every workload, priorities resolved against {@code priorities}; a pod the Priority plugin
     * refuses throws {@link PriorityAdmission.Rejected}.
     */
    public static WorkloadSpec admit(WorkloadSpec w, ApiServerConfig apiServer, PriorityAdmission priorities) {
        WorkloadSpec tolerated = admit(w, apiServer);
        PodSpec spec = tolerated.template().getSpec();
        PodSpec admitted = priorities.admit(spec);
        if (admitted == spec) {
            return tolerated;
        }
        PodTemplateSpec t = new PodTemplateSpecBuilder(tolerated.template()).withSpec(admitted).build();
        return new WorkloadSpec(w.kind(), w.name(), w.namespace(), w.replicas(), w.selector(), t, w.manifest(),
                w.manifestIndex(), w.readWriteOnceClaim());
    }

    public static WorkloadSpec admit(WorkloadSpec w, ApiServerConfig apiServer) {
        PodSpec spec = w.template().getSpec();
        List<Toleration> written = spec == null || spec.getTolerations() == null ? List.of() : spec.getTolerations();
        List<Toleration> admitted = written;
        if ("DaemonSet".equals(w.kind())) {
            admitted = DaemonSetTolerations.add(admitted, spec != null && Boolean.TRUE.equals(spec.getHostNetwork()));
        }
        admitted = DefaultTolerationSeconds.admit(admitted, apiServer);
        if (admitted.equals(written)) {
            return w;
        }
        PodTemplateSpec t = new PodTemplateSpecBuilder(w.template()).editOrNewSpec().withTolerations(admitted)
                .endSpec().build();
        return new WorkloadSpec(w.kind(), w.name(), w.namespace(), w.replicas(), w.selector(), t, w.manifest(),
                w.manifestIndex(), w.readWriteOnceClaim());
    }
}
