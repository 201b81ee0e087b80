#!/usr/bin/env bash
# Proxy benchmark: the same small backend reached directly, through nginx (proxy_pass to an upstream with keepalive)
# and through knot's web-port proxy on the wildcard domain, in the same run; plus knot's agent hop on its own.
#
#   direct  wrk → backend nginx (a 1 KiB static file)
#   nginx   wrk → nginx proxy (worker_processes 1, proxy_http_version 1.1, upstream keepalive 32) → backend
#   knot    wrk → knot server (Host admin--bench--<port>.knot.test, Authorization: Bearer <API token>)
#               → the space's `knot agent` (/http/<port>/) → backend: two proxy hops where nginx has one
#   agent   wrk → a second `knot agent` alone (/http/<port>/, its server token as bearer) → backend. That agent is
#               registered with a stub "server" (a location of the backend nginx that answers the registration with
#               a known server token), so the bearer is known without reading knot's derived token.
#
# For each target: closed-loop throughput (wrk -t$THREADS -c$CONNECTIONS, requests/s, p50/p99) and the proxy's CPU
# per request (utime+stime of its processes from /proc/<pid>/stat ÷ requests), then the latency of one request at a
# time (wrk -t1 -c1), where the difference to `direct` is the time the proxy adds without queueing. Targets are
# alternated within each of $ROUNDS rounds; medians are reported. Websocket: a JDK client (bench/WsRoundTrip.java)
# does sequential echo round trips directly, through nginx (upgrade headers) and through knot to an echo backend.
#
# Pinning (two or more CPUs): the proxies (nginx proxy, knot server, both agents) on CPU 1; wrk, the backend nginx,
# the websocket echo server and client on CPU 0. So each proxy gets the same single CPU, and knot's two hops share it.
# The JVMs then see one CPU (and choose SerialGC by themselves). PIN=0 turns pinning off.
#
# Installs nginx-light and wrk from Debian's packages when missing. Every nginx here runs with its own configuration in
# a temporary directory, on loopback ports chosen at random; the system's nginx configuration is not used or changed
# (on a machine with systemd, installing the package also starts Debian's default nginx on port 80; this script does
# not use it).
#
# Usage: bench/proxy.sh
#   ROUNDS=3 DURATION=20 (s per throughput run) LATENCY_DURATION=10 (s per one-connection run) WARMUP=30 (s of
#   unmeasured load on each JVM target first; the JIT shares the one CPU)
#   CONNECTIONS=32 THREADS=2 WS_WARMUP=2000 WS_COUNT=10000 WS_BYTES=64
#   PIN=1 JAR=path/to/knot.jar (default knot-app/target/knot.jar) JAVA=java KNOT_JAVA_OPTS="" (for server and agents)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds=${ROUNDS:-3}
duration=${DURATION:-20}
latency_duration=${LATENCY_DURATION:-10}
warmup=${WARMUP:-30}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
ws_warmup=${WS_WARMUP:-2000}
ws_count=${WS_COUNT:-10000}
ws_bytes=${WS_BYTES:-64}
java_bin=${JAVA:-java}
jar=${JAR:-$root/knot-app/target/knot.jar}
read -r -a knot_java_opts <<<"${KNOT_JAVA_OPTS:-}"
[ -f "$jar" ] || { echo "no $jar: build it first (mvn -q -o package -DskipTests -pl knot-app -am)" >&2; exit 1; }

install_missing() {
    local missing=()
    command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
    command -v wrk >/dev/null || missing+=(wrk)
    [ ${#missing[@]} -eq 0 ] && return
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    echo "# installing ${missing[*]}" >&2
    "${sudo[@]}" apt-get install -y -q "${missing[@]}" >&2 || {
        "${sudo[@]}" apt-get update -q >&2 && "${sudo[@]}" apt-get install -y -q "${missing[@]}" >&2; }
}
install_missing
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

load_cpu=() proxy_cpu=() pinning="not pinned"
if [ "${PIN:-1}" = 1 ] && command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
    load_cpu=(taskset -c 0) proxy_cpu=(taskset -c 1)
    pinning="proxies (nginx proxy, knot server, agents) on CPU 1; wrk, backend nginx, websocket echo and client on CPU 0"
fi

work=$(mktemp -d)
chmod 711 "$work" # nginx workers (www-data) must reach the backend's files
pids=()
cleanup() {
    local i
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill -TERM "${pids[i]}" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
json_field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
random_hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }

# wait_for <what> <pid> <log> <curl arguments...>: until curl succeeds; fails with the log when <pid> ends or after a minute.
wait_for() {
    local what=$1 pid=$2 log=$3 tries=0
    shift 3
    until curl -fs --max-time 5 -o /dev/null "$@"; do
        if ! kill -0 "$pid" 2>/dev/null || [ $((tries += 1)) -gt 600 ]; then
            echo "$what did not come up (last answer: HTTP $(curl -s -o /dev/null -w '%{http_code}' "$@")); its log:" >&2
            tail -30 "$log" >&2
            exit 1
        fi
        sleep 0.1
    done
}

backend_port=$(free_port) echo_port=$(free_port) stub_port=$(free_port) proxy_port=$(free_port)
proxy_ws_port=$(free_port) knot_port=$(free_port) agent_port=$(free_port) lone_agent_port=$(free_port)
stub_token="bench_$(random_hex 16)"

# ------------------------------------------------------------------------------------------- backend and nginx
# nginx_conf <dir> <servers...>: a private nginx (one worker, no access log, temp files in <dir>).
nginx_conf() {
    local dir=$1
    shift
    mkdir -p "$dir/tmp"
    cat >"$dir/nginx.conf" <<EOF
worker_processes 1;
pid $dir/nginx.pid;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    keepalive_requests 1000000;
    keepalive_timeout 300s;
$*
}
EOF
}

start_nginx() {
    local dir=$1 cpu_var=$2[@]
    "${!cpu_var}" "$nginx_bin" -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" -g 'daemon off;' \
        >"$dir/out.log" 2>&1 &
    pids+=($!)
}

mkdir -p "$work/backend/html"
chmod 755 "$work/backend" "$work/backend/html"
head -c 1024 /dev/urandom | base64 -w 0 | head -c 1024 >"$work/backend/html/1k.bin"
chmod 644 "$work/backend/html/1k.bin"
nginx_conf "$work/backend" "
    server { listen 127.0.0.1:$backend_port; root $work/backend/html; location / { } }
    # The stub knot server the lone agent registers with (and reports to).
    server {
        listen 127.0.0.1:$stub_port;
        default_type application/json;
        location ~ ^/api/v1/agents/[0-9a-f-]+/status\$ { return 200 '{\"status\":true}'; }
        location ~ ^/api/v1/agents/[0-9a-f-]+\$ {
            return 200 '{\"status\":true,\"access_token\":\"bench\",\"server_token\":\"$stub_token\",\"server_url\":\"http://127.0.0.1:$stub_port\"}';
        }
    }"
start_nginx "$work/backend" load_cpu
backend_pid=${pids[-1]}

mkdir -p "$work/classes"
"${java_bin%java}javac" -d "$work/classes" "$root/bench/WsRoundTrip.java"
"${load_cpu[@]}" "$java_bin" -cp "$work/classes" WsRoundTrip echo "$echo_port" >"$work/echo.log" 2>&1 &
pids+=($!)
echo_pid=$!

mkdir -p "$work/proxy"
nginx_conf "$work/proxy" "
    upstream backend { server 127.0.0.1:$backend_port; keepalive 32; keepalive_requests 1000000; }
    upstream echo { server 127.0.0.1:$echo_port; }
    server {
        listen 127.0.0.1:$proxy_port;
        location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection \"\"; }
    }
    server {
        listen 127.0.0.1:$proxy_ws_port;
        location / {
            proxy_pass http://echo;
            proxy_http_version 1.1;
            proxy_set_header Upgrade \$http_upgrade;
            proxy_set_header Connection \"upgrade\";
            proxy_read_timeout 300s;
        }
    }"
start_nginx "$work/proxy" proxy_cpu
proxy_pid=${pids[-1]}

wait_for "backend nginx" "$backend_pid" "$work/backend/error.log" "http://127.0.0.1:$backend_port/1k.bin"
wait_for "websocket echo" "$echo_pid" "$work/echo.log" "http://127.0.0.1:$echo_port/"
wait_for "nginx proxy" "$proxy_pid" "$work/proxy/error.log" "http://127.0.0.1:$proxy_port/1k.bin"

# ------------------------------------------------------------------------------------------- knot
mkdir -p "$work/knot" && chmod 700 "$work/knot"
env KNOT_LISTEN="127.0.0.1:$knot_port" KNOT_URL="http://127.0.0.1:$knot_port" KNOT_USE_TLS=false \
    KNOT_WILDCARD_DOMAIN='*.knot.test' KNOT_EMBEDDED_ENABLED=true KNOT_EMBEDDED_PATH="$work/knot/data" \
    KNOT_ENCRYPT="$(random_hex 16)" KNOT_LOGLEVEL=warn \
    "${proxy_cpu[@]}" "$java_bin" "${knot_java_opts[@]}" -jar "$jar" server >"$work/knot/server.log" 2>&1 &
pids+=($!)
knot_pid=$!
wait_for "knot server" "$knot_pid" "$work/knot/server.log" "http://127.0.0.1:$knot_port/health"

api="http://127.0.0.1:$knot_port/api/v1"
password="bench-$(random_hex 8)-password"
curl -fs -o /dev/null -H 'Content-Type: application/json' "$api/users" \
    -d "{\"username\":\"admin\",\"email\":\"admin@bench.example\",\"password\":\"$password\"}"
session=$(curl -fs -H 'Content-Type: application/json' "$api/auth" \
    -d "{\"email\":\"admin@bench.example\",\"password\":\"$password\"}" | json_field token)
api_token=$(curl -fs -H 'Content-Type: application/json' -H "Authorization: Bearer $session" "$api/tokens" \
    -d '{"name":"proxy-bench"}' | json_field token)
space_id=$(curl -fs -H 'Content-Type: application/json' -H "Authorization: Bearer $api_token" "$api/spaces" \
    -d '{"name":"bench","template_id":"00000000-0000-0000-0000-000000000000","agent_url":"http://127.0.0.1:1","shell":"bash"}' \
    | json_field space_id)
agent_key=$(curl -fs -H "Authorization: Bearer $api_token" "$api/spaces/$space_id/agent-key" | json_field registration_key)

# start_agent <dir> <server URL> <space id> <listen port> <registration key>
start_agent() {
    mkdir -p "$1"
    env KNOT_SERVER="$2" KNOT_SPACEID="$3" KNOT_LISTEN="127.0.0.1:$4" KNOT_HTTP_PORT="$backend_port=web,$echo_port=echo" \
        KNOT_AGENT_KEY="$5" KNOT_ENABLE_TERMINAL=false KNOT_LOGLEVEL=warn \
        "${proxy_cpu[@]}" "$java_bin" "${knot_java_opts[@]}" -jar "$jar" agent >"$1/agent.log" 2>&1 &
    pids+=($!)
}
start_agent "$work/agent" "http://127.0.0.1:$knot_port" "$space_id" "$agent_port" "$agent_key"
agent_pid=$!
start_agent "$work/lone-agent" "http://127.0.0.1:$stub_port" "$(python3 -c 'import uuid; print(uuid.uuid4())')" \
    "$lone_agent_port" "stub-accepts-any-key"
lone_agent_pid=$!

tries=0
until curl -fs --max-time 5 -H "Authorization: Bearer $api_token" "$api/spaces/$space_id/service-state" \
        | python3 -c 'import json, sys; sys.exit(0 if sys.argv[1] in json.load(sys.stdin)["http_ports"] else 1)' \
            "$backend_port"; do
    if ! kill -0 "$agent_pid" 2>/dev/null || [ $((tries += 1)) -gt 120 ]; then
        echo "the space's agent did not report its ports; its log:" >&2
        tail -30 "$work/agent/agent.log" >&2
        exit 1
    fi
    sleep 0.5
done
space_host="admin--bench--$backend_port.knot.test"
ws_host="admin--bench--$echo_port.knot.test"
wait_for "knot web port" "$knot_pid" "$work/knot/server.log" -H "Host: $space_host" \
    -H "Authorization: Bearer $api_token" "http://127.0.0.1:$knot_port/1k.bin"
wait_for "lone agent" "$lone_agent_pid" "$work/lone-agent/agent.log" -H "Authorization: Bearer $stub_token" \
    "http://127.0.0.1:$lone_agent_port/http/$backend_port/1k.bin"

# ------------------------------------------------------------------------------------------- targets
# name | URL | wrk/curl header arguments | pids whose CPU is the proxy's
declare -A url headers cpu_pids
url[direct]="http://127.0.0.1:$backend_port/1k.bin"; headers[direct]=""; cpu_pids[direct]="$backend_pid"
url[nginx]="http://127.0.0.1:$proxy_port/1k.bin"; headers[nginx]=""; cpu_pids[nginx]="$proxy_pid"
url[knot]="http://127.0.0.1:$knot_port/1k.bin"
headers[knot]="Host: $space_host|Authorization: Bearer $api_token"; cpu_pids[knot]="$knot_pid $agent_pid"
url[agent]="http://127.0.0.1:$lone_agent_port/http/$backend_port/1k.bin"
headers[agent]="Authorization: Bearer $stub_token"; cpu_pids[agent]="$lone_agent_pid"
targets=(direct nginx knot agent)

header_args() {
    local list=() IFS='|'
    for h in ${headers[$1]}; do list+=(-H "$h"); done
    [ ${#list[@]} -eq 0 ] || printf '%s\0' "${list[@]}"
}

for target in "${targets[@]}"; do # every path must serve the same bytes before anything is measured
    mapfile -d '' -t args < <(header_args "$target")
    curl -fs "${args[@]}" "${url[$target]}" | cmp -s - "$work/backend/html/1k.bin" \
        || { echo "$target does not serve the backend's file" >&2; exit 1; }
done

# CPU ticks (utime+stime) of the given processes and their children (nginx workers).
cpu_ticks() {
    local total=0 pid
    for pid in "$@" $(for p in "$@"; do pgrep -P "$p" || true; done); do
        total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    done
    echo "$total"
}

# run_wrk <target> <threads> <connections> <seconds>: prints "rps p50_ms p99_ms requests errors cpu_us_per_request
# first_process_cpu_us_per_request" (the first process of cpu_pids: knot's server without its agent).
run_wrk() {
    local target=$1 before first_before after first_after out
    mapfile -d '' -t args < <(header_args "$target")
    read -r -a proc <<<"${cpu_pids[$target]}"
    before=$(cpu_ticks "${proc[@]}") first_before=$(cpu_ticks "${proc[0]}")
    out=$("${load_cpu[@]}" wrk -t"$2" -c"$3" -d"$4"s --latency "${args[@]}" "${url[$target]}")
    after=$(cpu_ticks "${proc[@]}") first_after=$(cpu_ticks "${proc[0]}")
    echo "$out" >>"$work/wrk.log"
    echo "$out" | awk -v ticks=$((after - before)) -v first=$((first_after - first_before)) -v hz="$(getconf CLK_TCK)" '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        function per_request(t) { return requests ? t / hz * 1e6 / requests : 0 }
        / 50% / { p50 = ms($2) } / 99% / { p99 = ms($2) }
        /requests in/ { requests = $1 }
        /Requests\/sec/ { rps = $2 }
        /Non-2xx/ { errors += $NF }
        /Socket errors/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
        END { printf "%.0f %.3f %.3f %d %d %.1f %.1f\n", rps, p50, p99, requests, errors, per_request(ticks), per_request(first) }'
}

{
    echo "# $(date -u +%FT%TZ) $(nproc) CPUs ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r)"
    echo "# $("$java_bin" -version 2>&1 | head -1); $("$nginx_bin" -v 2>&1); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
    echo "# knot.jar: $jar (built $(date -u -r "$jar" +%FT%TZ); its tree is at $(git -C "$(dirname "$jar")" log -1 --format=%h 2>/dev/null || echo '?'))"
    echo "# $pinning"
    echo "# wrk -t$threads -c$connections ${duration}s (throughput) and -t1 -c1 ${latency_duration}s (latency), $rounds rounds; 1 KiB static file"
    echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$work/header.txt"

# Two passes, with a pause between: with one pass, knot's first measured round cost twice the CPU per request of the
# later ones and began with a burst of deoptimisation and recompilation (-Xlog:jit+compilation), probably the paths
# of reconnecting to the agent once the server's pooled connections had expired, which one pass never runs hot.
echo "# warm-up: ${warmup}s on knot and on the lone agent, 5 s on nginx and direct, then 5 s on each again" >&2
for target in "${targets[@]}"; do
    seconds=5
    [[ $target == knot || $target == agent ]] && seconds=$warmup
    run_wrk "$target" "$threads" "$connections" "$seconds" >/dev/null
done
sleep 35 # longer than the server's 30 s idle lifetime of a pooled agent connection
for target in "${targets[@]}"; do run_wrk "$target" "$threads" "$connections" 5 >/dev/null; done

results="$work/results.tsv"
: >"$results"
for round in $(seq 1 "$rounds"); do
    for target in "${targets[@]}"; do
        printf '%s\t%s\tload\t%s\n' "$target" "$round" "$(run_wrk "$target" "$threads" "$connections" "$duration")" >>"$results"
        printf '%s\t%s\tc1\t%s\n' "$target" "$round" "$(run_wrk "$target" 1 1 "$latency_duration")" >>"$results"
    done
    echo "# round $round done; load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/header.txt"
done

# ------------------------------------------------------------------------------------------- websocket
echo "127.0.0.1 $ws_host" >"$work/hosts"
declare -A ws_url ws_bearer
ws_url[direct]="ws://127.0.0.1:$echo_port/"; ws_bearer[direct]=""
ws_url[nginx]="ws://127.0.0.1:$proxy_ws_port/"; ws_bearer[nginx]=""
ws_url[knot]="ws://$ws_host:$knot_port/"; ws_bearer[knot]="$api_token"
ws_url[agent]="ws://127.0.0.1:$lone_agent_port/http/$echo_port/"; ws_bearer[agent]="$stub_token"
for round in $(seq 1 "$rounds"); do
    for target in "${targets[@]}"; do
        bearer=()
        [ -n "${ws_bearer[$target]}" ] && bearer=("${ws_bearer[$target]}")
        line=$("${load_cpu[@]}" "$java_bin" -Djdk.net.hosts.file="$work/hosts" -cp "$work/classes" WsRoundTrip client \
            "${ws_url[$target]}" "$ws_warmup" "$ws_count" "$ws_bytes" "${bearer[@]}" | grep '^RESULT')
        printf '%s\t%s\tws\t%s\n' "$target" "$round" "${line#RESULT }" >>"$results"
    done
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$work/header.txt"
grep -E ' (WARN|ERROR) ' "$work/knot/server.log" "$work/agent/agent.log" "$work/lone-agent/agent.log" | head -5 \
    | sed 's/^/# log: /' || true

echo
echo "# every run: target, round, kind, then for load/c1: rps p50_ms p99_ms requests errors cpu_us_per_request"
echo "#   first_process_cpu_us_per_request (knot: the server alone);"
echo "#   for ws: round_trips p50_us p99_us mean_us round_trips_per_s"
cat "$results"
echo
python3 - "$results" "$connections" "$ws_bytes" <<'PY'
import statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
connections, ws_bytes = sys.argv[2], sys.argv[3]
runs = {}
for target, _, kind, values in rows:
    runs.setdefault((target, kind), []).append([float(v) for v in values.split()])

def median(target, kind, column):
    return statistics.median(run[column] for run in runs[(target, kind)])

def spread(target, kind, column):
    values = [run[column] for run in runs[(target, kind)]]
    return f"{min(values):,.0f}–{max(values):,.0f}"

targets = ["direct", "nginx", "knot", "agent"]
names = {"direct": "backend direct", "nginx": "nginx proxy", "knot": "knot web port (server + agent)",
         "agent": "knot agent alone"}
print(f"Throughput, wrk -c{connections} (median of {len(runs[('direct', 'load')])} runs; range in brackets):")
print()
print("| path | requests/s | vs nginx | p50 ms | p99 ms | proxy CPU µs/request | errors |")
print("|---|---|---|---|---|---|---|")
for t in targets:
    ratio = median(t, "load", 0) / median("nginx", "load", 0)
    cpu = f"{median(t, 'load', 5):.1f}"
    if t == "direct":
        cpu = "(backend) " + cpu
    if t == "knot":
        cpu += f" (server {median(t, 'load', 6):.1f})"
    print(f"| {names[t]} | {median(t, 'load', 0):,.0f} ({spread(t, 'load', 0)}) | {ratio:.2f}× | "
          f"{median(t, 'load', 1):.2f} | {median(t, 'load', 2):.2f} | {cpu} | "
          f"{sum(run[4] for run in runs[(t, 'load')]):.0f} |")
print()
print("Latency, one request at a time (wrk -t1 -c1; median of the runs); added = path − direct:")
print()
print("| path | requests/s | p50 ms | p99 ms | added p50 ms | added p99 ms |")
print("|---|---|---|---|---|---|")
for t in targets:
    print(f"| {names[t]} | {median(t, 'c1', 0):,.0f} | {median(t, 'c1', 1):.3f} | {median(t, 'c1', 2):.3f} | "
          f"{median(t, 'c1', 1) - median('direct', 'c1', 1):+.3f} | {median(t, 'c1', 2) - median('direct', 'c1', 2):+.3f} |")
print()
print(f"Websocket echo, {ws_bytes}-byte text messages one after the other on one connection (median of the runs):")
print()
print("| path | round trips/s | p50 µs | p99 µs | added p50 µs | added p99 µs |")
print("|---|---|---|---|---|---|")
for t in targets:
    print(f"| {names[t]} | {median(t, 'ws', 4):,.0f} | {median(t, 'ws', 1):.0f} | {median(t, 'ws', 2):.0f} | "
          f"{median(t, 'ws', 1) - median('direct', 'ws', 1):+.0f} | {median(t, 'ws', 2) - median('direct', 'ws', 2):+.0f} |")
PY
