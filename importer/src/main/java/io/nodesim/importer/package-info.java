/**
 * {@code nodesim import} (DESIGN §3.1): reads what {@code kubectl get ... -o json|yaml} prints, streaming,
 * rebuilds the workloads through their {@code ownerReferences}, reads the component settings with their
 * provenance, and writes a scenario, its initial placement and an import report.
 */
package io.nodesim.importer;
