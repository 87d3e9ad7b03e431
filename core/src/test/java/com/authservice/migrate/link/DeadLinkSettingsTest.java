package com.authservice.migrate.link;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.RunPolicy;
import com.authservice.migrate.Target;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.RunResult;
import com.authservice.migrate.run.Database;
import com.authservice.migrate.testing.FaultProxy;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** The run's session asks the server to probe its client, and the client's watchdog never cuts working statements. */
@ExtendWith(PostgresExtension.class)
class DeadLinkSettingsTest {

  @TempDir
  Path temp;

  @Test
  void theRunsSessionAsksTheServerToProbeItsClientInTheStartupPacket(TestDatabase db) throws Exception {
    List<String> settings = new ArrayList<>();
    try (Connection connection = new Database(db.settings()).open(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("""
            select name, setting, source from pg_settings
            where name in ('tcp_keepalives_idle', 'tcp_keepalives_interval', 'tcp_keepalives_count',
                           'client_connection_check_interval')
            order by name""")) {
      while (rows.next()) {
        settings.add(rows.getString(1) + "=" + rows.getString(2) + " from " + rows.getString(3));
      }
    }
    // "client": sent in the start-up packet, so no SET and no round trip of its own.
    assertThat(settings).containsExactly("client_connection_check_interval=1000 from client",
        "tcp_keepalives_count=3 from client", "tcp_keepalives_idle=10 from client",
        "tcp_keepalives_interval=3 from client");
  }

  @Test
  void aMigrationThatRunsLongerThanTheDetectionTimeIsNeverCut(TestDatabase db) {
    TestScripts scripts = TestScripts.withChangelogOnly(temp);
    scripts.write("20251101000000_slow.sql",
        "-- // slow\nCREATE TABLE slow (id int);\nSELECT pg_sleep(4);\n-- //@UNDO\nDROP TABLE slow;\n");
    try (FaultProxy proxy = FaultProxy.to(db.settings())) {
      Migrations migrations = new Migrations(new MigrationConfig(proxy.settings(db.settings()), scripts.folder())
          .with(RunPolicy.DEFAULT.withDeadLink(new DeadLink(Duration.ofSeconds(1)))));
      RunResult result = migrations.up(Target.head(), RunListener.NONE);
      assertThat(result.migrations()).hasSize(2);
    }
    assertThat(db.tables()).contains("slow");
  }
}
