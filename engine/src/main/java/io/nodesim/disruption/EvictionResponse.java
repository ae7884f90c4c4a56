package io.nodesim.disruption;

/**
 * The answer of {@code POST pods/NAME/eviction}: 201 (the pod got its deletion timestamp), 404 (the
 * pod is gone), 429 (a budget allows no disruption now: retry later), 500 (more than one budget
 * selects the pod, which the eviction subresource refuses for good) or 503 (the API server is down).
 */
public record EvictionResponse(int code, String message) {
    public static final int EVICTED = 201;
    public static final int NOT_FOUND = 404;
    public static final int TOO_MANY_REQUESTS = 429;
    public static final int INTERNAL_ERROR = 500;
    public static final int UNAVAILABLE = 503;

    public boolean evicted() {
        return code == EVICTED;
    }
}
