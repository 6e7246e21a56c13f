package io.tributary.connectors.datagen;

import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.Struct;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Makes the record of a given number, always the same one for the same number and seed: a record depends
 * on nothing else, so a task that resumes at number n goes on with exactly the records it would have made.
 */
interface Generator {
    /** Timestamps start here and move a second a record, so they are deterministic too. */
    Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    Schema keySchema();

    Schema valueSchema();

    Object key(long number, Struct value);

    Struct value(long number, SplittableRandom random);

    /** The random values of record {@code number}: a stream of its own, from the seed and the number. */
    static SplittableRandom random(long seed, long number) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + number);
    }

    static Instant time(long number) {
        return EPOCH.plus(Duration.ofSeconds(number));
    }

    static String pick(SplittableRandom random, List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    static Generator of(String quickstart) {
        return switch (quickstart.toLowerCase(Locale.ROOT)) {
            case "orders" -> new Quickstarts.Orders();
            case "users" -> new Quickstarts.Users();
            case "pageviews" -> new Quickstarts.Pageviews();
            default -> throw new IllegalArgumentException("Unknown quickstart " + quickstart);
        };
    }
}
