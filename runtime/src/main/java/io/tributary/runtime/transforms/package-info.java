/**
 * The single message transformations and predicates the runtime ships, under Kafka Connect's class names,
 * settings and defaults ({@link io.tributary.runtime.transforms.BuiltInTransforms} maps Connect's names to
 * these classes), and {@link io.tributary.runtime.transforms.TransformationChain}, which reads a connector's
 * {@code transforms} and {@code predicates} settings and applies the configured chain to each record. Each
 * transformation works on data with a schema (structs) and without (maps), on source and sink records, and
 * caches the schemas it derives so records that share a schema share the derived one.
 */
package io.tributary.runtime.transforms;
