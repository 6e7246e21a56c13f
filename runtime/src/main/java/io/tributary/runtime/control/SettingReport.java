package io.tributary.runtime.control;

import io.tributary.sdk.config.ConfigKey;
import io.tributary.sdk.config.ConfigValue;

/**
 * One setting of a validated configuration: how it is defined and what was found.
 *
 * @param definition the setting's definition
 * @param value its value and problems; a password's value never shows the secret
 */
public record SettingReport(ConfigKey definition, ConfigValue value) {}
