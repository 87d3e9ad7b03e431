#!/usr/bin/env bash
# Issue 27's goals for `verify`: the seed's migrations in at most 10 s and 200 generated migrations in at most
# 60 s, each measured end to end as a user runs it (bin/migrate: JVM start, the embedded server's start, every
# migration applied onto sample rows, undone, compared and applied again). The first run in a fresh folder also
# makes the initialised data folder that later runs copy (.migrate/verify-template): it is shown apart.
# Usage: bench/verify.sh [MIGRATIONS] [RUNS]
# BASELINE=/path/to/another/checkout also times that checkout's bin/migrate on the same repositories, runs
# alternating with this one's, so that both see the same machine (its load changes by the minute).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
count="${1:-200}"
runs="${2:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

# Seconds that "$@" takes, its output dropped; a verify that fails stops the benchmark.
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

median() {
  sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

# A repository of the changelog script and $count migrations: tables chained by foreign keys, columns added with
# defaults, indexes and a view now and then, each with its exact undo.
mkdir -p generated/scripts
cp "$root/migrations/scripts/20251001000000_create_changelog.sql" generated/scripts/
for i in $(seq 1 "$count"); do
  id=$(printf '2026010100%04d' "$i")
  parent=""
  if [ "$i" -gt 4 ]; then parent=", parent_id integer REFERENCES t$((i - 4)) (id)"; fi
  case $((i % 4)) in
    1) up="CREATE TABLE t$i (id serial PRIMARY KEY, name varchar(100) NOT NULL, created_at timestamptz DEFAULT now()$parent);"
       undo="DROP TABLE t$i;" ;;
    2) up="ALTER TABLE t$((i - 1)) ADD COLUMN score integer NOT NULL DEFAULT 0;"
       undo="ALTER TABLE t$((i - 1)) DROP COLUMN score;" ;;
    3) up="-- migrate:allow require-concurrent-index-creation
CREATE INDEX ix_t$((i - 2))_name ON t$((i - 2)) (name);"
       undo="DROP INDEX ix_t$((i - 2))_name;" ;;
    0) up="CREATE VIEW v$i AS SELECT id, name FROM t$((i - 3)) WHERE score > 0;"
       undo="DROP VIEW v$i;" ;;
  esac
  printf -- '-- // generated %s\n%s\n\n-- //@UNDO\n%s\n' "$i" "$up" "$undo" > "generated/scripts/${id}_generated_$i.sql"
done

migrate="$root/bin/migrate"
"$migrate" help >/dev/null   # builds the console when needed, outside the measurement
if [ -n "${BASELINE:-}" ]; then "$BASELINE/bin/migrate" help >/dev/null; fi

first=$(seconds "$migrate" --path "$root/migrations" verify)
echo "verify of the seed (3 migrations), first run in a fresh folder (initdb of the template): ${first} s"

# Prints the median seconds of $runs runs of "$@" with each console (this one, then the baseline's), alternating.
compare() {
  local mine=() theirs=()
  for _ in $(seq "$runs"); do
    mine+=("$(seconds "$migrate" "$@")")
    if [ -n "${BASELINE:-}" ]; then theirs+=("$(seconds "$BASELINE/bin/migrate" "$@")"); fi
  done
  printf '%s\n' "${mine[@]}" | median
  if [ -n "${BASELINE:-}" ]; then printf '%s\n' "${theirs[@]}" | median; fi
}

seed=($(compare --path "$root/migrations" verify))
many=($(compare --path generated verify --no-models))
echo "verify of the seed (3 migrations), median of $runs: ${seed[0]} s (goal: <= 10 s)${BASELINE:+; baseline ${seed[1]} s}"
echo "verify of $count generated migrations, median of $runs: ${many[0]} s (goal: <= 60 s)${BASELINE:+; baseline ${many[1]} s}"
