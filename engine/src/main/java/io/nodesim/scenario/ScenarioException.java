package io.nodesim.scenario;

/**
 * Bad scenario input: one clear message that names the file, line, column and field path and says
 * what is allowed. The CLI prints {@link #getMessage()} alone (no stack trace) and exits 2.
 */
public final class ScenarioException extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;
    private final String path;
    private final String problem;

    public ScenarioException(String file, int line, int column, String path, String problem) {
        super(format(file, line, column, path, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.path = path;
        this.problem = problem;
    }

    private static String format(String file, int line, int column, String path, String problem) {
        StringBuilder b = new StringBuilder(file == null ? "<scenario>" : file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        b.append(": ");
        if (path != null && !path.isEmpty()) {
            b.append(path).append(": ");
        }
        return b.append(problem).toString();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }
}
