package com.authservice.migrate.shell.image;

import com.authservice.domain.AuthModels;
import com.authservice.migrate.link.WatchedSockets;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What a native image of the console must keep that no static analysis sees: the packaged scripts and the
 * embedded PostgreSQL binaries, read as resources, and the model classes, whose annotated fields check and
 * autogenerate read by reflection.
 * Spring AOT writes these into the jar's reachability metadata, which the Native Image builder reads.
 */
public final class NativeImageHints implements RuntimeHintsRegistrar {

  @Override
  public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
    hints.resources().registerPattern("auth-migrations/**");
    // The embedded default database's server for glibc Linux (Intel and ARM): what the image's platform runs.
    hints.resources().registerPattern("postgres-linux-x86_64.txz").registerPattern("postgres-linux-arm_64.txz");
    // pgjdbc creates its socketFactory by name, with the String constructor: the dead-link watchdog's sockets.
    hints.reflection().registerType(WatchedSockets.class, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
    AuthModels.ALL.forEach(model -> hints.reflection().registerType(model, MemberCategory.ACCESS_DECLARED_FIELDS));
  }

  /** Whether this process runs as a native image rather than on a JVM (GraalVM sets this property). */
  public static boolean inImage() {
    return "runtime".equals(System.getProperty("org.graalvm.nativeimage.imagecode"));
  }
}
