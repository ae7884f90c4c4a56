/** What a run prints on the terminal: the summary table (the progress bar lives in the CLI). */
package io.nodesim.reports.console;
