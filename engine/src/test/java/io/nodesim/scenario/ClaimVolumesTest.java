package io.nodesim.scenario;

import static io.nodesim.scenario.ScenarioFiles.assertError;
import static io.nodesim.scenario.ScenarioFiles.fails;
import static io.nodesim.scenario.ScenarioFiles.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.PodRecord;
import io.nodesim.metrics.RunResult;
import io.nodesim.simulation.ClusterSimulation;
import io.nodesim.workloads.AttachDetachController;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code v1 PersistentVolumeClaim} manifests mounted by a Deployment's pods: a ReadWriteOnce
 * volume stays attached to the old pod's node while the old pod is in the attach-detach
 * controller's desired state of the world ({@code attachdetach/util} {@code DetermineVolumeAction}:
 * a Terminating pod whose containers still show running is not terminated), and once its object is
 * gone the reconciler force-detaches from an unhealthy node after {@code maxWaitForUnmountDuration}
 * (6 min, reconciler.go); the replacement waits in ContainerCreating meanwhile.
 */
class ClaimVolumesTest {
    private static final long CRASH = SimTime.MINUTE;

    @TempDir
    Path dir;

    private static String scenario(String accessMode, int replicas, String claimName, String extraFault) {
        return """
                apiVersion: nodesim.io/v1alpha1
                kind: Scenario
                metadata: {name: claims}
                spec:
                  kubernetesVersion: "1.35"
                  duration: 30m
                  nodes:
                    - {name: a1, zone: a}
                    - {name: b1, zone: b}
                  workloads:
                    - apiVersion: v1
                      kind: PersistentVolumeClaim
                      metadata: {name: data}
                      spec:
                        accessModes: [%s]
                    - apiVersion: apps/v1
                      kind: Deployment
                      metadata: {name: db}
                      spec:
                        replicas: %d
                        selector: {matchLabels: {app: db}}
                        template:
                          metadata: {labels: {app: db}}
                          spec:
                            affinity:
                              nodeAffinity:
                                preferredDuringSchedulingIgnoredDuringExecution:
                                  - weight: 100
                                    preference: {matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [a]}]}
                            containers: [{name: db, image: postgres}]
                            volumes:
                              - name: data
                                persistentVolumeClaim: {claimName: %s}
                  faults:
                    - at: 1m
                      type: NodeCrash
                      nodes: [a1]
                %s""".formatted(accessMode, replicas, claimName, extraFault);
    }

    private PodRecord crashedPod(String accessMode, String extraFault) {
        Scenario s = load(dir, scenario(accessMode, 1, "data", extraFault));
        RunResult r = ClusterSimulation.run(s, 0, false);
        return r.pods().stream().filter(p -> p.node().equals("a1")).findFirst().orElseThrow();
    }

    @Test
    void readWriteOnce_oldPodStillTerminatingOnTheDeadNode_replacementNeverStarts() {
        PodRecord p = crashedPod("ReadWriteOnce", "");
        assertNotEquals(SimTime.NEVER, p.deletedAt(), "evicted after the unreachable toleration");
        assertEquals("b1", p.replacementNode());
        assertEquals(SimTime.NEVER, p.replacementReadyAt(), "ContainerCreating: the volume stays attached to a1");
    }

    @Test
    void readWriteMany_replacementStartsAtOnce() {
        PodRecord p = crashedPod("ReadWriteMany", "");
        assertEquals("b1", p.replacementNode());
        assertTrue(p.replacementReadyAt() - p.replacementScheduledAt() < SimTime.seconds(30),
                "no volume wait: " + (p.replacementReadyAt() - p.replacementScheduledAt()));
    }

    @Test
    void readWriteOncePod_nodeDeleted_podGcForceDeletes_thenSixMinuteForceDetach() {
        PodRecord p = crashedPod("ReadWriteOncePod", "    - at: 90s\n      type: NodeDelete\n      nodes: [a1]\n");
        long gone = p.replacementCreatedAt();
        assertTrue(p.replacementReadyAt() >= gone + AttachDetachController.MAX_WAIT_FOR_UNMOUNT,
                "ContainerCreating until the force detach: " + (p.replacementReadyAt() - gone));
        assertTrue(p.replacementReadyAt() < gone + AttachDetachController.MAX_WAIT_FOR_UNMOUNT + SimTime.seconds(30));
    }

    @Test
    void readWriteOnce_nodeBack_kubeletUnmounts_replacementStarts() {
        PodRecord p = crashedPod("ReadWriteOnce", "    - at: 20m\n      type: NodeRecover\n      nodes: [a1]\n");
        assertTrue(p.replacementReadyAt() > 20 * SimTime.MINUTE && p.replacementReadyAt() < 21 * SimTime.MINUTE,
                "free once a1 is Ready again: " + p.replacementReadyAt());
    }

    @Test
    void anUndeclaredClaim_isRefusedAtItsClaimName() {
        ScenarioException e = fails(dir, scenario("ReadWriteOnce", 1, "missing", ""));
        assertError(e, 33, 52, "workloads[1].spec.template.spec.volumes[0].persistentVolumeClaim.claimName",
                "not modelled: PersistentVolumeClaim \"default/missing\" is not declared");
    }

    @Test
    void aReadWriteOnceClaimMountedByTwoReplicas_isRefused() {
        ScenarioException e = fails(dir, scenario("ReadWriteOnce", 2, "data", ""));
        assertError(e, 33, 52, "workloads[1].spec.template.spec.volumes[0].persistentVolumeClaim.claimName",
                "not modelled: several pods mounting the ReadWriteOnce claim");
    }

    @Test
    void anUnknownAccessMode_isRefused() {
        ScenarioException e = fails(dir, scenario("ReadWriteOnse", 1, "data", ""));
        assertError(e, 15, 23, "workloads[0].spec.accessModes[0]", "unknown access mode \"ReadWriteOnse\"", "ReadWriteOnce");
    }
}
