package io.tributary.runtime.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.converter.Converter;
import io.tributary.sdk.converter.HeaderConverter;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class BuiltInConvertersTest {
    private static final List<Class<?>> KEY_AND_VALUE_CONVERTERS = List.of(
            JsonConverter.class,
            StringConverter.class,
            ByteArrayConverter.class,
            IntegerConverter.class,
            LongConverter.class,
            ShortConverter.class,
            FloatConverter.class,
            DoubleConverter.class,
            BooleanConverter.class);

    @Test
    void mapsConnectsClassNamesToTributarysConverters() {
        assertThat(BuiltInConverters.aliases())
                .containsEntry("org.apache.kafka.connect.json.JsonConverter", JsonConverter.class)
                .containsEntry("org.apache.kafka.connect.storage.StringConverter", StringConverter.class)
                .containsEntry("org.apache.kafka.connect.converters.ByteArrayConverter", ByteArrayConverter.class)
                .containsEntry("org.apache.kafka.connect.converters.IntegerConverter", IntegerConverter.class)
                .containsEntry("org.apache.kafka.connect.converters.LongConverter", LongConverter.class)
                .containsEntry("org.apache.kafka.connect.converters.ShortConverter", ShortConverter.class)
                .containsEntry("org.apache.kafka.connect.converters.FloatConverter", FloatConverter.class)
                .containsEntry("org.apache.kafka.connect.converters.DoubleConverter", DoubleConverter.class)
                .containsEntry("org.apache.kafka.connect.converters.BooleanConverter", BooleanConverter.class)
                .containsEntry("org.apache.kafka.connect.storage.SimpleHeaderConverter", SimpleHeaderConverter.class);
    }

    @Test
    void mapsConnectsShortAliases() {
        assertThat(BuiltInConverters.aliases())
                .containsEntry("JsonConverter", JsonConverter.class)
                .containsEntry("Json", JsonConverter.class)
                .containsEntry("String", StringConverter.class)
                .containsEntry("ByteArray", ByteArrayConverter.class)
                .containsEntry("Integer", IntegerConverter.class)
                .containsEntry("BooleanConverter", BooleanConverter.class)
                .containsEntry("SimpleHeaderConverter", SimpleHeaderConverter.class)
                .containsEntry("Simple", SimpleHeaderConverter.class)
                .hasSize(30);
    }

    @Test
    void everyAliasNamesAConverterOfTheRightKind() {
        BuiltInConverters.aliases()
                .forEach((alias, converter) -> assertThat(Converter.class.isAssignableFrom(converter)
                                || HeaderConverter.class.isAssignableFrom(converter))
                        .as(alias)
                        .isTrue());
    }

    @Test
    void registersKeyAndValueConvertersAsServices() {
        List<Class<?>> found = registered(Converter.class);

        assertThat(found).containsExactlyInAnyOrderElementsOf(KEY_AND_VALUE_CONVERTERS);
    }

    @Test
    void registersEveryConverterAsAHeaderConverterAsConnectDoes() {
        List<Class<?>> found = registered(HeaderConverter.class);

        assertThat(found)
                .containsAll(KEY_AND_VALUE_CONVERTERS)
                .contains(SimpleHeaderConverter.class)
                .hasSize(KEY_AND_VALUE_CONVERTERS.size() + 1);
    }

    private static List<Class<?>> registered(Class<?> service) {
        List<Class<?>> found = new ArrayList<>();
        for (ServiceLoader.Provider<?> provider :
                ServiceLoader.load(service).stream().toList()) {
            if (provider.type().getPackageName().equals("io.tributary.runtime.convert")) {
                found.add(provider.type());
            }
        }
        return found;
    }
}
