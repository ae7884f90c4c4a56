package io.nodesim.reports.why;

import io.nodesim.kernel.SimTime;
import io.nodesim.metrics.EventRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The causal chain of one pod from a run's event log, in the order the rules act: the node's fault,
 * the last heartbeat the node lifecycle controller saw ({@code probeTimestamp}), the monitor pass
 * that wrote Unknown, the zone's state and the wait in its rate-limited queue, the NoExecute taint,
 * the taint-eviction controller's toleration check (which toleration, written by whom), the
 * deletion, the replacement's creation, its scheduling (and the FitError it waited on), start-up
 * and Ready. The chain stops at the first step that did not happen, with the reason the log shows:
 * master disruption mode, the zone's state, the node coming back, a toleration without seconds, a
 * StatefulSet pod waiting for NodeDelete or the out-of-service taint, a bare pod, no room.
 *
 * <p>Rules as in {@code pkg/controller/nodelifecycle/node_lifecycle_controller.go},
 * {@code pkg/controller/tainteviction/taint_eviction.go}, {@code pkg/controller/podgc/gc_controller.go}
 * and {@code pkg/controller/statefulset/stateful_set_control.go}.
 */
public final class PodWhy {
    private static final Pattern PROBE = Pattern.compile("probeTimestamp=([0-9.]+)");

    private final RunFacts run;
    private final String pod;
    private final List<WhyStep> steps = new ArrayList<>();

    private PodWhy(RunFacts run, String pod) {
        this.run = run;
        this.pod = pod;
    }

    /** Whether the run's log mentions the pod at all. */
    public static boolean known(RunFacts run, String pod) {
        return run.nodeOfPod().containsKey(pod) || run.events().stream().anyMatch(e -> names(e.object(), pod));
    }

    /**
     * The chain of {@code pod} in time order (the last heartbeat seen comes before the crash when the
     * crash fell between two renewals); its last step is the first that did not happen, if any.
     */
    public static List<WhyStep> explain(RunFacts run, String pod) {
        PodWhy w = new PodWhy(run, pod);
        w.build();
        // stable: steps at the same time keep the order the rules act in; a step that did not happen (NEVER) is last
        w.steps.sort(java.util.Comparator.comparingLong(WhyStep::time));
        return List.copyOf(w.steps);
    }

    /** The pod's workload and kind as the header line says them. */
    public static String header(RunFacts run, String pod) {
        String workload = run.workloadOfPod().get(pod);
        String kind = workload == null ? null : run.kindOfWorkload().get(workload);
        String node = run.nodeOfPod().get(pod);
        String zone = node == null ? null : run.zoneOfNode().get(node);
        return pod + (workload == null ? "" : " (" + (kind == null ? "" : kind + " ") + workload + ")")
                + (node == null ? "" : " on " + node + (zone == null || zone.isEmpty() ? "" : " in zone " + zone))
                + ", replication " + run.replication();
    }

    private void build() {
        Optional<EventRecord> replacementCreated = first(e -> is(e, "PodCreated") && ("replaces " + pod).equals(e.detail()),
                0);
        long cut = replacementCreated.map(EventRecord::time).orElse(SimTime.NEVER);
        String node = nodeOf(cut);
        if (node == null) {
            not("node", "no event places " + pod + " on a node (a pod that was never disrupted has none)");
            return;
        }
        Optional<EventRecord> disruption = first(e -> about(e, pod) && e.time() < cut && (is(e, "PodNotReady")
                || is(e, "TolerationChecked") || is(e, "PodDeleted")), 0);
        long disruptedAt = disruption.map(EventRecord::time).orElse(SimTime.NEVER);
        Optional<EventRecord> fault = last(e -> is(e, "NodeFault") && about(e, node), disruptedAt);
        if (fault.isEmpty()) {
            not("crash", "node " + node + " had no fault while " + pod + " ran on it: nothing to recover from");
            return;
        }
        long faultAt = fault.get().time();
        step(faultAt, "crash", node + ": " + fault.get().detail());
        Optional<EventRecord> unknown = first(e -> is(e, "NodeReadyUnknown") && about(e, node), faultAt);
        if (unknown.isEmpty()) {
            Optional<EventRecord> ready = first(e -> is(e, "NodeReadyTrue") && about(e, node), faultAt);
            not("Unknown", ready.map(r -> node + " posted Ready again at " + s(r.time())
                    + " before node-monitor-grace-period passed without a heartbeat")
                    .orElse("a monitor pass never saw node-monitor-grace-period pass without a heartbeat of " + node
                            + " by the end of the run"));
            return;
        }
        long unknownAt = unknown.get().time();
        Matcher m = PROBE.matcher(unknown.get().detail());
        if (m.find()) {
            long probe = new java.math.BigDecimal(m.group(1)).movePointRight(6).longValueExact();
            step(probe, "last heartbeat", "the last heartbeat of " + node + " the node lifecycle controller saw "
                    + "(probeTimestamp)");
            step(unknownAt, "Unknown", "a monitor pass wrote Ready=Unknown: " + s(unknownAt - probe)
                    + " s without a heartbeat, more than node-monitor-grace-period");
        } else {
            step(unknownAt, "Unknown", "a monitor pass wrote Ready=Unknown (" + unknown.get().detail() + ")");
        }
        first(e -> is(e, "PodNotReady") && about(e, pod), faultAt).ifPresent(e -> step(e.time(), "pod NotReady",
                "MarkPodsNotReady in the same pass: the pod leaves its Services' endpoints"));
        tainting(node, unknownAt, cut);
    }

    private void tainting(String node, long unknownAt, long cut) {
        String zone = run.zoneOfNode().getOrDefault(node, "");
        Optional<EventRecord> taint = first(e -> is(e, "TaintAdded") && about(e, node)
                && e.detail().endsWith(":NoExecute") && !e.detail().contains("out-of-service"), unknownAt);
        long end = taint.map(EventRecord::time).orElse(SimTime.NEVER);
        zoneSteps(zone, unknownAt, end);
        if (taint.isEmpty()) {
            not("NoExecute taint", whyNotTainted(node, zone, unknownAt));
            return;
        }
        long taintAt = taint.get().time();
        step(taintAt, "NoExecute taint", taint.get().detail() + ": " + s(taintAt - unknownAt) + " s after Unknown in zone "
                + (zone.isEmpty() ? "(none)" : zone) + "'s rate-limited queue (zone " + zoneState(zone, taintAt) + ")");
        Optional<EventRecord> check = first(e -> is(e, "TolerationChecked") && about(e, pod) && e.time() < cut, taintAt);
        check.ifPresent(e -> step(e.time(), "toleration", "taint-eviction controller: delete " + e.detail()));
        Optional<EventRecord> deleted = first(e -> is(e, "PodDeleted") && about(e, pod) && e.time() < cut, unknownAt);
        if (deleted.isEmpty()) {
            not("deletion", whyNotDeleted(node, check, taintAt));
            return;
        }
        step(deleted.get().time(), "deletion", pod + " deleted: " + deleted.get().detail());
        replacement(node, deleted.get().time());
    }

    private void zoneSteps(String zone, long from, long to) {
        for (EventRecord e : run.events()) {
            if (e.time() < from || (to != SimTime.NEVER && e.time() > to)) {
                continue;
            }
            if (is(e, "ZoneState") && !zone.isEmpty() && names(e.object(), zone)) {
                step(e.time(), "zone state", "zone " + zone + " → " + e.detail());
            } else if (is(e, "DisruptionModeEntered") || is(e, "DisruptionModeExited")) {
                step(e.time(), "disruption mode", e.kind() + ": " + e.detail());
            }
        }
    }

    private String whyNotTainted(String node, String zone, long unknownAt) {
        Optional<EventRecord> ready = first(e -> is(e, "NodeReadyTrue") && about(e, node), unknownAt);
        boolean masterMode = lastOf("DisruptionModeEntered", "DisruptionModeExited", null)
                .filter(e -> is(e, "DisruptionModeEntered")).isPresent();
        if (masterMode) {
            return "master disruption mode (every zone in FullDisruption): the controller sets no NoExecute taint "
                    + "until a zone has a Ready node again";
        }
        String state = zoneState(zone, ready.map(EventRecord::time).orElse(Long.MAX_VALUE - 1));
        if (ready.isPresent()) {
            return node + " was Ready again at " + s(ready.get().time()) + " before its turn in zone " + zone
                    + "'s queue (zone " + state + ")";
        }
        if (state.startsWith("PartialDisruption")) {
            return "zone " + zone + " is in PartialDisruption: its queue runs at --secondary-node-eviction-rate, 0 in "
                    + "a cluster of at most --large-cluster-size-threshold nodes";
        }
        return "still in zone " + zone + "'s queue at the end of the run (zone " + state + ")";
    }

    private String whyNotDeleted(String node, Optional<EventRecord> check, long taintAt) {
        if (check.isPresent() && check.get().detail().startsWith("never")) {
            return "the pod tolerates the taint forever: " + check.get().detail().substring("never: ".length());
        }
        Optional<EventRecord> removed = first(e -> is(e, "TaintRemoved") && about(e, node)
                && e.detail().endsWith(":NoExecute"), taintAt);
        if (removed.isPresent()) {
            return "the NoExecute taint was removed at " + s(removed.get().time())
                    + " (node Ready again, or master disruption mode) before the toleration ran out";
        }
        return check.map(e -> "the deletion was due " + e.detail().replaceFirst(":.*", "") + ", after the end of the run")
                .orElse("no toleration check by the taint-eviction controller before the end of the run");
    }

    private void replacement(String node, long deletedAt) {
        Optional<EventRecord> created = first(e -> is(e, "PodCreated") && ("replaces " + pod).equals(e.detail()),
                deletedAt);
        String kind = kind();
        if (created.isEmpty()) {
            if ("StatefulSet".equals(kind)) {
                not("replacement", "a StatefulSet pod stays Terminating on the unreachable " + node + " (its kubelet "
                        + "cannot confirm the deletion); the StatefulSet controller creates " + pod + " again only once "
                        + "the object is gone: NodeDelete, or the node.kubernetes.io/out-of-service taint (pod GC "
                        + "force-deletes)");
            } else if ("Pod".equals(kind)) {
                not("replacement", "a bare Pod has no controller: nothing replaces it");
            } else if ("DaemonSet".equals(kind)) {
                not("replacement", "a DaemonSet pod belongs to its node: none is created elsewhere");
            } else {
                not("replacement", "no replacement was created by the end of the run");
            }
            return;
        }
        long createdAt = created.get().time();
        first(e -> is(e, "NodeFault") && about(e, node) && e.time() <= createdAt, deletedAt)
                .ifPresent(e -> step(e.time(), "operator", node + ": " + e.detail() + " lets the Terminating pod go"));
        String r = created.get().object();
        step(createdAt, "replacement", r + " created by the " + (kind == null ? "workload" : kind) + " controller");
        Optional<EventRecord> scheduled = first(e -> is(e, "PodScheduled") && about(e, r), createdAt);
        long until = scheduled.map(EventRecord::time).orElse(SimTime.NEVER);
        List<EventRecord> failed = run.events().stream().filter(e -> is(e, "FailedScheduling") && about(e, r)
                && e.time() >= createdAt && (until == SimTime.NEVER || e.time() <= until)).toList();
        if (!failed.isEmpty()) {
            EventRecord f = failed.get(failed.size() - 1);
            step(failed.get(0).time(), "waited", r + " unschedulable " + failed.size() + " time(s), last at "
                    + s(f.time()) + ": " + f.detail());
        }
        if (scheduled.isEmpty()) {
            not("scheduling", failed.isEmpty() ? r + " still in the scheduling queue at the end of the run"
                    : "no room: " + failed.get(failed.size() - 1).detail());
            return;
        }
        step(until, "scheduled", r + " bound to " + scheduled.get().detail() + ", " + s(until - createdAt)
                + " s after its creation");
        Optional<EventRecord> ready = first(e -> is(e, "PodReady") && about(e, r), until);
        if (ready.isEmpty()) {
            not("Ready", r + " still starting (image pull, containers, readiness probe) at the end of the run");
            return;
        }
        step(ready.get().time(), "Ready", r + " Ready: " + s(ready.get().time() - until) + " s of start-up");
    }

    /** The pod's node: its binding or NotReady event before the replacement, else pods.csv. */
    private String nodeOf(long cut) {
        return first(e -> about(e, pod) && e.time() < cut && (is(e, "PodNotReady") || is(e, "PodScheduled"))
                && e.detail() != null && !e.detail().isEmpty(), 0).map(EventRecord::detail).orElse(run.nodeOfPod().get(pod));
    }

    private String kind() {
        String workload = run.workloadOfPod().get(pod);
        return workload == null ? null : run.kindOfWorkload().get(workload);
    }

    private String zoneState(String zone, long at) {
        Optional<EventRecord> last = Optional.empty();
        for (EventRecord e : run.events()) {
            if (e.time() > at) {
                break;
            }
            if (is(e, "ZoneState") && names(e.object(), zone)) {
                last = Optional.of(e);
            }
        }
        return last.map(e -> e.detail() + " since " + s(e.time())).orElse("Normal");
    }

    private Optional<EventRecord> lastOf(String a, String b, String object) {
        EventRecord found = null;
        for (EventRecord e : run.events()) {
            if ((is(e, a) || is(e, b)) && (object == null || about(e, object))) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    private Optional<EventRecord> first(Predicate<EventRecord> p, long from) {
        return run.events().stream().filter(e -> e.time() >= from && p.test(e)).findFirst();
    }

    /** The last matching event at or before {@code until} (NEVER: any time). */
    private Optional<EventRecord> last(Predicate<EventRecord> p, long until) {
        EventRecord found = null;
        for (EventRecord e : run.events()) {
            if (until != SimTime.NEVER && e.time() > until) {
                break;
            }
            if (p.test(e)) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    private void step(long time, String rule, String text) {
        steps.add(new WhyStep(time, rule, text));
    }

    private void not(String rule, String reason) {
        steps.add(new WhyStep(SimTime.NEVER, rule, reason));
    }

    private static boolean is(EventRecord e, String kind) {
        return kind.equals(e.kind());
    }

    private static boolean about(EventRecord e, String name) {
        return names(e.object(), name);
    }

    /** Event objects may be qualified ("default/web-1"); a bare name matches its last segment. */
    static boolean names(String object, String name) {
        return object != null && name != null && !name.isEmpty() && (object.equals(name) || object.endsWith("/" + name));
    }

    private static String s(long micros) {
        return SimTime.formatSeconds(micros);
    }
}
