package com.authservice.migrate.shell.view;

import java.nio.file.Path;
import java.util.List;

/** {@code init}: the new repository and its files; {@code pathGiven} when later commands need {@code --path}. */
public record RepositoryCreated(Path repository, List<Path> files, boolean pathGiven) {
}
