package io.nodesim.autoscaler;

/**
 * One way to scale up ({@code expander/expander.go} {@code Option}): add {@code nodeCount} nodes to a
 * group so that {@code pods} of the pending pods fit.
 *
 * @param group the index of the group among the autoscaled groups
 * @param requestedCpu the cpu the option's pods request (millicores)
 * @param requestedMemory the memory they request (bytes)
 * @param nodeCpu one template node's cpu (millicores)
 * @param nodeMemory one template node's memory (bytes)
 */
record ExpansionOption(int group, String groupName, int nodeCount, int pods, long requestedCpu, long requestedMemory,
        long nodeCpu, long nodeMemory) {
}
