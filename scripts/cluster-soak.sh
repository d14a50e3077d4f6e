#!/usr/bin/env bash
# Two product nodes on one MariaDB database under load, one of them killed with SIGKILL twice and restarted, then
# checks that nothing was lost or done twice (docs/cluster.md). Exits non-zero on any failed check.
#   scripts/cluster-soak.sh            full run: one node vs two nodes for 3 min each, then a 10-minute soak
#   scripts/cluster-soak.sh --short    CI: a 90-second soak, no one-vs-two measurement
# Further options go to the driver (src/test/java/com/claimflow/cluster/ClusterSoak.java), e.g. --soak-seconds=300.
# Needs MariaDB/MySQL on 127.0.0.1:3306 (root, no password); uses the databases cf_cluster and cf_cluster_one and
# ports 18161-18163.
set -euo pipefail
cd "$(dirname "$0")/.."

db=cf_cluster
work=target/cluster-soak
jar=target/claimflow-0.1.0-SNAPSHOT.jar
driver_pid=

cleanup() {
  local rc=$?
  # the driver kills its nodes when it ends; if it was itself killed, its nodes' pid files are left for us
  if [ -n "$driver_pid" ]; then kill "$driver_pid" 2>/dev/null || true; fi
  for f in "$work"/*.pid; do
    [ -e "$f" ] || continue
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null && grep -q -- "claimflow" "/proc/$pid/cmdline" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    rm -f "$f"
  done
  mysql -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS ${db}; DROP DATABASE IF EXISTS ${db}_one" >/dev/null 2>&1 || true
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "${SKIP_BUILD:-}" != 1 ]; then
  echo "== build (mvn -B -ntp -o -DskipTests package)"
  mvn -B -ntp -o -q -DskipTests package
fi

# the driver runs from the test classes with Jackson and the MySQL driver taken from the product jar
rm -rf "$work"
mkdir -p "$work/lib"
unzip -q -j -o "$jar" 'BOOT-INF/lib/jackson-databind-*.jar' 'BOOT-INF/lib/jackson-core-*.jar' \
  'BOOT-INF/lib/jackson-annotations-*.jar' 'BOOT-INF/lib/mysql-connector-j-*.jar' -d "$work/lib"

echo "== cluster soak $*"
java -Xmx256m -cp "target/test-classes:$work/lib/*" com.claimflow.cluster.ClusterSoak \
  --jar="$jar" --work-dir="$work" --db="$db" "$@" &
driver_pid=$!
wait "$driver_pid"
