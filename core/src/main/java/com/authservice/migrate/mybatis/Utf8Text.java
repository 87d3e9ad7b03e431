package com.authservice.migrate.mybatis;

import com.authservice.migrate.errors.MalformedScript;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A script's bytes as UTF-8 text, or a refusal that says where the first byte that is not UTF-8 sits. */
public final class Utf8Text {

  private Utf8Text() {
  }

  public static String decode(String fileName, byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    // UTF-8 never needs more chars than bytes.
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      throw new MalformedScript(fileName, String.format("it is not UTF-8: byte offset %d (line %d) holds 0x%02X; "
          + "save the file as UTF-8", offset, line(bytes, offset), bytes[offset] & 0xFF));
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  private static int line(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
