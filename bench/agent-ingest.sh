#!/usr/bin/env bash
# Agent-ingest benchmark: N simulated agents report their state every 2 s to a real `knot server` (plain HTTP), on
# the embedded store and on Redis. For each store and N, a fresh server is started, the load generator
# bench/AgentIngest.java (JDK only, run from source) creates the first admin and N spaces of the Manual template,
# reads each space's agent registration key (GET /api/v1/spaces/{id}/agent-key), then every agent registers with its
# key and reports, spread evenly over each 2 s period. After a warm-up it measures a window:
# reports/s, p50/p99 report latency (from the time each report was due), errors, server CPU and the generator's own
# CPU (utime+stime from /proc/<pid>/stat, % of one core), and store writes/s from the server's
# "agent reports: … received, … written" log lines; on Redis also the `INFO commandstats` deltas.
# Server and generator share the CPUs; PIN=1 pins them to CPUs 0 and 1 with taskset. Not the default: on the 2-vCPU
# VM this was written on, a process pinned to one vCPU sometimes got no CPU at all for 9–17 s while the machine was
# busy (a Python loop sleeping 10 ms, pinned: worst gaps 16.9 s and 9.5 s; unpinned, same minutes: 0.04 s), which
# shows as multi-second report latency and even expired agent states (401) that have nothing to do with knot.
# Not part of `mvn verify`. Redis: 127.0.0.1:6379, database $REDIS_DB (default 13), which must be empty; it is
# flushed after each run.
#
# Usage: bench/agent-ingest.sh [embedded|redis|all] [N...]      (defaults: all 500 2000)
#   WARMUP=10 WINDOW=60 CONNECTIONS=32 PERIOD=2 seconds/connections; JAR=path/to/knot.jar (default
#   knot-app/target/knot.jar); JAVA=java; REDIS_DB=13; PIN=1 pins server and generator (see above);
#   LOGS=dir keeps each run's server log and generator output there; SERVER_JAVA_OPTS adds JVM options to the
#   server (e.g. -Xlog:gc:file=/tmp/gc.log).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
stores=${1:-all}
shift || true
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(500 2000)
[ "$stores" = all ] && stores="embedded redis"
warmup=${WARMUP:-10}
window=${WINDOW:-60}
connections=${CONNECTIONS:-32}
period=${PERIOD:-2}
java_bin=${JAVA:-java}
jar=${JAR:-$root/knot-app/target/knot.jar}
redis_db=${REDIS_DB:-13}
redis_cli=(redis-cli -h 127.0.0.1 -p 6379 -n "$redis_db")
[ -f "$jar" ] || { echo "no $jar: build it first (mvn -q -o package -DskipTests -pl knot-app -am)" >&2; exit 1; }

server_cpus=() generator_cpus=() pinning="server and generator not pinned (PIN=1 pins them)"
if [ "${PIN:-0}" = 1 ] && command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
    server_cpus=(taskset -c 0) generator_cpus=(taskset -c 1)
    pinning="server on CPU 0, generator on CPU 1 (taskset); Redis not pinned"
fi

work=$(mktemp -d)
server_pid=""
stop_server() {
    if [ -n "$server_pid" ]; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=""
    fi
}
cleanup() {
    stop_server
    if [[ " $stores " == *" redis "* ]]; then "${redis_cli[@]}" flushdb >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# Starts a server for store $1 in directory $2 on port $3; sets server_pid.
start_server() {
    local store=$1 dir=$2 port=$3
    local env=(KNOT_LISTEN="127.0.0.1:$port" KNOT_URL="http://127.0.0.1:$port" KNOT_USE_TLS=false KNOT_LOGLEVEL=info)
    case "$store" in
        embedded) env+=(KNOT_EMBEDDED_ENABLED=true KNOT_EMBEDDED_PATH="$dir/data") ;;
        redis)
            if [ "$("${redis_cli[@]}" dbsize)" != 0 ]; then
                echo "Redis database $redis_db is not empty; pick an empty one with REDIS_DB=" >&2
                exit 1
            fi
            env+=(KNOT_REDIS_ENABLED=true KNOT_REDIS_HOSTS=127.0.0.1:6379 KNOT_REDIS_DB="$redis_db"
                KNOT_ENCRYPT="$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')") ;;
        *) echo "unknown store $store (embedded, redis or all)" >&2; exit 2 ;;
    esac
    (cd "$dir" && exec env "${env[@]}" "${server_cpus[@]}" "$java_bin" ${SERVER_JAVA_OPTS:-} -jar "$jar" server >"$dir/server.log" 2>&1) &
    server_pid=$!
    until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
        if ! kill -0 "$server_pid" 2>/dev/null; then
            echo "server exited early; its log:" >&2
            cat "$dir/server.log" >&2
            exit 1
        fi
        sleep 0.1
    done
}

results="$work/results.tsv"
: >"$results"
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $("$java_bin" -version 2>&1 | head -1)"
echo "# $pinning; every $period s per agent, $connections connections, ${warmup} s warm-up, ${window} s window"
for store in $stores; do
    for n in "${counts[@]}"; do
        dir=$(mktemp -d -p "$work")
        port=$(free_port)
        echo "# $store, $n agents: load average before $(cut -d' ' -f1-3 /proc/loadavg)"
        start_server "$store" "$dir" "$port"
        redis_args=()
        [ "$store" = redis ] && redis_args=(--redis-cli "redis-cli -h 127.0.0.1 -p 6379")
        "${generator_cpus[@]}" "$java_bin" "$root/bench/AgentIngest.java" --port "$port" --agents "$n" \
            --period "$period" --warmup "$warmup" --window "$window" --connections "$connections" \
            --server-pid "$server_pid" --server-log "$dir/server.log" --clock-ticks "$(getconf CLK_TCK)" \
            --label "$store" "${redis_args[@]}" | tee "$dir/generator.out"
        grep '^RESULT' "$dir/generator.out" | cut -f2- >>"$results"
        grep -E ' (WARN|ERROR) ' "$dir/server.log" | head -5 | sed 's/^/# server: /' || true
        stop_server
        if [ -n "${LOGS:-}" ]; then
            mkdir -p "$LOGS"
            cp "$dir/server.log" "$LOGS/$store-$n.server.log"
            cp "$dir/generator.out" "$LOGS/$store-$n.generator.out"
        fi
        [ "$store" = redis ] && "${redis_cli[@]}" flushdb >/dev/null
        echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    done
done

echo
echo "| store | N | reports/s | p50 ms | p99 ms | server CPU % | writes/s (log) | writes/s (Redis) | errors | dropped | generator CPU % | machine busy % |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $11, $8, $9, $10, $12}' "$results"
