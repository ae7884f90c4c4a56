/** The files of an import: the scenario, its workloads, the initial placement and the report. */
package io.nodesim.importer.write;
