package io.nodesim.scheduler.preemption;

import io.nodesim.scheduler.CompiledPod;
import io.nodesim.scheduler.Scheduler;
import io.nodesim.scheduler.SchedulerCache;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The DefaultPreemption PostFilter plugin (kubernetes
 * pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go and the Evaluator of
 * pkg/scheduler/framework/preemption/preemption.go), run after a failed cycle:
 * {@code PodEligibleToPreemptOthers} (preemptionPolicy Never; a nominated node whose lower-priority
 * pods are still Terminating from an earlier preemption), the nodes where preemption may help (every
 * node not rejected UnschedulableAndUnresolvable, {@link FilterCodes}), {@code DryRunPreemption} from a
 * random offset until a PDB-respecting candidate is found and the shortlist ({@link
 * DefaultPreemptionArgs}) is full, {@code SelectVictimsOnNode} and {@link CandidateSelection}.
 *
 * <p>The dry run takes pods off the live scheduler cache and puts them back (upstream works on a
 * NodeInfo copy): the cache is the same before and after. The dry run is sequential, as upstream's
 * tests run it with parallelism 1; the offset comes from the run's own stream.
 */
public final class DefaultPreemption {
    /** A node where preemption helps: the victims, most important first, and the PDBs they violate. */
    public record Candidate(int node, int[] victims, int pdbViolations) {
    }

    static final String NO_VICTIMS = "No preemption victims found for incoming pod";
    static final String NOT_HELPFUL = "Preemption is not helpful for scheduling";

    private final Scheduler scheduler;
    private final SchedulerCache nodes;
    private final AssignedPods pods;
    private final DisruptionBudgets budgets;
    private final DefaultPreemptionArgs args;
    private final RandomGenerator offsets;
    private boolean[] unresolvable = new boolean[0];
    private String outcome = "";
    private boolean clearsNomination;

    /** @param offsets the run's "scheduler.preemption" stream (GetOffsetAndNumCandidates' rand.Int31n) */
    public DefaultPreemption(Scheduler scheduler, AssignedPods pods, DisruptionBudgets budgets,
            DefaultPreemptionArgs args, RandomGenerator offsets) {
        this.scheduler = scheduler;
        this.nodes = scheduler.nodes();
        this.pods = pods;
        this.budgets = budgets;
        this.args = args;
        this.offsets = offsets;
    }

    /**
     * After a null {@link #preempt}: true when the pod was eligible and no node helps (the result
     * with an empty nominatedNodeName clears its nomination), false when it was not eligible.
     */
    public boolean clearsNomination() {
        return clearsNomination;
    }

    /** Why the last {@link #preempt} found no candidate, or "" after a success. */
    public String outcome() {
        return outcome;
    }

    /**
     * PostFilter for pod {@code pod} right after its failed cycle: the node to nominate and the
     * victims to delete, or null (then the pod's nomination is to be cleared, unless it is not
     * eligible: an ineligible pod keeps it).
     */
    public Candidate preempt(int pod, CompiledPod t) {
        clearsNomination = false;
        if (t.preemptNever) {
            outcome = "not eligible due to preemptionPolicy=Never.";
            return null;
        }
        if (!pods.anyBelow(t.priority)) {
            // No pod anywhere is a potential victim, Terminating ones included (so the nominated
            // node cannot make it ineligible): every node would answer NO_VICTIMS. Checked before
            // anything walks the nodes, so a cluster without priorities pays nothing per node.
            clearsNomination = true;
            outcome = NO_VICTIMS;
            return null;
        }
        readStatuses(t);
        if (!eligible(pod, t)) {
            return null;
        }
        clearsNomination = true;
        int[] potential = potentialNodes();
        if (potential.length == 0) {
            outcome = NOT_HELPFUL;
            return null;
        }
        int offset = offsets.nextInt(potential.length);
        List<Candidate> candidates = dryRun(pod, t, potential, offset, args.numCandidates(potential.length));
        if (candidates.isEmpty()) {
            outcome = "no node where preemption helps";
            return null;
        }
        outcome = "";
        return CandidateSelection.pick(candidates, pods);
    }

    /**
     * PodEligibleToPreemptOthers: not with preemptionPolicy Never; not while a lower-priority pod on
     * its nominated node is still Terminating from a preemption, unless the filters now reject that
     * node as unresolvable.
     */
    private boolean eligible(int pod, CompiledPod t) {
        int nominated = scheduler.nominated().nodeOf(pod);
        return eligible(pod, t, nominated >= 0 && unresolvable[nominated]);
    }

    boolean eligible(int pod, CompiledPod t, boolean nominatedNodeUnresolvable) {
        if (t.preemptNever) {
            outcome = "not eligible due to preemptionPolicy=Never.";
            return false;
        }
        int nominated = scheduler.nominated().nodeOf(pod);
        if (nominated >= 0 && !nominatedNodeUnresolvable && nodes.isAlive(nominated)) {
            for (int p = pods.first(nominated); p >= 0; p = pods.next(p)) {
                if (pods.priority(p) < t.priority && pods.terminatingByPreemption(p)) {
                    outcome = "not eligible due to a terminating pod on the nominated node.";
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The last cycle's statuses per node: a node absent from them (outside PreFilter's node names) or
     * rejected by PreFilter counts as UnschedulableAndUnresolvable (NodeToStatus's absent status).
     */
    private void readStatuses(CompiledPod t) {
        if (unresolvable.length < nodes.slots()) {
            unresolvable = new boolean[nodes.slots()];
        }
        Arrays.fill(unresolvable, true);
        if (scheduler.lastPreFilterRejection() != null) {
            return;
        }
        for (int i = 0; i < scheduler.lastRejectedCount(); i++) {
            int n = scheduler.lastRejectedNode(i);
            unresolvable[n] = FilterCodes.unresolvable(scheduler.lastRejectedPlugin(i), scheduler.lastRejectedReason(i),
                    t, nodes, n);
        }
    }

    /** nodesWherePreemptionMightHelp, in the node list's order. */
    private int[] potentialNodes() {
        int[] order = nodes.order();
        int[] out = new int[order.length];
        int n = 0;
        for (int node : order) {
            if (!unresolvable[node]) {
                out[n++] = node;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * DryRunPreemption: from {@code offset} round the potential nodes, stopping once a candidate
     * violates no PDB and at least {@code numCandidates} were found; PDB-respecting candidates first.
     */
    public List<Candidate> dryRun(int pod, CompiledPod t, int[] potential, int offset, int numCandidates) {
        List<Candidate> nonViolating = new ArrayList<>();
        List<Candidate> violating = new ArrayList<>();
        for (int i = 0; i < potential.length; i++) {
            Candidate c = selectVictimsOnNode(pod, t, potential[(offset + i) % potential.length]);
            if (c == null) {
                continue;
            }
            // upstream's candidate lists hold numCandidates each and drop the rest
            List<Candidate> list = c.pdbViolations() == 0 ? nonViolating : violating;
            if (list.size() < numCandidates) {
                list.add(c);
            }
            if (!nonViolating.isEmpty() && nonViolating.size() + violating.size() >= numCandidates) {
                break;
            }
        }
        nonViolating.addAll(violating);
        return nonViolating;
    }

    /**
     * SelectVictimsOnNode: take every lower-priority pod off the node; if the pod then fits, give
     * back as many as still let it fit, the PDB-violating ones first, each group from the most
     * important; what is not given back is the victims. Null when the node has no lower-priority pod
     * or the pod does not fit even without them.
     */
    public Candidate selectVictimsOnNode(int pod, CompiledPod t, int node) {
        int count = 0;
        for (int p = pods.first(node); p >= 0; p = pods.next(p)) {
            if (pods.priority(p) < t.priority) {
                count++;
            }
        }
        if (count == 0) {
            return null;
        }
        Integer[] potential = new Integer[count];
        int k = 0;
        for (int p = pods.first(node); p >= 0; p = pods.next(p)) {
            if (pods.priority(p) < t.priority) {
                potential[k++] = p;
                pods.lift(p);
            }
        }
        if (scheduler.filterOne(t, pod, node) != null) {
            for (int p : potential) {
                pods.restore(p);
            }
            return null;
        }
        // a stable sort: among equally important pods the node's list order decides
        Arrays.sort(potential, (a, b) -> CandidateSelection.compareImportance(pods, a, b));
        boolean[] violates = PdbViolations.classify(potential, pods, budgets);
        int[] victims = new int[count];
        int nVictims = 0;
        int numViolating = 0;
        boolean anyViolating = false;
        boolean anyNonViolating = false;
        for (int pass = 0; pass < 2; pass++) {
            boolean violatingPass = pass == 0;
            for (int i = 0; i < potential.length; i++) {
                if (violates[i] != violatingPass) {
                    continue;
                }
                anyViolating |= violatingPass;
                anyNonViolating |= !violatingPass;
                int p = potential[i];
                pods.restore(p);
                if (scheduler.filterOne(t, pod, node) != null) {
                    pods.lift(p);
                    victims[nVictims++] = p;
                    numViolating += violatingPass ? 1 : 0;
                }
            }
        }
        for (int i = 0; i < nVictims; i++) {
            pods.restore(victims[i]);
        }
        if (nVictims == 0) {
            // it fits with every pod there: "expected at least one victim pod on node", no candidate
            return null;
        }
        int[] out = Arrays.copyOf(victims, nVictims);
        if (anyViolating && anyNonViolating) {
            out = CandidateSelection.byImportance(out, pods);
        }
        return new Candidate(node, out, numViolating);
    }
}
