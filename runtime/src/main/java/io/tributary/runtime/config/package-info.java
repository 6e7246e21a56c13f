/**
 * Config providers and the resolution of {@code ${alias:path:key}} references in connector configurations.
 * The worker names its providers in {@code config.providers}, gives each a class in {@code
 * config.providers.<alias>.class} and settings in {@code config.providers.<alias>.param.*}; {@link
 * io.tributary.runtime.config.ConfigResolver} makes and configures them and replaces references with the values
 * they find. Three providers are built in, under Kafka Connect's class names as well ({@link
 * io.tributary.runtime.config.BuiltInConfigProviders}): properties files, environment variables, and directories
 * of one-file-per-secret. {@link io.tributary.runtime.config.Redactor} hides passwords and resolved values
 * wherever a configuration is logged or shown.
 */
package io.tributary.runtime.config;
