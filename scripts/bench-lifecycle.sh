#!/usr/bin/env bash
# Issue #17: the encounter's lifecycle against a bare Camunda engine, back to back on the same MariaDB (docs/benchmarks.md,
# "End-to-end throughput"). Builds the bare baseline from a copy of ../shared/bench/camunda-baseline in /tmp (its code is
# never part of this repository), runs it, then the product's one-thread and parallel benchmarks, and prints the ratios.
#
#   scripts/bench-lifecycle.sh           # full: baseline 2000 (+1500 warm-up), product 200 and parallel 1000, each after
#                                        # 200 warm-up and more until the JIT has settled (at most 1500)
#   scripts/bench-lifecycle.sh --short   # CI: baseline 300 (+100), product 50 (+100 warm-up), parallel 80: about 3 minutes
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
short=false; [ "${1:-}" = "--short" ] && short=true
# warm-up: at least pw/parw encounters, then (full run) rounds of 100 until the JIT has settled, at most wmax in all
if $short; then bn=300; bw=100; pn=50; pw=100; par=80; parw=20; wmax=0
else bn=2000; bw=1500; pn=${BENCH_ENCOUNTERS:-200}; pw=200; par=${BENCH_PARALLEL:-1000}; parw=200; wmax=${BENCH_WARMUP_MAX:-1500}; fi
workers=${BENCH_WORKERS:-4}
mvn=${MVN:-mvn -o -q}   # CI: MVN="mvn -B -ntp -q"
src=${BENCH_BASELINE_SRC:-$root/../shared/bench/camunda-baseline}
[ -d "$src" ] || src=/work/shared/bench/camunda-baseline
if [ ! -d "$src" ] && [ -z "${BENCH_REUSE_BASELINE:-}" ]; then
  echo "== no bare-engine baseline at $src (BENCH_BASELINE_SRC): the product's figures only, no ratios"; no_base=true
else no_base=false; fi
out=$root/target/benchmarks; mkdir -p "$out"
base=/tmp/camunda-baseline-$$
rm -rf "$base"; $no_base || cp -r "$src" "$base"; trap 'rm -rf "$base"' EXIT
if $no_base; then skip_base=true; rm -f "$out/baseline.properties"
elif [ -n "${BENCH_REUSE_BASELINE:-}" ] && [ -s "$out/baseline.properties" ]; then
  echo "== bare engine: reusing $out/baseline.properties (BENCH_REUSE_BASELINE; for a quick re-measure only)"; skip_base=true
else skip_base=false; fi
$skip_base || (cd "$base" && $mvn -DskipTests package >/dev/null)

status() { mysql -h127.0.0.1 -uroot -N -e "show global status where Variable_name in ('Questions','Com_commit','Handler_write','Handler_update','Handler_delete','Com_set_option')"; }
dbcpu() { awk '{print $14+$15}' /proc/"$(pgrep -x mariadbd | head -1)"/stat; }

if ! $skip_base; then
echo "== bare Camunda 7.24 engine: $bn encounters after $bw warm-up, 4 threads, job executor on, history audit ($(uptime))"
mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS bench_lifecycle; CREATE DATABASE bench_lifecycle CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
# other clients busy meanwhile? (their statements would be in the server's counters)
( while :; do mysql -h127.0.0.1 -uroot -N -e "show full processlist" | awk -F'\t' '$5 != "Sleep" && $5 != "Daemon" && $4 != "bench_lifecycle" && $8 !~ /show full processlist/ {b=1} END {print b ? "busy" : "quiet"}'; sleep 0.5; done ) > "$base/looks.txt" 2>/dev/null &
looker=$!
status > "$base/before.txt"; c0=$(dbcpu)
(cd "$base" && python3 run.py run.log java -Xmx2g -jar target/bench.jar --spring.profiles.active=maria \
   --spring.datasource.url="jdbc:mysql://127.0.0.1:3306/bench_lifecycle?sendFractionalSeconds=false&nullCatalogMeansCurrent=true&useSSL=false&allowPublicKeyRetrieval=true" \
   --camunda.bpm.history-level=audit --bench.mode=e2e --bench.n=$bn --bench.warmup=$bw) > "$out/baseline.txt" 2>&1
status > "$base/after.txt"; c1=$(dbcpu)
kill $looker 2>/dev/null || true
echo "other clients busy in $(grep -c busy "$base/looks.txt") of $(wc -l < "$base/looks.txt") looks at the process list (load: $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$out/baseline.txt"
cat "$out/baseline.txt"
python3 - "$base/before.txt" "$base/after.txt" "$((bn + bw))" "$out/baseline.txt" "$((c1 - c0))" "$(getconf CLK_TCK)" "$bn" > "$out/baseline.properties" <<'PY'
import re, sys
a = dict(l.split() for l in open(sys.argv[1])); b = dict(l.split() for l in open(sys.argv[2]))
n = int(sys.argv[3]); d = {k: int(b[k]) - int(a[k]) for k in a}; steps = 6.0 * n
text = open(sys.argv[4]).read()
cpu = float(re.search(r'javaCpu=([\d.]+)s', text).group(1))  # the measured window only (after warm-up), JIT included
rate = re.search(r'throughput=([\d.]+)', text).group(1)
db = int(sys.argv[5]) / int(sys.argv[6]) * 1000
print(f"statementsPerStep={d['Questions'] / steps:.3f}")
print(f"commitsPerStep={d['Com_commit'] / steps:.4f}")
print(f"rowsPerStep={(d['Handler_write'] + d['Handler_update'] + d['Handler_delete']) / steps:.3f}")
print(f"jvmCpuMsPerStep={cpu * 1000 / (6.0 * int(sys.argv[7])):.4f}")
print(f"dbCpuMsPerStep={db / steps:.4f}")
print(f"note=6 steps an encounter; {n} encounters (warm-up included) over the server counters: {d['Questions'] / n:.1f} statements, "
      f"{d['Com_commit'] / n:.2f} commits, {d['Com_set_option'] / n:.1f} Com_set_option an encounter; JVM CPU of the measured "
      f"window (JIT included); {rate} encounters/s with 4 threads; " + open(sys.argv[4]).read().strip().splitlines()[-1])
PY
fi
[ -s "$out/baseline.properties" ] && cat "$out/baseline.properties"

echo "== ClaimFlow: one thread ($pn after $pw warm-up), then $workers workers with the job executor ($par) ($(uptime))"
mysql -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS claimflow_bench_e2e; CREATE DATABASE claimflow_bench_e2e CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
# both in one JVM, the one-thread run first (the parallel run takes its engine steps per encounter)
baseline_arg=; [ -s "$out/baseline.properties" ] && baseline_arg="-Dbench.baseline.file=$out/baseline.properties"
$mvn test -Dtest='RevenueCycleMySqlBenchmark,RevenueCycleParallelMySqlBenchmark' -Dsurefire.runOrder=alphabetical \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.encounters=$pn -Dbench.e2eWarmup=$pw -Dbench.parallel.encounters=$par -Dbench.parallel.warmup=$parw -Dbench.warmup.max=$wmax \
  -Dbench.workers=$workers $baseline_arg > "$out/product.log" 2>&1 \
  || { grep -E "FAIL|Error|Exception" "$out/product.log" | head -30; exit 1; }
cat "$out/revenue-cycle-mysql.md" "$out/revenue-cycle-mysql-parallel.md"
