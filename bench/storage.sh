#!/usr/bin/env bash
# Storage benchmark: agent-state saves (AgentStateStore.save) and session lookups by secret hash
# (SessionStore.findBySecretHash) per second, with p50/p99 latency, through knot's own adapters for each backend:
# embedded (Chronicle Map), MySQL/MariaDB, Redis. Beside them, in the same run, `redis-benchmark -t set,get` with as
# many clients as knot has threads: the reference the ratios are taken against (save vs SET, lookup vs GET).
# Not part of `mvn verify`. Needs MariaDB/MySQL on 127.0.0.1:3306 (root, no password; a database knot_bench_<random>
# is created and dropped) and Redis on 127.0.0.1:6379 (keys under knot-bench-<random>: are deleted afterwards).
#
# Usage: bench/storage.sh [runs] [threads] [seconds] [warm-up seconds]    (defaults: 3 "1,8" 10 3)
#        BACKENDS="embedded mysql redis" selects backends.
# Prints each run's lines, then the median of the runs per case, as a Markdown table.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs=${1:-3}
threads=${2:-1,8}
seconds=${3:-10}
warmup=${4:-3}
backends=${BACKENDS:-embedded mysql redis}
redis_host=127.0.0.1
redis_port=6379

command -v redis-benchmark >/dev/null || { echo "redis-benchmark is missing: apt-get install redis-tools" >&2; exit 1; }

cd "$root"
mvn -B -q -ntp -Dstyle.color=never -pl knot-app test-compile >&2
classpath_file=$(mktemp)
mvn -B -q -ntp -Dstyle.color=never -pl knot-app dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=test >&2
classpath="$root/knot-app/target/test-classes:$root/knot-app/target/classes:$(cat "$classpath_file")"
jvm_args=$(mvn -B -q -ntp -Dstyle.color=never -pl knot-app help:evaluate -Dexpression=chronicle.jvm.args -DforceStdout | sed "s/\x1b\[[0-9;]*m//g")

suffix=$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')
database="knot_bench_$suffix"
prefix="knot-bench-$suffix:"
work=$(mktemp -d)
results="$work/results.tsv"
cleanup() {
    mysql -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS $database" 2>/dev/null || true
    redis-cli -h "$redis_host" -p "$redis_port" --scan --pattern "$prefix*" | xargs -r redis-cli -h "$redis_host" -p "$redis_port" del >/dev/null
    redis-cli -h "$redis_host" -p "$redis_port" -n 15 del key:__rand_int__ >/dev/null
    rm -rf "$work" "$classpath_file"
}
trap cleanup EXIT

echo "# $(date -u +%FT%TZ) $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do
    for clients in ${threads//,/ }; do
        # -c as many connections as knot has threads; database 15 so other users' keys are left alone.
        redis-benchmark -h "$redis_host" -p "$redis_port" --dbnum 15 -t set,get -n 200000 -c "$clients" -q --csv \
            | tr -d '"' | awk -F, -v run="$run" -v c="$clients" \
              'NR > 1 && ($1 == "SET" || $1 == "GET") {printf "redis-benchmark\t%s\t%s\t%d\t%.0f\t%s\t%s\t%d\n", $1, c, 0, $2, $5, $7, run}' \
            >>"$results"
    done
    for backend in $backends; do
        properties=()
        case "$backend" in
            embedded) properties=(-Dbench.embedded.path="$work/embedded-$run") ;;
            mysql) mysql -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS $database; CREATE DATABASE $database CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
                   properties=(-Dbench.mysql.database="$database") ;;
            redis) properties=(-Dbench.redis.prefix="$prefix$run") ;;
        esac
        # shellcheck disable=SC2086
        java $jvm_args "${properties[@]}" -cp "$classpath" \
            dev.knot.bench.StorageBenchmark "$backend" "$threads" "$seconds" "$warmup" 2>"$work/$backend.log" \
            | awk -v run="$run" '{print $0 "\t" run}' >>"$results" \
            || { cat "$work/$backend.log" >&2; exit 1; }
    done
    echo "# run $run done; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done

echo
echo "# every run: source, case, threads, operations, ops/s, p50 us, p99 us, run (redis-benchmark's p50/p99 are ms)"
cat "$results"
echo
python3 - "$results" <<'PY'
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
cases = {}
for source, case, threads, operations, rate, p50, p99, run in rows:
    cases.setdefault((source, case, int(threads)), []).append((float(rate), float(p50), float(p99)))
def median(values):
    return statistics.median(values)
reference = {(case, threads): median([r for r, _, _ in values]) for (source, case, threads), values in cases.items()
             if source == "redis-benchmark"}
print("| backend | case | threads | ops/s (median) | p50 µs | p99 µs | vs redis-benchmark (same clients) |")
print("|---|---|---|---|---|---|---|")
for (source, case, threads), values in sorted(cases.items(), key=lambda item: (item[0][1], item[0][2], item[0][0])):
    rate = median([r for r, _, _ in values])
    if source == "redis-benchmark":
        p50 = median([p for _, p, _ in values]) * 1000
        p99 = median([p for _, _, p in values]) * 1000
        ratio = "1.00 (reference)"
    else:
        p50 = median([p for _, p, _ in values])
        p99 = median([p for _, _, p in values])
        base = reference.get(("SET" if case == "agent-state save" else "GET", threads))
        ratio = f"{rate / base:.2f}× {'SET' if case == 'agent-state save' else 'GET'}" if base else "—"
    spread = f"{min(r for r, _, _ in values):.0f}–{max(r for r, _, _ in values):.0f}"
    print(f"| {source} | {case} | {threads} | {rate:,.0f} ({spread}) | {p50:.0f} | {p99:.0f} | {ratio} |")
PY
