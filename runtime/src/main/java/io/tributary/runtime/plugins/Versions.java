package io.tributary.runtime.plugins;

import io.tributary.sdk.plugin.Versioned;
import java.math.BigInteger;
import java.util.Comparator;

/**
 * Orders plugin versions such as {@code 1.10.0}, {@code 1.9.2} and {@code 2.0.0-SNAPSHOT} the way people
 * read them: numeric parts as numbers, and a qualifier after the last number ({@code -SNAPSHOT}, {@code
 * -rc1}) before the release it leads to. {@value Versioned#UNKNOWN_VERSION} comes before every version.
 */
final class Versions {

    /** Lowest first. */
    static final Comparator<String> ORDER = Versions::compare;

    private Versions() {}

    static int compare(String left, String right) {
        boolean leftUnknown = isUnknown(left);
        boolean rightUnknown = isUnknown(right);
        if (leftUnknown || rightUnknown) {
            return Boolean.compare(rightUnknown, leftUnknown);
        }
        String[] leftParts = left.trim().split("[.\\-_+]");
        String[] rightParts = right.trim().split("[.\\-_+]");
        int common = Math.min(leftParts.length, rightParts.length);
        for (int i = 0; i < common; i++) {
            int order = compareParts(leftParts[i], rightParts[i]);
            if (order != 0) {
                return order;
            }
        }
        if (leftParts.length == rightParts.length) {
            return 0;
        }
        // 1.0.1 is after 1.0, but 1.0-SNAPSHOT is before it.
        boolean leftLonger = leftParts.length > rightParts.length;
        String next = leftLonger ? leftParts[common] : rightParts[common];
        int longerIsLater = isNumber(next) ? 1 : -1;
        return leftLonger ? longerIsLater : -longerIsLater;
    }

    private static int compareParts(String left, String right) {
        boolean leftNumber = isNumber(left);
        boolean rightNumber = isNumber(right);
        if (leftNumber && rightNumber) {
            return new BigInteger(left).compareTo(new BigInteger(right));
        }
        if (leftNumber != rightNumber) {
            // 1.0.1 is after 1.0.beta
            return leftNumber ? 1 : -1;
        }
        return left.compareToIgnoreCase(right);
    }

    private static boolean isNumber(String part) {
        return !part.isEmpty() && part.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean isUnknown(String version) {
        return version == null || version.isBlank() || Versioned.UNKNOWN_VERSION.equals(version);
    }
}
