/** What {@code nodesim tune} writes: tune.csv, recommendation.yaml and the trade-off chart with the choice marked. */
package io.nodesim.reports.tune;
