package com.authservice.migrate.autogenerate;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code new --autogenerate}: what was found, and the script written (none when nothing differs).
 *
 * @param concurrentFile the second script, run without a transaction, when the changes need one
 */
public record GeneratedScript(Autogeneration autogeneration, Optional<Path> file, Optional<Path> concurrentFile) {
}
