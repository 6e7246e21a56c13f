package io.tributary.runtime.operations;

import io.tributary.runtime.control.ControlException;
import io.tributary.runtime.control.ControlException.Reason;
import io.tributary.runtime.control.LoggerLevel;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;

/**
 * Reads and sets logger levels at run time, when Log4j 2 is the logging backend, as it is for the {@code
 * tributary} command. A level set here lasts until the worker stops. Thread-safe.
 */
public final class LogLevels {
    /** The name the API gives the root logger. */
    public static final String ROOT = "root";

    private static final boolean LOG4J_CORE = log4jCorePresent();

    private final Clock clock;
    private final Map<String, Long> lastModified = new ConcurrentHashMap<>();

    /** @param clock tells when a level was set */
    public LogLevels(Clock clock) {
        this.clock = clock;
    }

    /** @return the level of the root logger and of every logger whose level is set, by name */
    public Map<String, LoggerLevel> all() {
        LoggerContext context = context();
        Map<String, LoggerLevel> levels = new TreeMap<>();
        levels.put(ROOT, levelOf(ROOT, context.getRootLogger()));
        for (LoggerConfig configured : context.getConfiguration().getLoggers().values()) {
            String name = configured.getName();
            if (!name.isEmpty() && configured.getLevel() != null) {
                levels.put(name, new LoggerLevel(configured.getLevel().name(), lastModified.get(name)));
            }
        }
        return levels;
    }

    /**
     * @param name a logger's name, or {@value #ROOT}
     * @return its level, set or inherited
     * @throws ControlException NOT_FOUND if no logger of that name is in use
     */
    public LoggerLevel level(String name) {
        LoggerContext context = context();
        if (ROOT.equalsIgnoreCase(name)) {
            return levelOf(ROOT, context.getRootLogger());
        }
        if (!context.hasLogger(name) && !context.getConfiguration().getLoggers().containsKey(name)) {
            throw ControlException.notFound("Logger " + name + " not found.");
        }
        return levelOf(name, context.getLogger(name));
    }

    /**
     * Sets the level of a logger and of every logger below it.
     *
     * @param name a logger's name, or {@value #ROOT} for every logger
     * @param level a Log4j level: OFF, FATAL, ERROR, WARN, INFO, DEBUG, TRACE or ALL, in any case
     * @return the loggers whose level was set, sorted
     * @throws ControlException BAD_REQUEST if the level is not one of those
     */
    public List<String> set(String name, String level) {
        Level parsed = level == null ? null : Level.getLevel(level.trim().toUpperCase(Locale.ROOT));
        if (parsed == null) {
            throw ControlException.badRequest(
                    "Invalid log level '" + level + "'; use one of OFF, FATAL, ERROR, WARN, INFO, DEBUG, TRACE or ALL");
        }
        LoggerContext context = context();
        Set<String> affected = new TreeSet<>();
        if (ROOT.equalsIgnoreCase(name)) {
            affected.add(ROOT);
            context.getLoggers().forEach(logger -> affected.add(logger.getName()));
            affected.remove("");
            Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, parsed);
        } else {
            affected.add(name);
            for (Logger logger : context.getLoggers()) {
                if (logger.getName().startsWith(name + ".")) {
                    affected.add(logger.getName());
                }
            }
            Configurator.setAllLevels(name, parsed);
        }
        long now = clock.millis();
        affected.forEach(logger -> lastModified.put(logger, now));
        return List.copyOf(affected);
    }

    private LoggerLevel levelOf(String name, Logger logger) {
        return new LoggerLevel(logger.getLevel().name(), lastModified.get(name));
    }

    private static LoggerContext context() {
        if (LOG4J_CORE && LogManager.getContext(false) instanceof LoggerContext context) {
            return context;
        }
        throw new ControlException(
                Reason.BAD_REQUEST,
                "Logger levels can be read and set only when Log4j 2 is the logging backend, as it is for the"
                        + " tributary command; this worker is embedded with another backend, so use that backend's"
                        + " own configuration");
    }

    private static boolean log4jCorePresent() {
        try {
            Class.forName("org.apache.logging.log4j.core.LoggerContext", false, LogLevels.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
