/**
 * Fault injection: one class per fault type, each declaring its {@link io.nodesim.faults.FaultType}
 * (name, description, fields, target, behaviour), listed once in {@link io.nodesim.faults.FaultTypes}.
 * Faults only change what the world does (a machine dies, a kubelet stops, a network is cut, writes
 * are slow or lost, the API server or the controller manager goes away); the controllers notice
 * through missing or late heartbeats and the informer bus, and react on their own.
 */
package io.nodesim.faults;
