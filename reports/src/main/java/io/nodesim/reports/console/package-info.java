/** What a run prints on the terminal: the summary table and a progress bar that keeps quiet when piped. */
package io.nodesim.reports.console;
