/**
 * The cluster as the API server holds it: nodes, pods and zones in primitive arrays (structure of
 * arrays), the well-known taints as bit flags, the Ready condition as a small int, and the event
 * recorder. Controllers talk to each other only through this state and through watch-delayed
 * events, as the real ones talk through the API server.
 */
package io.nodesim.cluster;
