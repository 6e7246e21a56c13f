package io.tributary.runtime.control;

/**
 * One task's status.
 *
 * @param id the task's number
 * @param status its status
 */
public record TaskStatus(int id, ComponentStatus status) {}
