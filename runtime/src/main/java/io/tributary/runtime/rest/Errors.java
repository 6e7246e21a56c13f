package io.tributary.runtime.rest;

import io.javalin.http.Context;
import io.tributary.runtime.control.ControlException.Reason;

/** HTTP statuses of refusals, and messages for the errors the HTTP layer itself raises. */
final class Errors {
    private Errors() {}

    static int status(Reason reason) {
        return switch (reason) {
            case BAD_REQUEST -> 400;
            case NOT_FOUND -> 404;
            case ALREADY_EXISTS, CONFLICT -> 409;
            case UNAVAILABLE -> 503;
        };
    }

    static String httpMessage(int status, Context ctx, long maxRequestBytes) {
        return switch (status) {
            case 400 -> "The request is malformed; check its path, parameters and body";
            case 401 -> "This worker needs HTTP basic credentials; send a user and password from its users file";
            case 404 ->
                "No endpoint " + ctx.method() + " " + ctx.path()
                        + "; the runtime's README lists the endpoints, and GET /openapi.json describes them";
            case 405 ->
                "Method " + ctx.method() + " is not allowed on " + ctx.path()
                        + "; GET /openapi.json lists the methods each path takes";
            case 413 ->
                "The request body is larger than " + maxRequestBytes + " bytes, the most this worker accepts"
                        + " (rest.request.max.bytes)";
            case 415 -> "Send the body as JSON, with the header Content-Type: application/json";
            default -> "HTTP " + status;
        };
    }
}
