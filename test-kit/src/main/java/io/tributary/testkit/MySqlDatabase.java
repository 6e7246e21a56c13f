package io.tributary.testkit;

/** A MySQL or MariaDB {@link Database}, as {@link WithMySql} provides. */
public interface MySqlDatabase extends Database {}
