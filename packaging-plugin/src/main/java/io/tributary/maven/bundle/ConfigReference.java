package io.tributary.maven.bundle;

import java.util.List;

/** Renders the settings of a bundle's plugin classes as Markdown, one table a class. */
final class ConfigReference {
    private ConfigReference() {}

    /**
     * @param title the bundle's title
     * @param components its plugin classes
     * @return the reference, in Markdown
     */
    static String render(String title, List<Component> components) {
        StringBuilder text = new StringBuilder("# ").append(title).append(": configuration reference\n");
        for (Component component : components) {
            text.append("\n## `").append(component.className()).append("`\n\n");
            text.append(component.kind().replace('_', ' '));
            if (!component.version().isEmpty()) {
                text.append(", version ").append(component.version());
            }
            text.append("\n\n");
            if (component.settings().isEmpty()) {
                text.append("It takes no settings.\n");
                continue;
            }
            text.append("| setting | type | default | importance | description |\n");
            text.append("| --- | --- | --- | --- | --- |\n");
            for (Component.Setting setting : component.settings()) {
                text.append("| `")
                        .append(setting.name())
                        .append("` | ")
                        .append(setting.type().toLowerCase(java.util.Locale.ROOT))
                        .append(" | ")
                        .append(setting.required() ? "(required)" : "`" + cell(setting.defaultValue()) + "`")
                        .append(" | ")
                        .append(setting.importance().toLowerCase(java.util.Locale.ROOT))
                        .append(" | ")
                        .append(cell(setting.documentation()))
                        .append(" |\n");
            }
        }
        return text.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
