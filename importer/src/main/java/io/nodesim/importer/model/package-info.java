/**
 * What the import keeps of a dump (nodes, pods, their controllers) and the workloads rebuilt from
 * the pods' {@code ownerReferences}.
 */
package io.nodesim.importer.model;
