/**
 * Configuration of plugins: {@link io.tributary.sdk.config.ConfigDef} defines the settings with
 * {@link io.tributary.sdk.config.ConfigKey}s (type, default, {@link io.tributary.sdk.config.Validator},
 * documentation, group), parses raw settings into a typed {@link io.tributary.sdk.config.ParsedConfig},
 * and validates a configuration into a {@link io.tributary.sdk.config.ConfigValidation} that holds
 * every setting's problems at once. Passwords are {@link io.tributary.sdk.config.Password}s, which
 * never show their value.
 */
@Stable
package io.tributary.sdk.config;

import io.tributary.sdk.annotation.Stable;
