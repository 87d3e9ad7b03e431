package com.authservice.migrate.autogenerate;

import java.nio.file.Path;
import java.util.Optional;

/** {@code new --autogenerate}: what was found, and the script written (none when nothing differs). */
public record GeneratedScript(Autogeneration autogeneration, Optional<Path> file) {
}
