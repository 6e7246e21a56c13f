package io.tributary.runtime.rest;

import io.tributary.sdk.errors.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The users who may call the REST API: a file of {@code user:hash} lines, the hash made by {@code tributary
 * hash-password}. Blank lines and lines starting with {@code #} are ignored. A line with a plain password is
 * refused, so that none is ever kept in clear.
 */
final class UsersFile {
    private final Map<String, String> hashes;
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
    private final byte[] cacheKey = new byte[32];
    private final Semaphore hashing =
            new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));

    private UsersFile(Map<String, String> hashes) {
        this.hashes = Map.copyOf(hashes);
        new SecureRandom().nextBytes(cacheKey);
    }

    static UsersFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("Cannot read the REST users file " + file + " (" + e + "); check "
                    + RestConfig.USERS_FILE + " and the file's permissions");
        }
        Map<String, String> hashes = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String user = colon > 0 ? line.substring(0, colon) : "";
            String hash = colon > 0 ? line.substring(colon + 1) : "";
            if (user.isEmpty() || !PasswordHashes.isHash(hash)) {
                problems.add("line " + (i + 1) + " is not user:hash with a hash made by 'tributary hash-password'");
            } else {
                hashes.put(user, hash);
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException("The REST users file " + file + " has problems", problems);
        }
        if (hashes.isEmpty()) {
            throw new ConfigException("The REST users file " + file + " lists no users; add user:hash lines made"
                    + " with 'tributary hash-password', or unset " + RestConfig.USERS_FILE);
        }
        return new UsersFile(hashes);
    }

    /**
     * Checks credentials. A hash costs about 0.15 s of CPU by design, so credentials once verified are
     * remembered, as a keyed digest that never leaves this process, and later requests with them cost
     * microseconds.
     */
    boolean accepts(String user, String password) {
        byte[] digest = digest(user, password);
        byte[] known = verified.get(user);
        if (known != null && MessageDigest.isEqual(known, digest)) {
            return true;
        }
        String hash = hashes.get(user);
        // Hashing is costly by design: bound how many run at once, so unknown callers cannot take every core.
        try {
            if (!hashing.tryAcquire(5, TimeUnit.SECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        boolean matches;
        try {
            // A missing user costs the same work as a wrong password, so timing does not tell which it was.
            matches = PasswordHashes.matches(password.toCharArray(), hash != null ? hash : Dummy.HASH);
        } finally {
            hashing.release();
        }
        if (hash != null && matches) {
            verified.put(user, digest);
            return true;
        }
        return false;
    }

    private byte[] digest(String user, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
            return mac.doFinal((user + '\0' + password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM lacks HmacSHA256, which every Java 17 JVM has", e);
        }
    }

    /** A hash to check against when the user is unknown; made once, when first needed. */
    private static final class Dummy {
        static final String HASH = PasswordHashes.hash("not a password".toCharArray());
    }
}
