package io.nodesim.scenario;

import static io.nodesim.scenario.ScenarioFiles.assertError;
import static io.nodesim.scenario.ScenarioFiles.fails;
import static io.nodesim.scenario.ScenarioFiles.load;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nodesim.kernel.SimTime;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hung runtime ({@code cause: PLEGUnhealthy}) long enough to fail an exec readiness probe is refused
 * at load: each ExecSync waits runtime-request-timeout (2 min, cri-client remote_runtime.go) plus
 * timeoutSeconds and, from 1.20, ends as a probe Failure (pkg/probe/exec, ExecProbeTimeout); the
 * failureThreshold-th comes failureThreshold × (2 min + timeoutSeconds) into the hang at the earliest.
 */
class HungRuntimeProbesTest {
    @TempDir
    Path dir;

    /** A DaemonSet (on every node) whose readiness probe is {@code probe}, and a RuntimeDown on w-1. */
    private static String scenario(String version, String probe, String cause, String duration) {
        return """
                apiVersion: nodesim.io/v1alpha1
                kind: Scenario
                metadata: {name: hung}
                spec:
                  kubernetesVersion: "%s"
                  nodes:
                    - pool: w
                      count: 2
                      zones: [a]
                  workloads:
                    - apiVersion: apps/v1
                      kind: DaemonSet
                      metadata: {name: agent}
                      spec:
                        selector: {matchLabels: {app: agent}}
                        template:
                          metadata: {labels: {app: agent}}
                          spec:
                            containers:
                              - name: agent
                                image: agent
                                readinessProbe: %s
                  faults:
                    - at: 1m
                      type: RuntimeDown
                      nodes: [w-1]
                      cause: %s
                %s""".formatted(version, probe, cause, duration == null ? "" : "      duration: " + duration + "\n");
    }

    private static final String EXEC = "{exec: {command: [cat, /ready]}}";

    @Test
    void defaultThresholdAndTimeout_refusedFrom3TimesTwoMinutesAndOneSecond() {
        ScenarioException e = fails(dir, scenario("1.35", EXEC, "PLEGUnhealthy", "6m3s"));
        assertError(e, 27, 14, "faults[0].cause", "not modelled", "DaemonSet \"agent\"", "container \"agent\"",
                "failureThreshold 3", "timeoutSeconds 1", "3 times in a row after 6m3s", "shorter than 6m3s",
                "httpGet", "ContainerRuntimeDown", "below 1.20");
    }

    @Test
    void aHangThatEndsBeforeTheThirdTimeout_isModelled_podsStayReady() {
        Scenario s = load(dir, scenario("1.35", EXEC, "PLEGUnhealthy", "6m2s"));
        assertEquals(SimTime.seconds(362), s.faults().get(0).duration());
    }

    @Test
    void aPermanentHang_isRefused() {
        assertError(fails(dir, scenario("1.35", EXEC, "PLEGUnhealthy", null)), 27, 14, "faults[0].cause",
                "hung for good");
    }

    @Test
    void theProbesOwnThresholdAndTimeout_setTheLimit() {
        String probe = "{exec: {command: [cat, /ready]}, failureThreshold: 1, timeoutSeconds: 5}";
        load(dir, scenario("1.35", probe, "PLEGUnhealthy", "2m4s"));
        assertError(fails(dir, scenario("1.35", probe, "PLEGUnhealthy", "2m5s")), 27, 14, "faults[0].cause",
                "failureThreshold 1", "timeoutSeconds 5", "after 2m5s");
    }

    @Test
    void probesThatDoNotGoThroughTheRuntime_andARefusingRuntime_areModelled() {
        load(dir, scenario("1.35", "{httpGet: {path: /ready, port: 8080}}", "PLEGUnhealthy", null));
        load(dir, scenario("1.35", "{tcpSocket: {port: 8080}}", "PLEGUnhealthy", null));
        load(dir, scenario("1.35", EXEC, "ContainerRuntimeDown", null));
    }

    @Test
    void aSidecarsExecProbe_counts_aPlainInitContainersDoesNot() {
        // a sidecar (or a plain init container) with an exec readiness probe before the agent container
        String withInit = scenario("1.35", "{httpGet: {path: /ready, port: 8080}}", "PLEGUnhealthy", null)
                .replace("            containers:\n", "            initContainers:\n"
                        + "              - {name: proxy, image: proxy, %s readinessProbe: {exec: {command: [ok]}}}\n"
                        + "            containers:\n");
        assertError(fails(dir, withInit.formatted("restartPolicy: Always,")), 29, 14, "faults[0].cause",
                "container \"proxy\"");
        load(dir, withInit.formatted(""));
    }

    @Test
    void before120_aTimedOutExecProbeIsAnError_thrownAway() {
        load(dir, scenario("1.19", EXEC, "PLEGUnhealthy", null));
        fails(dir, scenario("1.20", EXEC, "PLEGUnhealthy", null));
    }
}
