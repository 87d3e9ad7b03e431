# generate_repo DIR N: a MyBatis repository with the changelog bootstrap and N tiny migrations
# (each: create a table and an index), the workload of the comparison figures in shared/NOTES.md.
generate_repo() {
  local dir=$1 n=$2
  mkdir -p "$dir/scripts"
  cat > "$dir/scripts/20000101000000_create_changelog.sql" <<'SQL'
-- // create changelog
CREATE TABLE changelog (ID NUMERIC(20,0) NOT NULL, APPLIED_AT VARCHAR(25) NOT NULL, DESCRIPTION VARCHAR(255) NOT NULL);
ALTER TABLE changelog ADD CONSTRAINT PK_changelog PRIMARY KEY (id);
-- //@UNDO
DROP TABLE changelog;
SQL
  awk -v n="$n" -v dir="$dir/scripts" 'BEGIN {
    for (i = 1; i <= n; i++) {
      id = sprintf("2001%010d", i)
      f = dir "/" id "_bench_table_" i ".sql"
      printf "-- // bench table %d\nCREATE TABLE bench_%d (id BIGINT PRIMARY KEY, name TEXT NOT NULL);\nCREATE INDEX ix_bench_%d_name ON bench_%d (name);\n-- //@UNDO\nDROP TABLE bench_%d;\n", i, i, i, i, i > f
      close(f)
    }
  }'
}

# psql_equivalent DIR N: the same work as plain SQL for psql, one transaction per migration plus the
# bookkeeping insert, as the baseline was measured.
psql_equivalent() {
  local dir=$1 n=$2
  {
    echo "BEGIN;"
    echo "CREATE TABLE changelog (ID NUMERIC(20,0) NOT NULL, APPLIED_AT VARCHAR(25) NOT NULL, DESCRIPTION VARCHAR(255) NOT NULL);"
    echo "ALTER TABLE changelog ADD CONSTRAINT PK_changelog PRIMARY KEY (id);"
    echo "INSERT INTO changelog VALUES (20000101000000, to_char(now(), 'YYYY-MM-DD HH24:MI:SS'), 'create changelog');"
    echo "COMMIT;"
    awk -v n="$n" 'BEGIN { for (i = 1; i <= n; i++) {
      printf "BEGIN;\nCREATE TABLE bench_%d (id BIGINT PRIMARY KEY, name TEXT NOT NULL);\nCREATE INDEX ix_bench_%d_name ON bench_%d (name);\nINSERT INTO changelog VALUES (2001%010d, to_char(now(), %cYYYY-MM-DD HH24:MI:SS%c), %cbench table %d%c);\nCOMMIT;\n", i, i, i, i, 39, 39, 39, i, 39 } }'
  } > "$dir/psql-equivalent.sql"
}
