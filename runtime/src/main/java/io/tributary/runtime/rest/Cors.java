package io.tributary.runtime.rest;

import io.javalin.http.Context;
import java.util.List;

/**
 * Cross-origin requests, off unless {@code access.control.allow.origin} names origins: allowed origins get
 * the CORS headers and their preflight requests an answer; others get no CORS headers, so browsers refuse.
 */
final class Cors {
    private final List<String> origins;
    private final String methods;

    Cors(List<String> origins, List<String> methods) {
        this.origins = List.copyOf(origins);
        this.methods = String.join(",", methods);
    }

    boolean enabled() {
        return !origins.isEmpty();
    }

    void apply(Context ctx) {
        String origin = ctx.header("Origin");
        if (!enabled() || origin == null) {
            return;
        }
        if (origins.contains("*")) {
            ctx.header("Access-Control-Allow-Origin", "*");
        } else if (origins.contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Vary", "Origin");
        }
    }

    void preflight(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && (origins.contains("*") || origins.contains(origin))) {
            ctx.header("Access-Control-Allow-Methods", methods);
            String headers = ctx.header("Access-Control-Request-Headers");
            ctx.header("Access-Control-Allow-Headers", headers != null ? headers : "Content-Type,Authorization");
            ctx.header("Access-Control-Max-Age", "1800");
        }
        ctx.status(204);
    }
}
