-- // Bootstrap

-- Not a migration: it is never run by up, never recorded in the changelog, and has no undo.
-- For a database that existed before migrations: put the DDL of its current schema here, then run
-- `migrate bootstrap` once, before the first migration (it refuses once the changelog table exists).
-- New projects do not need it. Variables such as ${changelog} are replaced as in migrations.
