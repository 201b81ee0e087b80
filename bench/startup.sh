#!/usr/bin/env bash
# Startup benchmark: time from `java -jar knot.jar server` to the first 200 from /health, and the resident
# memory (RSS) right after it, on the embedded store in a fresh temporary directory each run. The server runs with
# its default HTTPS and self-signed certificate (made at every start, so it is part of what is measured); curl -k
# skips verifying it, as the install guide's Nomad check does with tls_skip_verify.
# Reports the median (and min/max) of RUNS runs for each variant:
#   plain        java -jar knot.jar server
#   appcds       the same with a dynamic AppCDS archive made by one training run (-XX:SharedArchiveFile)
#   appcds+small AppCDS plus -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m (a small-server profile)
# Usage: bench/startup.sh [runs]      (default 11; JAVA=/path/to/java to pick another JDK)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs=${1:-11}
java_bin=${JAVA:-java}
jar="$root/knot-app/target/knot.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -ntp -DskipTests package)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
archive="$work/knot.jsa"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# One run: prints "<milliseconds to first 200> <RSS in MiB>".
one_run() {
    local port dir pid start_ns end_ns rss_kib
    port=$(free_port)
    dir=$(mktemp -d -p "$work")
    start_ns=$(date +%s%N)
    (cd "$dir" && KNOT_LISTEN="127.0.0.1:$port" KNOT_BADGERDB_PATH="$dir/data" exec "$java_bin" "$@" -jar "$jar" server \
        --log-level warn >"$dir/out.log" 2>&1) &
    pid=$!
    until curl -fsk -o /dev/null "https://127.0.0.1:$port/health"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            echo "server exited early; its log:" >&2
            cat "$dir/out.log" >&2
            return 1
        fi
        sleep 0.01
    done
    end_ns=$(date +%s%N)
    rss_kib=$(awk '/VmRSS/ {print $2}' "/proc/$(pgrep -P "$pid" java || echo "$pid")/status" 2>/dev/null || echo 0)
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo "$(((end_ns - start_ns) / 1000000)) $((rss_kib / 1024))"
}

# Median/min/max of a column of numbers on stdin.
summary() { sort -n | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "median %s  min %s  max %s", m, v[1], v[NR]}'; }

variant() {
    local name=$1
    shift
    one_run "$@" >/dev/null # warm the page cache, not measured
    local results="$work/$name.txt"
    : >"$results"
    for _ in $(seq 1 "$runs"); do one_run "$@" >>"$results"; done
    printf '%-14s time-to-first-200 ms: %s | RSS MiB: %s\n' "$name" \
        "$(cut -d' ' -f1 "$results" | summary)" "$(cut -d' ' -f2 "$results" | summary)"
}

echo "knot startup benchmark: $runs runs per variant, $(nproc) cores, $("$java_bin" -version 2>&1 | head -1)"
variant plain
one_run -XX:ArchiveClassesAtExit="$archive" >/dev/null # training run that writes the AppCDS archive
variant appcds -XX:SharedArchiveFile="$archive"
variant appcds+small -XX:SharedArchiveFile="$archive" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m
