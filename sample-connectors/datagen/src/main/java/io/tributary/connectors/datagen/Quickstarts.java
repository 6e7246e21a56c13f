package io.tributary.connectors.datagen;

import io.tributary.sdk.data.Decimal;
import io.tributary.sdk.data.Schema;
import io.tributary.sdk.data.SchemaBuilder;
import io.tributary.sdk.data.Struct;
import io.tributary.sdk.data.Timestamp;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/** The ready-made kinds of record: flat structs, so that a JDBC sink writes them to a table as they are. */
final class Quickstarts {
    private static final List<String> CITIES = List.of("Lisbon", "Oslo", "Lyon", "Turin", "Ghent", "Porto", "Bergen");
    private static final List<String> REGIONS = List.of("Region_1", "Region_2", "Region_3", "Region_4");

    private Quickstarts() {}

    /** Orders: an id counting from 0, a time, an item, units and an amount with two decimals, a city. */
    static final class Orders implements Generator {
        private static final Schema VALUE = SchemaBuilder.struct()
                .name("io.tributary.datagen.Order")
                .field("orderid", Schema.INT64_SCHEMA)
                .field("ordertime", Timestamp.SCHEMA)
                .field("itemid", Schema.STRING_SCHEMA)
                .field("orderunits", Schema.INT32_SCHEMA)
                .field("amount", Decimal.schema(2))
                .field("city", Schema.STRING_SCHEMA)
                .build();

        @Override
        public Schema keySchema() {
            return Schema.INT64_SCHEMA;
        }

        @Override
        public Schema valueSchema() {
            return VALUE;
        }

        @Override
        public Object key(long number, Struct value) {
            return number;
        }

        @Override
        public Struct value(long number, SplittableRandom random) {
            int units = 1 + random.nextInt(9);
            return Struct.builder(VALUE)
                    .put("orderid", number)
                    .put("ordertime", Generator.time(number))
                    .put("itemid", "Item_" + random.nextInt(1000))
                    .put("orderunits", units)
                    .put("amount", BigDecimal.valueOf(units * (100 + random.nextInt(9900)), 2))
                    .put("city", Generator.pick(random, CITIES))
                    .build();
        }
    }

    /** Users: a user id counting from User_0, when they registered, a region and a gender. */
    static final class Users implements Generator {
        private static final Schema VALUE = SchemaBuilder.struct()
                .name("io.tributary.datagen.User")
                .field("userid", Schema.STRING_SCHEMA)
                .field("registertime", Timestamp.SCHEMA)
                .field("regionid", Schema.STRING_SCHEMA)
                .field("gender", Schema.STRING_SCHEMA)
                .build();

        @Override
        public Schema keySchema() {
            return Schema.STRING_SCHEMA;
        }

        @Override
        public Schema valueSchema() {
            return VALUE;
        }

        @Override
        public Object key(long number, Struct value) {
            return value.get("userid");
        }

        @Override
        public Struct value(long number, SplittableRandom random) {
            return Struct.builder(VALUE)
                    .put("userid", "User_" + number)
                    .put("registertime", Generator.time(number))
                    .put("regionid", Generator.pick(random, REGIONS))
                    .put("gender", Generator.pick(random, List.of("FEMALE", "MALE", "OTHER")))
                    .build();
        }
    }

    /** Page views: a view time, one of 100 users and one of 1000 pages. */
    static final class Pageviews implements Generator {
        private static final Schema VALUE = SchemaBuilder.struct()
                .name("io.tributary.datagen.Pageview")
                .field("viewtime", Timestamp.SCHEMA)
                .field("userid", Schema.STRING_SCHEMA)
                .field("pageid", Schema.STRING_SCHEMA)
                .build();

        @Override
        public Schema keySchema() {
            return Schema.STRING_SCHEMA;
        }

        @Override
        public Schema valueSchema() {
            return VALUE;
        }

        @Override
        public Object key(long number, Struct value) {
            return value.get("pageid");
        }

        @Override
        public Struct value(long number, SplittableRandom random) {
            return Struct.builder(VALUE)
                    .put("viewtime", Generator.time(number))
                    .put("userid", "User_" + random.nextInt(100))
                    .put("pageid", "Page_" + random.nextInt(1000))
                    .build();
        }
    }
}
