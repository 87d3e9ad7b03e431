package com.authservice.migrate.fleet;

import com.authservice.migrate.definition.DefinitionFile;
import com.authservice.migrate.definition.DefinitionFile.Unusable;
import com.authservice.migrate.environment.Environment;
import com.authservice.migrate.environment.EnvironmentFile;
import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.settings.NamePattern;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Reads one {@code fleets/<name>.properties}: the server as an environment file gives it (host, port, database,
 * username, password_env, protected, ...: read by {@link EnvironmentFile}) and either {@code databases=<globs>}
 * or {@code schemas=<globs>}. A fleet of databases reads the list where {@code database} (or the URL) says,
 * {@code postgres} when neither does.
 */
final class FleetFile {

  private static final String LIST_DATABASE = "postgres";
  private static final Set<String> MEMBER_KEYS = Set.of("databases", "schemas");

  private FleetFile() {
  }

  static Fleet read(DefinitionFile file, Map<String, String> env, boolean protectedByDefault,
      List<String> warnings) {
    String name = file.name();
    String shown = file.shown();
    Properties raw = file.keys();
    String databases = raw.getProperty("databases");
    String schemas = raw.getProperty("schemas");
    if ((databases == null) == (schemas == null)) {
      throw new Unusable(shown + " needs either databases=<globs> or schemas=<globs> (for example "
          + "schemas=tenant_*), " + (databases == null ? "not neither" : "not both"));
    }
    Fleet.Kind kind = databases != null ? Fleet.Kind.DATABASES : Fleet.Kind.SCHEMAS;
    NamePattern members;
    try {
      members = NamePattern.parse(databases != null ? databases : schemas, shown + ": " + kind.word(),
          "tenant_*, customer_?");
    } catch (InvalidArgument e) {
      throw new Unusable(e.getMessage());
    }
    if (members.isEmpty()) {
      throw new Unusable(shown + ": " + kind.word() + " is empty; name the members with globs, e.g. tenant_*");
    }
    // The scripts' variables are development.properties': a fleet file holds none.
    Environment server = EnvironmentFile.read(file, env, protectedByDefault, warnings,
        new EnvironmentFile.Rules(MEMBER_KEYS, kind == Fleet.Kind.DATABASES ? LIST_DATABASE : null));
    return new Fleet(name, kind, members, server.connection(), server.isProtected());
  }
}
