import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.settings.Password;
import java.nio.file.Path;

/**
 * bench/roundtrips.sh's timer: `up` with one migration pending, `up` with none and `status`, each through the link
 * (LINK_PORT) in a warm JVM, so a command's time is its round trips and the server's work, not the JVM's start-up.
 * One migration is undone on loopback (SERVER_PORT) before each `up`. Prints "command seconds" per timed run.
 * Usage: java -cp 'EXTRACTED_JAR/lib/*' SetUpTimes.java SERVER_PORT LINK_PORT DATABASE REPOSITORY WARM_UP RUNS
 */
public class SetUpTimes {
  public static void main(String[] args) {
    int serverPort = Integer.parseInt(args[0]);
    int linkPort = Integer.parseInt(args[1]);
    ScriptFolder scripts = ScriptFolder.at(Path.of(args[3]));
    Migrations direct = migrations(serverPort, args[2], scripts);
    Migrations acrossTheLink = migrations(linkPort, args[2], scripts);
    int warmUp = Integer.parseInt(args[4]);
    int runs = Integer.parseInt(args[5]);
    for (int i = 0; i < warmUp + runs; i++) {
      direct.down(Target.steps(1), RunListener.NONE);
      long t0 = System.nanoTime();
      acrossTheLink.up(Target.head(), RunListener.NONE);
      long t1 = System.nanoTime();
      acrossTheLink.up(Target.head(), RunListener.NONE);
      long t2 = System.nanoTime();
      acrossTheLink.status();
      long t3 = System.nanoTime();
      if (i >= warmUp) {
        System.out.printf("up-1 %.4f%nup-0 %.4f%nstatus %.4f%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
      }
    }
  }

  private static Migrations migrations(int port, String database, ScriptFolder scripts) {
    return new Migrations(new MigrationConfig(new ConnectionSettings("127.0.0.1", port, database, "postgres",
        new Password(""), "public", null), scripts));
  }
}
