package io.nodesim.scheduler;

import io.nodesim.cluster.WellKnownLabels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import io.nodesim.scheduler.MatchingPodCounts.Domains;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PodTopologySpread's {@code countPodsMatchSelector} (podtopologyspread/common.go): a Terminating
 * pod is not counted (kubernetes #87621) though it keeps its resources, and an empty selector
 * counts nothing.
 */
class TerminatingPodsTest {
    private static final String ZONE = WellKnownLabels.ZONE;

    @Test
    void terminatingPod_leavesTheCounts_keepsItsResources_andItsRemovalDoesNotCountTwice() {
        TestCluster c = new TestCluster();
        int a = c.addInZone("a", "za", 4000, 8192);
        int b = c.addInZone("b", "zb", 4000, 8192);
        CompiledPod web = c.compiler.compile("web", "default", spread(ZONE, "DoNotSchedule", selector("web")), null);
        c.nodes.pods().addPod(web, a);
        c.nodes.pods().addPod(web, a);
        c.nodes.pods().addPod(web, b);
        MatchingPodCounts m = c.nodes.matching();
        int s = m.selector(PodSelector.ofLabels(Map.of("app", "web")), "default");
        Domains zones = m.domains(s, c.nodes.symbols().intern(ZONE), web, null);
        int za = c.nodes.symbols().find("za");
        assertEquals(2, m.count(s, a));
        assertEquals(1, zones.minCount());

        c.nodes.pods().markTerminating(web, a);
        assertEquals(1, m.count(s, a), "the Terminating pod is skipped");
        assertEquals(1, zones.count(za));
        assertEquals(2, c.nodes.pods().podCount(a), "the cache still holds it");
        assertEquals(200, c.nodes.pods().requested(SchedulerCache.CPU, a), "NodeResourcesFit still counts its request");
        assertEquals(1, c.nodes.pods().terminatingOfTemplate(a, web.id));

        int late = m.selector(PodSelector.of(selector("web")), "default");
        assertEquals(1, m.count(late, a), "a selector registered later skips the Terminating pod too");

        c.nodes.pods().removeTerminatingPod(web, a);
        assertEquals(1, m.count(s, a), "its object gone: not decremented a second time");
        assertEquals(1, c.nodes.pods().podCount(a));
        assertEquals(100, c.nodes.pods().requested(SchedulerCache.CPU, a));
        assertEquals(0, c.nodes.pods().terminatingOfTemplate(a, web.id));

        c.nodes.pods().markTerminating(web, a);
        assertEquals(0, m.count(s, a));
        assertEquals(0, zones.minCount());
        assertThrows(IllegalStateException.class, () -> c.nodes.pods().removePod(web, a),
                "the node has no pod of the template that is not Terminating");
        assertThrows(IllegalStateException.class, () -> c.nodes.pods().markTerminating(web, a));
        c.nodes.pods().removeTerminatingPod(web, a);
        assertEquals(0, c.nodes.pods().templatesOn(a));
        assertEquals(0, c.nodes.pods().podCount(a));
        c.nodes.pods().addPod(web, a);
        assertEquals(1, m.count(s, a), "a new pod of the template counts again");
        assertEquals(0, c.nodes.pods().terminatingOfTemplate(a, web.id));
    }

    @Test
    void hardZoneSpread_aTerminatingPodsZoneCountsZero_soTheOtherZonesAreOverTheSkew() {
        TestCluster c = new TestCluster();
        int a = c.addInZone("a", "za", 4000, 8192);
        int b = c.addInZone("b", "zb", 4000, 8192);
        int z = c.addInZone("c", "zc", 4000, 8192);
        CompiledPod web = c.compiler.compile("web", "default", spread(ZONE, "DoNotSchedule", selector("web")), null);
        for (int n : new int[] {a, b, z}) {
            c.nodes.pods().addPod(web, n);
        }
        c.nodes.addTaint(a, "node.kubernetes.io/unreachable", "", TaintEffects.NO_SCHEDULE);
        Scheduler s = c.scheduler(TestCluster.V135);
        // counts a=1 b=1 c=1: b and c pass (1 + 1 - 1 = 1); a is tainted
        ScheduleResult before = s.schedule(web, true);
        assertEquals(2, before.explanation().feasible().size());
        assertEquals(List.of("a"), before.explanation().rejected().stream().map(ScheduleResult.Rejection::node).toList());

        c.nodes.pods().markTerminating(web, a);
        // a=0 (its node is tainted, but nodeTaintsPolicy Ignore keeps it a domain): 1 + 1 - 0 = 2 > 1
        ScheduleResult r = s.schedule(web, true);
        assertFalse(r.scheduled());
        assertEquals(List.of(new ScheduleResult.Rejection("b", "PodTopologySpread",
                "node(s) didn't match pod topology spread constraints"), new ScheduleResult.Rejection("c",
                "PodTopologySpread", "node(s) didn't match pod topology spread constraints")),
                r.explanation().rejected().stream().filter(x -> !x.node().equals("a")).sorted(
                        java.util.Comparator.comparing(ScheduleResult.Rejection::node)).toList());
    }

    @Test
    void emptySelector_countsNothing_butThePodStillMatchesItself() {
        TestCluster c = new TestCluster();
        int a = c.addInZone("a", "za", 4000, 8192);
        int b = c.addInZone("b", "zb", 4000, 8192);
        CompiledPod any = c.compiler.compile("any", "default", spread(ZONE, "DoNotSchedule", new LabelSelector()), null);
        for (int i = 0; i < 3; i++) {
            c.nodes.pods().addPod(any, a);
        }
        int s = c.nodes.matching().selector(PodSelector.of(new LabelSelector()), "default");
        assertEquals(0, c.nodes.matching().count(s, a), "countPodsMatchSelector returns 0 for selector.Empty()");
        c.nodes.pods().addPod(any, b);
        assertEquals(0, c.nodes.matching().count(s, b));
        // zone a holds 3 matching pods, b 1: counted, a would be at skew 3 + 1 - 1 = 3; not counted, 0 + 1 - 0
        ScheduleResult r = c.scheduler(TestCluster.V135).schedule(any, true);
        assertEquals(List.of(), r.explanation().rejected());
        assertEquals(2, r.explanation().feasible().size());
    }

    private static LabelSelector selector(String app) {
        LabelSelector s = new LabelSelector();
        s.setMatchLabels(Map.of("app", app));
        return s;
    }

    private static PodTemplateSpec spread(String key, String when, LabelSelector selector) {
        return new PodTemplateSpecBuilder(TestCluster.template(100, 100, Map.of("app", "web"))).editSpec()
                .addToTopologySpreadConstraints(new TopologySpreadConstraintBuilder().withMaxSkew(1)
                        .withTopologyKey(key).withWhenUnsatisfiable(when).withLabelSelector(selector).build())
                .endSpec().build();
    }
}
