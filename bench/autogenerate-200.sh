#!/usr/bin/env bash
# Issue 6's benchmark: compare-and-render time of autogenerate for a 200-table model set against an
# empty database (target: under 1 second). Usage: bench/autogenerate-200.sh [TABLES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests -pl core -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/core/target/bench.classpath" >/dev/null
java -cp "core/target/test-classes:core/target/classes:$(cat core/target/bench.classpath)" \
  com.authservice.migrate.bench.AutogenerateBenchmark "${1:-200}" "${2:-15}"
