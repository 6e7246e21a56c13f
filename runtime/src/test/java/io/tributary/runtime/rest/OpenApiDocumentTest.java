package io.tributary.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes exactly the routes the server has, and its references resolve. */
class OpenApiDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRouteIsDescribedAndEveryDescribedOperationIsARoute() {
        Routes routes = new Routes(() -> null, new JsonShapes(JSON), new RequestBodies(JSON), "test", "test");
        Javalin.create(config -> routes.register(config.routes));

        assertThat(OpenApiDocument.signatures()).containsExactlyInAnyOrderElementsOf(routes.signatures());
    }

    @Test
    void everySchemaReferenceResolves() {
        JsonNode document = OpenApiDocument.build(JSON);
        List<String> references = new ArrayList<>();
        collectReferences(document, references);

        assertThat(references).isNotEmpty();
        for (String reference : references) {
            String name = reference.substring("#/components/schemas/".length());
            assertThat(document.path("components").path("schemas").has(name))
                    .as(reference)
                    .isTrue();
        }
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.has("$ref")) {
            references.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectReferences(child, references));
    }
}
