# The MyBatis `migrate` CLI 3.5.0, for figures side by side with it (sourced, not run). The bundle is downloaded
# from Maven Central into bench/.work/ on first use (not committed).
MYBATIS_CLI=bench/.work/mybatis-migrations-3.5.0/bin/migrate

mybatis_cli() {
  if [ ! -x "$MYBATIS_CLI" ]; then
    mkdir -p bench/.work
    curl -sfL -o bench/.work/mybatis-bundle.zip \
      https://repo.maven.apache.org/maven2/org/mybatis/mybatis-migrations/3.5.0/mybatis-migrations-3.5.0-bundle.zip
    (cd bench/.work && unzip -qo mybatis-bundle.zip) && chmod +x "$MYBATIS_CLI"
  fi
}

# mybatis_drivers REPO: the PostgreSQL driver in REPO/drivers/, where the CLI looks for it.
mybatis_drivers() {
  mkdir -p "$1/drivers"
  ./mvnw -q -B dependency:copy -Dartifact=org.postgresql:postgresql:42.7.14 -DoutputDirectory="$1/drivers" >/dev/null
}
