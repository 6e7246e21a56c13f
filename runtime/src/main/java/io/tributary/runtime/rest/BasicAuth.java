package io.tributary.runtime.rest;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP basic authentication against the users file: a request without valid credentials gets 401. */
final class BasicAuth {
    private BasicAuth() {}

    static void require(Context ctx, UsersFile users) {
        String header = ctx.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(
                        Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = "";
            }
            int colon = decoded.indexOf(':');
            if (colon > 0 && users.accepts(decoded.substring(0, colon), decoded.substring(colon + 1))) {
                return;
            }
        }
        ctx.header("WWW-Authenticate", "Basic realm=\"tributary\", charset=\"UTF-8\"");
        throw new HttpResponseException(401, "unauthorized");
    }
}
