package io.tributary.runtime.control;

import java.util.List;

/**
 * Every setting of a connector configuration, checked, with every problem found.
 *
 * @param name the connector class that was validated
 * @param errorCount how many settings have problems
 * @param groups the groups the settings belong to, in the order the definitions list them
 * @param configs each setting, common ones first
 */
public record ValidationReport(String name, int errorCount, List<String> groups, List<SettingReport> configs) {
    /** Copies the lists. */
    public ValidationReport {
        groups = List.copyOf(groups);
        configs = List.copyOf(configs);
    }
}
