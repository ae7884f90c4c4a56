/**
 * The taint-eviction controller (NoExecute taint → tolerationSeconds → pod deletion) and the
 * compilation of pod tolerations, including the DefaultTolerationSeconds admission plugin.
 */
package io.nodesim.tainteviction;
