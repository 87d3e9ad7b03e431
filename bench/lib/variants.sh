# Side-by-side timing for the bench scripts (sourced, not run; needs now and median from pg.sh).
# compare_variants TITLE BASELINE: runs each "label|command" of the array `variants` RUNS times, interleaved,
# keeping the times in $work, then prints each label's median and its ratio to the first row's.
compare_variants() {
  local title=$1 baseline_name=$2 width=${#1} i label run command t0 t1 m baseline
  for i in "${!variants[@]}"; do
    label=${variants[$i]%%|*}
    [ "${#label}" -gt "$width" ] && width=${#label}
    : > "$work/$i.times"
  done
  for run in $(seq "$RUNS"); do
    for i in "${!variants[@]}"; do
      command=${variants[$i]#*|}
      t0=$(now); $command >/dev/null 2>&1; t1=$(now)
      echo "$t1 - $t0" | bc >> "$work/$i.times"
    done
  done
  baseline=$(median < "$work/0.times")
  printf "%-${width}s %10s %8s\n" "$title" "median s" "ratio"
  for i in "${!variants[@]}"; do
    m=$(median < "$work/$i.times")
    printf "%-${width}s %10.3f %8.2f\n" "${variants[$i]%%|*}" "$m" "$(echo "$m / $baseline" | bc -l)"
  done
  echo "median of $RUNS runs each, interleaved; ratio = time / $baseline_name"
}
