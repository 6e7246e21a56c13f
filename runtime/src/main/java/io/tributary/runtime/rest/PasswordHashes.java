package io.tributary.runtime.rest;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes for the REST API's users file: PBKDF2 with HMAC-SHA256, a random 16-byte salt and 600,000
 * iterations (OWASP's 2023 figure), written {@code pbkdf2-sha256:<iterations>:<salt>:<hash>} in Base64. Plain
 * passwords are never stored.
 */
public final class PasswordHashes {
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHashes() {}

    /**
     * @param password a password
     * @return its hash, with a fresh salt
     */
    public static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return hash(password, salt, ITERATIONS);
    }

    static String hash(char[] password, byte[] salt, int iterations) {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return SCHEME + ":" + iterations + ":" + base64.encodeToString(salt) + ":"
                + base64.encodeToString(derive(password, salt, iterations));
    }

    /**
     * @param password a password as given
     * @param stored a hash made by {@link #hash(char[])}
     * @return whether the password is the one hashed; false for a malformed hash
     */
    public static boolean matches(char[] password, String stored) {
        String[] parts = stored.split(":");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * @param stored a string from a users file
     * @return whether it is in the hash format, rather than, say, a plain password
     */
    public static boolean isHash(String stored) {
        String[] parts = stored.split(":");
        return parts.length == 4 && parts[0].equals(SCHEME) && parts[1].matches("[1-9][0-9]{3,8}");
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM lacks PBKDF2WithHmacSHA256, which every Java 17 JVM has", e);
        } finally {
            spec.clearPassword();
        }
    }
}
