/**
 * A schema read exactly from pg_catalog ({@link com.authservice.migrate.snapshot.SchemaSnapshot}), rendered as
 * sorted lines of SQL and compared object by object. {@code verify} compares one before a migration and after its
 * undo; the schema file and drift check compare a database with what its migrations produce.
 */
package com.authservice.migrate.snapshot;
