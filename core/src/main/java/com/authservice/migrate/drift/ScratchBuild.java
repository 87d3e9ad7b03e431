package com.authservice.migrate.drift;

import com.authservice.migrate.result.MigrationId;
import com.authservice.migrate.snapshot.SchemaSnapshot;
import java.util.Set;

/**
 * The schema that exactly the migrations {@code ids} produce, built by running them, oldest first, on an empty
 * scratch database with the console's own runner (so as {@code up} would run them on a real one), then read from
 * pg_catalog. The facade ({@code Migrations}) provides it, so this package needs no runner of its own.
 */
@FunctionalInterface
public interface ScratchBuild {

  SchemaSnapshot of(Set<MigrationId> ids);
}
