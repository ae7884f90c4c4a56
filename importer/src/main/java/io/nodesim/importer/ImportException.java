package io.nodesim.importer;

/**
 * Bad import input: one message naming the file and where in it ({@code FILE:LINE:COLUMN}, or
 * {@code FILE#JSONPATH} when no position is known) and what is wrong. The CLI prints the message
 * alone and exits 2; nothing is written.
 */
public final class ImportException extends RuntimeException {
    public ImportException(String file, int line, int column, String problem) {
        super(file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": " + problem);
    }

    public ImportException(String file, String jsonPath, String problem) {
        super(file + (jsonPath == null || jsonPath.isEmpty() ? "" : "#" + jsonPath) + ": " + problem);
    }

    public ImportException(String message) {
        super(message);
    }
}
