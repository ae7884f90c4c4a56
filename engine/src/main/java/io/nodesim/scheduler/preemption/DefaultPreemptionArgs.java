package io.nodesim.scheduler.preemption;

/**
 * DefaultPreemptionArgs (kubescheduler.config.k8s.io/v1; defaults in
 * pkg/scheduler/apis/config/v1/defaults.go, checks in validation_pluginargs.go
 * ValidateDefaultPreemptionArgs): how many nodes the dry run shortlists at least, as a percentage of
 * the nodes where preemption may help and as an absolute number.
 */
public record DefaultPreemptionArgs(int minCandidateNodesPercentage, int minCandidateNodesAbsolute) {
    public static final DefaultPreemptionArgs DEFAULT = new DefaultPreemptionArgs(10, 100);

    public DefaultPreemptionArgs {
        if (minCandidateNodesPercentage < 0 || minCandidateNodesPercentage > 100) {
            throw new IllegalArgumentException("minCandidateNodesPercentage: not in valid range [0, 100], got "
                    + minCandidateNodesPercentage);
        }
        if (minCandidateNodesAbsolute < 0) {
            throw new IllegalArgumentException("minCandidateNodesAbsolute: not in valid range [0, inf), got "
                    + minCandidateNodesAbsolute);
        }
        if (minCandidateNodesPercentage == 0 && minCandidateNodesAbsolute == 0) {
            throw new IllegalArgumentException("minCandidateNodesPercentage and minCandidateNodesAbsolute: "
                    + "both cannot be zero");
        }
    }

    /** calculateNumCandidates: the percentage of the nodes, at least the absolute number, at most them all. */
    public int numCandidates(int nodes) {
        int n = (int) ((long) nodes * minCandidateNodesPercentage / 100);
        return Math.min(Math.max(n, minCandidateNodesAbsolute), nodes);
    }
}
