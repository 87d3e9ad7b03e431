import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * What `flyway migrate` and `flyway info` do, through Flyway's API: flyway-commandline 13.12.2's Main needs
 * modules Maven Central does not serve. Usage: FlywayCli migrate|info JDBC_URL USER LOCATION
 */
public final class FlywayCli {
  public static void main(String[] args) {
    Flyway flyway = Flyway.configure().dataSource(args[1], args[2], "").locations(args[3]).load();
    if (args[0].equals("migrate")) {
      System.out.println("applied " + flyway.migrate().migrationsExecuted);
    } else {
      for (MigrationInfo info : flyway.info().all()) {
        System.out.println(info.getVersion() + " " + info.getDescription() + " " + info.getState().getDisplayName());
      }
    }
  }
}
