package io.tributary.testkit;

/** A PostgreSQL {@link Database}, as {@link WithPostgres} provides. */
public interface PostgresDatabase extends Database {}
