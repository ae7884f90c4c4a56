package io.nodesim.scenario;

import static io.nodesim.scenario.ScenarioFiles.BASE;
import static io.nodesim.scenario.ScenarioFiles.edit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nodesim.kernel.SimTime;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionProfilesTest {
    @TempDir
    Path dir;

    /** BASE without its explicit grace period, at the given version. */
    private Scenario at(String version) {
        return ScenarioFiles.load(dir, edit("\"1.35\"", "\"" + version + "\"")
                .replace("  kubeControllerManager:\n    node-monitor-grace-period: 50s\n", ""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // version, profile, lease, jitter, same-pass NoExecute, taint flag, taint manager, grace s, report s, BA skips, BA delta
        "1.12, 1.12,      false, false, false, true,  false, 40, 10,  false, false",
        "1.13, 1.13,      false, false, false, true,  true,  40, 10,  false, false",
        "1.14, 1.14–1.16, true,  false, false, true,  true,  40, 60,  false, false",
        "1.16, 1.14–1.16, true,  false, false, true,  true,  40, 60,  false, false",
        "1.17, 1.17–1.18, true,  false, false, true,  true,  40, 300, false, false",
        "1.19, 1.19,      true,  false, false, true,  true,  40, 300, false, false",
        "1.20, 1.20,      true,  false, false, true,  true,  40, 300, false, false",
        "1.21, 1.21,      true,  false, false, true,  true,  40, 300, false, false",
        "1.22, 1.22,      true,  true,  false, true,  true,  40, 300, false, false",
        "1.26, 1.26,      true,  true,  false, true,  true,  40, 300, false, false",
        "1.27, 1.27–1.28, true,  true,  false, false, true,  40, 300, false, false",
        "1.30, 1.29–1.30, true,  true,  false, false, true,  40, 300, false, false",
        "1.31, 1.31,      true,  true,  false, false, true,  40, 300, false, false",
        "1.32, 1.32,      true,  true,  false, false, true,  50, 300, false, false",
        "1.33, 1.33,      true,  true,  false, false, true,  50, 300, true,  false",
        "1.34, 1.34,      true,  true,  true,  false, true,  50, 300, true,  false",
        "1.35, 1.35,      true,  true,  true,  false, true,  50, 300, true,  false",
        "1.36, 1.36,      true,  true,  true,  false, true,  50, 300, true,  true",
    })
    void eachVersionPicksItsDefaults(String version, String profile, boolean lease, boolean jitter, boolean samePass,
            boolean taintFlag, boolean taintManager, int grace, int report, boolean baSkips, boolean baDelta) {
        Scenario s = at(version);
        VersionProfile p = s.profile();
        assertEquals(profile, p.name());
        assertEquals(lease, p.nodeLease());
        assertEquals(jitter, p.leaseJitter());
        assertEquals(samePass, p.noExecuteInDetectingPass());
        assertEquals(taintFlag, p.taintManagerFlag());
        assertEquals(baSkips, p.balancedAllocationSkipsBestEffort());
        assertEquals(baDelta, p.balancedAllocationDelta());
        assertEquals(taintManager, s.kubeControllerManager().enableTaintManager());
        assertEquals(grace * SimTime.SECOND, s.kubeControllerManager().nodeMonitorGracePeriod());
        assertEquals(report * SimTime.SECOND, s.kubelet().nodeStatusReportFrequency());
        assertEquals(10 * SimTime.SECOND, s.kubelet().nodeStatusUpdateFrequency());
        assertEquals(10 * SimTime.SECOND, s.kubelet().leaseRenewInterval());
        assertEquals(5 * SimTime.SECOND, s.kubeControllerManager().nodeMonitorPeriod());
        assertEquals(60 * SimTime.SECOND, s.kubeControllerManager().nodeStartupGracePeriod());
        assertEquals(5 * SimTime.MINUTE, s.kubeControllerManager().podEvictionTimeout());
        assertEquals(300, s.kubeApiServer().defaultUnreachableTolerationSeconds());
        assertEquals(new SettingOrigin("profile", profile), s.origins().get("kubeControllerManager.node-monitor-grace-period"));
    }

    @Test
    void defaultVersionIs135() {
        Scenario s = ScenarioFiles.load(dir, BASE.replace("  kubernetesVersion: \"1.35\"\n", ""));
        assertEquals("1.35", s.kubernetesVersion().toString());
        assertEquals("default", s.origins().get("kubernetesVersion").source());
    }

    @Test
    void explicitUpdateFrequency_becomesTheReportFrequency_asInKubeletDefaults() {
        Scenario s = ScenarioFiles.load(dir, BASE.replace("  nodes:\n", "  kubelet:\n    nodeStatusUpdateFrequency: 20s\n  nodes:\n"));
        assertEquals(20 * SimTime.SECOND, s.kubelet().nodeStatusReportFrequency());
        assertEquals("default", s.origins().get("kubelet.nodeStatusReportFrequency").source());
        Scenario both = ScenarioFiles.load(dir, BASE.replace("  nodes:\n",
                "  kubelet:\n    nodeStatusUpdateFrequency: 20s\n    nodeStatusReportFrequency: 2m\n  nodes:\n"));
        assertEquals(2 * SimTime.MINUTE, both.kubelet().nodeStatusReportFrequency());
    }

    @Test
    void legacyPathCanBeChosenBefore127_andTheFlagsAreGoneFrom127() {
        Scenario s = ScenarioFiles.load(dir, edit("\"1.35\"", "\"1.20\"")
                .replace("node-monitor-grace-period: 50s", "enable-taint-manager: false"));
        assertFalse(s.kubeControllerManager().enableTaintManager());
        Scenario modern = at("1.27");
        assertTrue(modern.kubeControllerManager().enableTaintManager());
        assertTrue(modern.origins().get("kubeControllerManager.enable-taint-manager").detail().contains("removed in 1.27"));
    }

    @Test
    void reportFrequencyBefore113_isAnError() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioFiles.load(dir,
                edit("\"1.35\"", "\"1.12\"").replace("  nodes:\n", "  kubelet:\n    nodeStatusReportFrequency: 1m\n  nodes:\n")));
        assertEquals("kubelet.nodeStatusReportFrequency", e.path());
        assertTrue(e.getMessage().contains("before 1.13"));
    }

    @Test
    void theReadmeVersionTable_isTheProfileTable() throws java.io.IOException {
        List<String> lines = java.nio.file.Files.readAllLines(Path.of("..", "README.md"));
        int heading = lines.indexOf("#### Version profiles");
        assertTrue(heading >= 0, "README.md has a Version profiles section");
        String table = lines.subList(heading, lines.size()).stream().dropWhile(l -> !l.startsWith("|"))
                .takeWhile(l -> l.startsWith("|")).map(l -> l + "\n").collect(java.util.stream.Collectors.joining());
        assertEquals(VersionProfiles.markdownTable(), table, "README.md's version table must be VersionProfiles.markdownTable()");
    }

    @Test
    void aRowEndsWhereARuleStarts_andEveryRuleIsAColumn() {
        for (VersionProfiles.Row r : VersionProfiles.rows()) {
            for (VersionProfiles.Rule rule : VersionProfiles.Rule.values()) {
                assertFalse(rule.sinceMinor() > r.fromMinor() && rule.sinceMinor() <= r.toMinor(),
                        rule + " starts inside " + r.profile().name());
            }
        }
        assertTrue(VersionProfiles.markdownTable().lines().findFirst().orElseThrow()
                .contains("default score weights (1.23)"), "the scheduler's rules are columns");
    }

    @Test
    void everyVersionChangeOfADefaultPluginWeight_isTheWeightsColumn() {
        VersionProfiles.Rule rule = VersionProfiles.Rule.SCHEDULER_V1BETA3_WEIGHTS;
        KubernetesVersion before = new KubernetesVersion(1, rule.sinceMinor() - 1);
        KubernetesVersion from = new KubernetesVersion(1, rule.sinceMinor());
        for (io.nodesim.scheduler.plugins.PluginDescriptor p : io.nodesim.scheduler.plugins.PluginRegistry.all()) {
            for (int minor : p.fromMinor()) {
                assertTrue(minor <= VersionProfiles.OLDEST.minor() || minor == rule.sinceMinor(),
                        p.name() + " changes its weight in 1." + minor + ", which is no column of VersionProfiles");
            }
            if (p.defaultWeight(before) != p.defaultWeight(from)) {
                assertTrue(rule.cell(true).contains(p.name() + " " + p.defaultWeight(from)), p.name());
            }
        }
    }

    @Test
    void profileTableCoversTheSupportedRangeWithoutGaps() {
        int next = VersionProfiles.OLDEST.minor();
        for (VersionProfiles.Row r : VersionProfiles.rows()) {
            assertEquals(next, r.fromMinor());
            next = r.toMinor() + 1;
        }
        assertEquals(VersionProfiles.NEWEST.minor() + 1, next);
    }
}
