# The native executable's build, for bench/native.sh and .ci/native-tests (sourced, not run; from the checkout's root).
# build_native: builds shell/target/migrate with GraalVM's native-image when it is on the PATH or under
# GRAALVM_HOME, else with the Native Image stand-in kept beside the checkout (NATIVE_STANDIN, default
# ../shared/tools/native-standin: test tooling, never shipped). Returns 3 when neither exists, 1 when the build
# fails (each step is checked: a caller testing the result turns set -e off inside).
build_native() {
  local start=$SECONDS native_image="" standin=${NATIVE_STANDIN:-$(pwd)/../shared/tools/native-standin}
  if [ -n "${GRAALVM_HOME:-}" ] && [ -x "$GRAALVM_HOME/bin/native-image" ]; then
    native_image="$GRAALVM_HOME/bin/native-image"
  elif command -v native-image >/dev/null 2>&1; then
    native_image=$(command -v native-image)
  fi
  if [ -n "$native_image" ]; then
    ./mvnw -B -q -Pnative -DskipTests package >&2 || return 1
  elif [ -x "$standin/build-native.sh" ]; then
    ./mvnw -B -q -DskipTests -pl shell -am package >&2 || return 1
    "$standin/build-native.sh" shell/target/auth-migrate.jar shell/target/native-standin >&2 || return 1
    cp shell/target/native-standin/migrate shell/target/migrate || return 1
    # The builder's work files take gigabytes; clib/ stays: the stand-in's executable loads its libjvm.so from there.
    rm -rf shell/target/native-standin/work/{jdk,ex,tmp}
  else
    echo "no GraalVM native-image (PATH or GRAALVM_HOME) and no stand-in at $standin" >&2
    return 3
  fi
  echo "built shell/target/migrate in $((SECONDS - start)) s" >&2
}
