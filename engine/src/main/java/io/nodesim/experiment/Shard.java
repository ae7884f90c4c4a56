package io.nodesim.experiment;

/**
 * One of {@code count} shards of a sweep ({@code --shard I/N}): task t belongs to shard t mod N.
 * Round-robin rather than contiguous ranges, so every shard gets points of every kind (a sweep's
 * expensive points tend to sit together) and the shards finish at about the same time.
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("--shard takes I/N with 0 <= I < N, got " + index + "/" + count);
        }
    }

    /** Parses {@code I/N}. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below, with the expected form
        }
        throw new IllegalArgumentException("--shard takes I/N (shard I of N, 0 <= I < N), got \"" + text + "\"");
    }

    public boolean holds(int task) {
        return task % count == index;
    }

    /** How many of {@code tasks} tasks belong to this shard. */
    public int taskCount(int tasks) {
        return tasks <= index ? 0 : (tasks - index - 1) / count + 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
