#!/usr/bin/env bash
# Fuzzes the readers of outside bytes with libFuzzer and AddressSanitizer.
#
#   Tests/Fuzz/run.sh                   smoke: build every target, run each seed of Tests/Fuzz/corpus/<t>/ once
#   Tests/Fuzz/run.sh --long            1 000 000 executions per target, one target after another
#   Tests/Fuzz/run.sh --long --runs N   N executions per target;  --time S: stop each after S seconds
#   Tests/Fuzz/run.sh --long csv gzip   only the named targets
#
# A target is Tests/Fuzz/Targets/<name>.swift (it defines LLVMFuzzerTestOneInput and calls the reader's
# bytes entry point through expectOnlyDataErrors), its seeds are Tests/Fuzz/corpus/<name>/, an optional
# libFuzzer dictionary is Tests/Fuzz/dict/<name>.dict, and it has one line in TARGETS below.
# The D2L core is compiled once (with -O, coverage and ASan) into .build/fuzz/libD2L.a and each
# target is linked against it. Long runs work on a copy of the seeds in .build/fuzz/corpus/<name>
# (the committed corpus stays small) and leave crash, leak and timeout inputs in
# .build/fuzz/artifacts/<name>/; a summary line per target goes to .build/fuzz/summary.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."

# name          max_len: the largest input libFuzzer makes (bytes)
TARGETS=(
  "idx          4096"
  "gzip         4096"
  "csv          1024"
  "safetensors  4096"
  "image        4096"
  "cifar10      8192"
)

mode=smoke runs=1000000 seconds=0 only=()
while (($#)); do
  case $1 in
    --smoke) mode=smoke ;;
    --long) mode=long ;;
    --runs) runs=$2; shift ;;
    --time) seconds=$2; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fuzz: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) only+=("$1") ;;
  esac
  shift
done

out=.build/fuzz
mkdir -p "$out"
# Sanitizer reports, not the Swift runtime's backtracer, should handle a crash: the backtracer
# is slow and libFuzzer must see the signal to save the input.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
flags=(-O -sanitize=fuzzer,address -I Sources/COpenBLAS -I Sources/CSystemZlib -I Sources/CJPEG -I Sources/CPNG
       -I Sources/CImageCodecs/include -use-ld=lld)

if ! command -v swiftc >/dev/null; then
  echo "fuzz: swiftc not found; fuzzing needs a Swift toolchain with libFuzzer (swift.org Linux builds have it)" >&2
  exit 1
fi

# The core, rebuilt when a source file is newer than the library.
lib=$out/libD2L.a
if [[ ! -f $lib ]] || [[ -n $(find Sources/D2L -name '*.swift' -newer "$lib" | head -n 1) ]]; then
  echo "fuzz: compiling the D2L core with coverage and AddressSanitizer (a few minutes)"
  find Sources/D2L -name '*.swift' | sort >"$out/sources.txt"
  swiftc "${flags[@]}" -parse-as-library -enable-testing -module-name D2L -emit-library -static \
    -emit-module -emit-module-path "$out/D2L.swiftmodule" -o "$lib" $(cat "$out/sources.txt")
fi

# The C layer over libjpeg and libpng, instrumented the same way.
codecs=$out/image_codecs.o
if [[ ! -f $codecs || Sources/CImageCodecs/image_codecs.c -nt $codecs ]]; then
  clang -O1 -g -fsanitize=fuzzer-no-link,address -I Sources/CImageCodecs/include \
    -c Sources/CImageCodecs/image_codecs.c -o "$codecs"
fi

build_target() {  # name
  local bin=$out/fuzz-$1
  if [[ ! -f $bin || Tests/Fuzz/Targets/$1.swift -nt $bin || Tests/Fuzz/Support.swift -nt $bin || $lib -nt $bin || $codecs -nt $bin ]]; then
    swiftc "${flags[@]}" -parse-as-library -module-name "Fuzz_$1" -I "$out" \
      Tests/Fuzz/Support.swift "Tests/Fuzz/Targets/$1.swift" "$lib" "$codecs" -lopenblas -lz -ljpeg -lpng -o "$bin"
  fi
}

status=0
for entry in "${TARGETS[@]}"; do
  read -r name max_len <<<"$entry"
  if ((${#only[@]})) && [[ ! " ${only[*]} " =~ " $name " ]]; then continue; fi
  [[ -f Tests/Fuzz/Targets/$name.swift ]] || { echo "fuzz: Tests/Fuzz/Targets/$name.swift is missing" >&2; exit 1; }
  seeds=(Tests/Fuzz/corpus/"$name"/*)
  [[ -e ${seeds[0]} ]] || { echo "fuzz: no seeds in Tests/Fuzz/corpus/$name/" >&2; exit 1; }
  build_target "$name"
  bin=$out/fuzz-$name
  artifacts=$out/artifacts/$name/
  mkdir -p "$artifacts"

  if [[ $mode == smoke ]]; then
    # Given files instead of folders, libFuzzer runs each input once and does not mutate.
    if "$bin" -artifact_prefix="$artifacts" "${seeds[@]}" >"$out/$name-smoke.log" 2>&1; then
      echo "fuzz: $name: ${#seeds[@]} seeds ran cleanly"
    else
      echo "fuzz: $name: FAILED on a seed; see $out/$name-smoke.log" >&2; status=1
    fi
    continue
  fi

  corpus=$out/corpus/$name
  mkdir -p "$corpus"
  cp -n "${seeds[@]}" "$corpus"/
  dict=()
  [[ -f Tests/Fuzz/dict/$name.dict ]] && dict=(-dict="Tests/Fuzz/dict/$name.dict")
  limit=(-runs="$runs")
  ((seconds > 0)) && limit+=(-max_total_time="$seconds")
  log=$out/$name-long.log
  echo "fuzz: $name: fuzzing (${limit[*]}, max_len $max_len); log in $log"
  start=$(date +%s)
  touch "$out/$name.started"
  set +e
  nice -n 19 "$bin" "${limit[@]}" -max_len="$max_len" -rss_limit_mb=2048 -malloc_limit_mb=1024 -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$artifacts" "${dict[@]}" "$corpus" >"$log" 2>&1
  code=$?
  set -e
  wall=$(($(date +%s) - start))
  execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo '?')
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+' || echo '?')
  found=$(find "$artifacts" -type f -newer "$out/$name.started" | wc -l)
  line="$(date -u +%FT%TZ) $name: $execs executions in ${wall}s, coverage $cov edges, exit $code, $found artifacts"
  echo "fuzz: $line"
  echo "$line" >>"$out/summary.txt"
  if ((code != 0 || found > 0)); then
    echo "fuzz: $name: FINDING; inputs in $artifacts, report in $log" >&2; status=1
  fi
done
exit "$status"
