package com.authservice.migrate.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChecksumTest {

  @Test
  void lineEndingsAndAByteOrderMarkDoNotChangeTheChecksum() {
    String unix = "create table a (id int);\n-- //@UNDO\ndrop table a;\n";

    assertThat(Checksum.of(unix.replace("\n", "\r\n"))).isEqualTo(Checksum.of(unix));
    assertThat(Checksum.of("\uFEFF" + unix)).isEqualTo(Checksum.of(unix));
  }

  @Test
  void anyOtherEditChangesIt() {
    String script = "create table a (id int);\n";

    assertThat(Checksum.of(script.replace("int", "bigint"))).isNotEqualTo(Checksum.of(script));
    assertThat(Checksum.of(script + " ")).isNotEqualTo(Checksum.of(script));
    assertThat(Checksum.of(script)).hasSize(64);
  }

  @Test
  void aFilesChecksumIsTheChecksumOfItsTextWhateverItsBytesHold() throws Exception {
    String unix = "create table a (id int);\n-- //@UNDO\ndrop table a;\n";
    // One the PostgreSQL regression suite holds: non-ASCII text, a tab, a dollar-quoted body.
    String accented = "comment on table a is 'café ☕';\n\tselect $$ naïve $$;\n";
    for (String text : List.of(unix, unix.replace("\n", "\r\n"), "\uFEFF" + unix, accented, accented.replace("\n", "\r"), "")) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

      assertThat(Checksum.ofFile(bytes, b -> new String(b, StandardCharsets.UTF_8))).as(text)
          .isEqualTo(Checksum.of(text));
    }
  }

  @Test
  void aFileThatIsNotPlainAsciiIsDecodedSoThatWhatIsNotUtf8IsRefused() {
    byte[] latin1 = "select 'caf\u00e9';\n".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> Checksum.ofFile(latin1, bytes -> {
      throw new IllegalArgumentException("not UTF-8");
    })).hasMessage("not UTF-8");
  }
}
