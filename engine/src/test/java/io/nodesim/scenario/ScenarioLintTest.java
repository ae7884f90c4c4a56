package io.nodesim.scenario;

import static io.nodesim.scenario.ScenarioFiles.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLintTest {
    @TempDir
    Path dir;

    private List<LintWarning> lint(String text, String... sets) {
        return ScenarioLint.check(ScenarioFiles.load(dir, text, sets));
    }

    private static LintWarning only(List<LintWarning> ws, String path) {
        List<LintWarning> at = ws.stream().filter(w -> w.path().equals(path)).toList();
        assertEquals(1, at.size(), "one warning at " + path + " in " + ws);
        return at.get(0);
    }

    @Test
    void defaultsOf135_giveNoWarning() {
        assertEquals(List.of(), lint(BASE));
    }

    @Test
    void graceShorterThanTwoHeartbeats() {
        List<LintWarning> ws = lint(BASE, "kubeControllerManager.node-monitor-grace-period=15s");
        assertEquals(1, ws.stream().filter(x -> x.message().contains("shorter than two heartbeat intervals (10s each)"))
                .count(), ws.toString());
        // 1.12: the status update is the heartbeat, so 4 s updates allow a 10 s grace period.
        String legacy = BASE.replace("\"1.35\"", "\"1.12\"").replace("node-monitor-grace-period: 50s",
                "node-monitor-grace-period: 10s").replace("  nodes:\n", "  kubelet:\n    nodeStatusUpdateFrequency: 4s\n  nodes:\n");
        assertTrue(lint(legacy).stream().noneMatch(x -> x.message().contains("two heartbeat")));
    }

    @Test
    void graceBelowTheKubeletConnectionDetection() {
        List<LintWarning> ws = lint(BASE, "kubeControllerManager.node-monitor-grace-period=40s");
        assertTrue(only(ws, "kubeControllerManager.node-monitor-grace-period").message().contains("HTTP/2"));
    }

    @Test
    void monitorPeriodThatDoesNotDivideTheGrace() {
        List<LintWarning> ws = lint(BASE, "kubeControllerManager.node-monitor-period=7s");
        assertTrue(only(ws, "kubeControllerManager.node-monitor-period").message().contains("does not divide"));
    }

    @Test
    void tolerationsShorterThanDetection_fromApiServerAndFromPods() {
        List<LintWarning> ws = lint(BASE, "kubeApiServer.default-unreachable-toleration-seconds=10",
                "workloads[0].spec.template.spec.tolerations=[{key: node.kubernetes.io/unreachable, operator: Exists, "
                        + "effect: NoExecute, tolerationSeconds: 5}]");
        assertTrue(only(ws, "kubeApiServer.default-unreachable-toleration-seconds").message().contains("10 s is shorter"));
        assertTrue(only(ws, "workloads[0].spec.template.spec.tolerations[0]").message().contains("tolerationSeconds 5"));
    }

    @Test
    void podEvictionTimeoutWithTheTaintManagerOn_isIgnored() {
        String s = BASE.replace("\"1.35\"", "\"1.20\"").replace("node-monitor-grace-period: 50s", "pod-eviction-timeout: 1m");
        assertTrue(only(lint(s), "kubeControllerManager.pod-eviction-timeout").message().contains("no effect"));
        assertTrue(lint(s, "kubeControllerManager.enable-taint-manager=false").stream()
                .noneMatch(w -> w.path().endsWith("pod-eviction-timeout")));
    }

    @Test
    void faultAfterTheEndOfTheRun() {
        assertTrue(only(lint(BASE, "duration=30s"), "faults[0].at").message().contains("never happens"));
    }
}
