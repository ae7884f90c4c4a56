/**
 * The discrete-event kernel: integer simulated time, the pending-event set, the simulation loop and
 * named random streams, and the unboxed int list the hot paths share. It knows nothing of Kubernetes;
 * every controller of the model is built on it.
 */
package io.nodesim.kernel;
