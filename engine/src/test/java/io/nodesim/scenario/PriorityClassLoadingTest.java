package io.nodesim.scenario;

import static io.nodesim.scenario.ScenarioFiles.assertError;
import static io.nodesim.scenario.ScenarioFiles.fails;
import static io.nodesim.scenario.ScenarioFiles.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.PodSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scheduling.k8s.io/v1 PriorityClass manifests in spec.workloads and the Priority admission plugin
 * (plugin/pkg/admission/priority/admission.go) resolving each pod template at load time.
 */
class PriorityClassLoadingTest {
    @TempDir
    Path dir;

    /** The base scenario with classes before the faults and {@code podSpecLine} in web's pod spec. */
    private static String with(String classes, String podSpecLine) {
        String s = ScenarioFiles.BASE.replace("  faults:\n", classes + "  faults:\n");
        return podSpecLine.isEmpty() ? s
                : s.replace("            containers: [{name: web", "            " + podSpecLine + "\n            containers: [{name: web");
    }

    private static String pc(String name, String rest) {
        return "    - apiVersion: scheduling.k8s.io/v1\n      kind: PriorityClass\n      metadata: {name: " + name + "}\n"
                + rest;
    }

    private PodSpec web(Scenario s) {
        return s.workloads().get(0).template().getSpec();
    }

    @Test
    void priorityClassName_resolvesToItsValueAndPolicy_andTheClassIsNoWorkload() {
        Scenario s = load(dir, with(pc("high", "      value: 1000\n      preemptionPolicy: Never\n"),
                "priorityClassName: high"));
        assertEquals(1, s.workloads().size());
        assertEquals(1000, web(s).getPriority());
        assertEquals("Never", web(s).getPreemptionPolicy());
    }

    @Test
    void noClassName_getsTheGlobalDefault_elseZeroAndPreemptLowerPriority() {
        Scenario s = load(dir, with(pc("batch", "      value: -5\n      globalDefault: true\n"), ""));
        assertEquals(-5, web(s).getPriority());
        assertEquals("batch", web(s).getPriorityClassName());
        assertEquals("PreemptLowerPriority", web(s).getPreemptionPolicy());
        Scenario none = load(dir, ScenarioFiles.BASE);
        assertEquals(0, web(none).getPriority());
        assertNull(web(none).getPriorityClassName());
        assertEquals("PreemptLowerPriority", web(none).getPreemptionPolicy());
    }

    @Test
    void builtInSystemClasses_alwaysExist() {
        Scenario s = load(dir, with("", "priorityClassName: system-node-critical"));
        assertEquals(2_000_001_000, web(s).getPriority());
        s = load(dir, with("", "priorityClassName: system-cluster-critical"));
        assertEquals(2_000_000_000, web(s).getPriority());
    }

    @Test
    void unknownClass_isRefusedAtThePodsPriorityClassName() {
        ScenarioException e = fails(dir, with("", "priorityClassName: nope"));
        assertError(e, 26, 32, "workloads[0].spec.template.spec.priorityClassName",
                "no PriorityClass with name nope was found");
    }

    @Test
    void aPriorityThatDiffersFromTheClass_isRefusedAsTheApiServerDoes() {
        ScenarioException e = fails(dir, with("", "priority: 7"));
        assertError(e, 26, 23, "workloads[0].spec.template.spec.priority",
                "the integer value of priority (7) must not be provided in pod spec; priority admission controller computed 0");
        e = fails(dir, with(pc("high", "      value: 1000\n"), "preemptionPolicy: Never"));
        assertError(e, 26, -1, "workloads[0].spec.template.spec.preemptionPolicy",
                "the string value of PreemptionPolicy (Never) must not be provided in pod spec");
    }

    @Test
    void aPriorityEqualToTheClasss_isAccepted() {
        Scenario s = load(dir, with(pc("high", "      value: 1000\n"), "priorityClassName: high\n            priority: 1000"));
        assertEquals(1000, web(s).getPriority());
    }

    @Test
    void classValidation_asTheApiServerValidates() {
        assertError(fails(dir, with(pc("huge", "      value: 1000000001\n"), "")), 30, -1, "workloads[1].value",
                "must not be greater than 1000000000");
        assertError(fails(dir, with(pc("system-mine", "      value: 1\n"), "")), 29, -1, "workloads[1].metadata.name",
                "'system-' prefix are reserved");
        assertError(fails(dir, with(pc("a", "      value: 1\n      globalDefault: true\n")
                + pc("b", "      value: 2\n      globalDefault: true\n"), "")), 36, -1, "workloads[2].globalDefault",
                "PriorityClass a is already marked as default. Only one default can exist");
        assertError(fails(dir, with(pc("a", "      value: 1\n      preemptionPolicy: Sometimes\n"), "")), 31, -1,
                "workloads[1].preemptionPolicy", "allowed: PreemptLowerPriority, Never");
        assertError(fails(dir, with(pc("a", ""), "")), 27, -1, "workloads[1].value", "required field missing: value");
    }
}
