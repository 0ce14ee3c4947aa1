#!/usr/bin/env bash
# Runs a real OpenSearch node (2.19, embedded by search/engine/) on 127.0.0.1 for the live search suite.
#
#   scripts/search-node.sh start    build if needed, start in the background, wait until healthy, print URL
#   scripts/search-node.sh stop     stop the node started by `start` (by its pid file)
#   scripts/search-node.sh status   say whether it runs and answers
#
# Environment: SEARCH_NODE_PORT (9200), SEARCH_NODE_HEAP (512m), SEARCH_NODE_TIMEOUT seconds (180),
# SEARCH_NODE_DIR (var/search-node: pid file, log, data). Needs Java 17+ and Maven; the first build
# downloads the runner from Maven Central, later builds run offline.
# Point Django at it with: ELASTICSEARCH_URL=http://127.0.0.1:$SEARCH_NODE_PORT SEARCH_ENGINE=opensearch3
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ENGINE_DIR="$ROOT/search/engine"
PORT="${SEARCH_NODE_PORT:-9200}"
HEAP="${SEARCH_NODE_HEAP:-512m}"
TIMEOUT="${SEARCH_NODE_TIMEOUT:-180}"
NODE_DIR="${SEARCH_NODE_DIR:-$ROOT/var/search-node}"
PID_FILE="$NODE_DIR/node.pid"
LOG_FILE="$NODE_DIR/node.log"
URL="http://127.0.0.1:$PORT"

log() { printf 'search-node: %s\n' "$*" >&2; }

running_pid() {
    [[ -f "$PID_FILE" ]] || return 1
    local pid
    pid="$(cat "$PID_FILE")"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

healthy() {
    curl -fsS -m 2 "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1
}

build() {
    local classpath="$ENGINE_DIR/target/classpath.txt"
    local classes="$ENGINE_DIR/target/classes/org/oidp/search/SearchNode.class"
    if [[ -f "$classpath" && -f "$classes" && "$classes" -nt "$ENGINE_DIR/pom.xml" \
        && "$classes" -nt "$ENGINE_DIR/src/main/java/org/oidp/search/SearchNode.java" ]]; then
        return 0
    fi
    command -v mvn >/dev/null || { log "Maven (mvn) is not installed"; exit 1; }
    log "building search/engine (the first build downloads OpenSearch from Maven Central)"
    # Offline first, so that a machine with a filled ~/.m2 never touches the network.
    if ! (cd "$ENGINE_DIR" && mvn -q -B -o compile >"$NODE_DIR/build.log" 2>&1); then
        if ! (cd "$ENGINE_DIR" && mvn -q -B compile >"$NODE_DIR/build.log" 2>&1); then
            log "the Maven build failed; last lines of $NODE_DIR/build.log:"
            tail -n 30 "$NODE_DIR/build.log" >&2
            exit 1
        fi
    fi
}

start() {
    mkdir -p "$NODE_DIR"
    if pid="$(running_pid)"; then
        log "already running (pid $pid)"
        healthy && { echo "$URL"; return 0; }
    else
        if healthy; then
            log "something else already answers on $URL; stop it or set SEARCH_NODE_PORT"
            exit 1
        fi
        command -v java >/dev/null || { log "Java (17+) is not installed"; exit 1; }
        build
        rm -rf "$NODE_DIR/data"
        log "starting OpenSearch on $URL (log: $LOG_FILE)"
        # shellcheck disable=SC2046
        nohup java "-Xms$HEAP" "-Xmx$HEAP" -Djava.awt.headless=true \
            -cp "$ENGINE_DIR/target/classes:$(cat "$ENGINE_DIR/target/classpath.txt")" \
            org.oidp.search.SearchNode "$PORT" "$NODE_DIR/data" >"$LOG_FILE" 2>&1 &
        echo $! >"$PID_FILE"
    fi
    local waited=0
    until healthy; do
        if ! running_pid >/dev/null; then
            log "the node exited before it became healthy; last lines of $LOG_FILE:"
            tail -n 40 "$LOG_FILE" >&2
            rm -f "$PID_FILE"
            exit 1
        fi
        if ((waited >= TIMEOUT)); then
            log "not healthy after ${TIMEOUT}s; last lines of $LOG_FILE:"
            tail -n 40 "$LOG_FILE" >&2
            stop
            exit 1
        fi
        sleep 1
        waited=$((waited + 1))
    done
    log "healthy after ${waited}s"
    echo "$URL"
}

stop() {
    local pid
    if ! pid="$(running_pid)"; then
        log "not running"
        rm -f "$PID_FILE"
        return 0
    fi
    kill "$pid"
    for _ in $(seq 1 30); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "pid $pid did not stop within 30s; sending SIGKILL"
        kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$PID_FILE"
    log "stopped (pid $pid)"
}

status() {
    local pid
    if pid="$(running_pid)"; then
        if healthy; then
            echo "running (pid $pid) and healthy on $URL"
        else
            echo "running (pid $pid) but not answering on $URL"
            return 1
        fi
    else
        echo "not running"
        return 3
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *)
        echo "usage: $0 {start|stop|status}" >&2
        exit 2
        ;;
esac
