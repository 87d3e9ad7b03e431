package com.authservice.migrate.hook;

import com.authservice.migrate.errors.InvalidArgument;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code hook_*} values of an environment file, read as MyBatis Migrations 3.5.0 reads them. */
class HookSettingTest {

  private static final String WHERE = "environments/development.properties";

  @Test
  void anSqlHookNamesItsFileAndItsOwnVariables() {
    HookSetting setting = HookSetting.parse("hook_after_up", "SQL:stamp.sql:col=after:ignored:what=up", WHERE);

    assertThat(setting.fileName()).isEqualTo("stamp.sql");
    assertThat(setting.variables()).isEqualTo(Map.of("col", "after", "what", "up"));
    assertThat(setting.shown()).isEqualTo("hook_after_up (hooks/stamp.sql)");
  }

  @Test
  void aValueWithoutLanguageAndFileIsRefusedWithTheSyntax() {
    assertThatThrownBy(() -> HookSetting.parse("hook_before_up", "log.sql", WHERE))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage(WHERE + ": hook_before_up=log.sql: a hook is sql:<file in hooks/>[:name=value...], for example "
            + "sql:log_run.sql:what=up");
  }

  @Test
  void aFileOutsideTheHooksFolderIsRefused() {
    assertThatThrownBy(() -> HookSetting.parse("hook_before_up", "sql:../secrets.sql", WHERE))
        .hasMessageContaining("the hook's file must be a plain name inside hooks/");
    assertThatThrownBy(() -> HookSetting.parse("hook_before_up", "sql:/etc/passwd", WHERE))
        .hasMessageContaining("the hook's file must be a plain name inside hooks/");
  }

  @Test
  void aGroovyHookIsRefusedNamingItsLanguage() {
    assertThatThrownBy(() -> HookSetting.parse("hook_after_up", "groovy:notify.groovy", WHERE))
        .hasMessageContaining("hook_after_up=groovy:notify.groovy is a groovy (JSR-223) hook, which this console "
            + "does not run");
  }

  @Test
  void newAndScriptHooksAreRefusedForTheyAreJavaScriptOnlyInMyBatis() {
    assertThatThrownBy(() -> HookSetting.parse("hook_before_new", "js:new.js", WHERE))
        .hasMessage(WHERE + ": hook_before_new=js:new.js is a MyBatis new hook (JSR-223 scripts only), which this "
            + "console does not run: remove it, or run that command with MyBatis' own migrate command");
  }
}
