package io.tributary.runtime.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests Jetty refuses before they reach a route (an illegal path, a malformed header) in the
 * API's own error shape, {@code {"error_code", "message"}}, rather than an HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String reason = message == null || message.isBlank() ? "" : " (" + message + ")";
        String text = code >= 500
                ? "The worker's HTTP server failed" + reason + "; its log has the details"
                : "The request is malformed" + reason + "; check its path, query and headers";
        String body = JsonNodeFactory.instance
                .objectNode()
                .put("error_code", code)
                .put("message", text)
                .toString();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
