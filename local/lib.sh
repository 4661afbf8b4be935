# shellcheck shell=bash
# shellcheck disable=SC2153 # KAFKA_PORT, KAFKA_DATA, LOGS, ... are set by the script that sources this
# local/lib.sh: what ./run-local, .ci/run and the benchmarks (through bench/common.sh) share; sourced,
# not run. Messages, choosing a JDK, a single-node Apache Kafka broker (KRaft) from Kafka's own jars,
# waiting for ports and readiness probes, and stopping exactly the processes a script started (newest
# first, the broker last), also on Ctrl-C or an error. Defines variables and functions only: sourcing
# it starts nothing and installs no trap.
#
# Before sourcing, a script may set:
#   MSG_TAG      the [tag] of its messages (default: the script's file name)
#   MSG_INFO_FD  1 for info messages on stdout (default 2: all messages on stderr)
#   MSG_COLOR    true: warnings and errors in colour when stderr is a terminal, and without "ERROR:"
#   MIN_JAVA     the oldest JDK it accepts (default 21: Spring Boot 4 and Vaadin 25)
#   PID_DIR      a directory for a pid file per started process, so that a later run can name leftovers

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KAFKA_POM="$ROOT/local/kafka-broker/pom.xml"
MIN_JAVA="${MIN_JAVA:-21}"
BROKER_START_TIMEOUT=60 # seconds until the broker's port must answer
STOP_TIMEOUT=20         # seconds a process gets after SIGTERM before SIGKILL
BROKER_STOP_TIMEOUT=30  # the broker flushes and closes its logs: give it longer

# ------------------------------------------------------------------------------------------------
# Messages
# ------------------------------------------------------------------------------------------------

MSG_TAG="${MSG_TAG:-$(basename "$0")}"
MSG_INFO_FD="${MSG_INFO_FD:-2}"
MSG_BOLD="" MSG_YELLOW="" MSG_RED="" MSG_PLAIN="" MSG_ERROR="ERROR: "
if [[ "${MSG_COLOR:-false}" == true ]]; then
  MSG_ERROR=""
  # Only on a terminal, so that redirected output stays plain text.
  if [[ -t 2 ]]; then
    MSG_BOLD=$'\033[1m' MSG_YELLOW=$'\033[1;33m' MSG_RED=$'\033[1;31m' MSG_PLAIN=$'\033[0m'
  fi
fi

# Messages never fail: if the output went to a pipe that is gone (./run-local | tee, and Ctrl-C ended
# tee too), the clean-up must still run.
# shellcheck disable=SC2261 # the message to MSG_INFO_FD first, then printf's own complaints nowhere
info() { printf '%s[%s]%s %s\n' "$MSG_BOLD" "$MSG_TAG" "$MSG_PLAIN" "$*" >&"$MSG_INFO_FD" 2>/dev/null || true; }
warn() { printf '%s[%s] %s%s\n' "$MSG_YELLOW" "$MSG_TAG" "$*" "$MSG_PLAIN" >&2 2>/dev/null || true; }
die() {
  printf '%s[%s] %s%s%s\n' "$MSG_RED" "$MSG_TAG" "$MSG_ERROR" "$*" "$MSG_PLAIN" >&2 2>/dev/null || true
  exit 1
}

# Prints the last lines of a log, for when something failed.
show_log_tail() {
  warn "Last lines of ${1#"$ROOT"/}:"
  tail -n 40 "$1" >&2 2>/dev/null || true
}

# Keeps the previous run's log as *.log.1: a fresh log per run is easier to read, the last one helps
# when the question is "what happened before I restarted?".
rotate_log() {
  [[ -f "$1" ]] && mv -f "$1" "$1.1"
  return 0
}

# ------------------------------------------------------------------------------------------------
# JDK: Spring Boot 4 and Vaadin 25 need >= 21; many machines still default to 17.
# ------------------------------------------------------------------------------------------------

# Prints the major version of the given java binary (8 for "1.8.0_x"), or nothing.
java_major() {
  local version
  version="$("$1" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n1)" || return 0
  case "$version" in
    1.*) version="${version#1.}" ;;
  esac
  printf '%s' "${version%%[.+-]*}"
}

# Succeeds if $1 is an executable java of at least MIN_JAVA.
java_ok() {
  local major
  [[ -x "$1" ]] || return 1
  major="$(java_major "$1")"
  [[ "$major" =~ ^[0-9]+$ ]] && ((major >= MIN_JAVA))
}

# Chooses the JDK and exports JAVA_HOME/PATH, so that java, the Kafka tools and mvn all use it; sets
# JAVA_MAJOR. Order: java on PATH, then $JAVA_HOME, then the newest JDK in the usual install places.
pick_java() {
  local candidate="" path_java best="" best_major=0 dir major
  path_java="$(command -v java || true)"
  if [[ -n "$path_java" ]] && java_ok "$path_java"; then
    candidate="$(dirname "$(dirname "$(readlink -f "$path_java")")")"
  elif [[ -n "${JAVA_HOME:-}" ]] && java_ok "$JAVA_HOME/bin/java"; then
    candidate="$JAVA_HOME"
  else
    for dir in /usr/lib/jvm/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home; do
      [[ -x "$dir/bin/java" && -x "$dir/bin/javac" ]] || continue
      major="$(java_major "$dir/bin/java")"
      [[ "$major" =~ ^[0-9]+$ ]] || continue
      if ((major >= MIN_JAVA && major > best_major)); then
        best="$dir"
        best_major="$major"
      fi
    done
    candidate="$best"
  fi
  if [[ -z "$candidate" ]]; then
    local seen="none"
    [[ -n "$path_java" ]] && seen="java $(java_major "$path_java") on PATH"
    [[ -n "${JAVA_HOME:-}" ]] && seen="$seen, JAVA_HOME=$JAVA_HOME"
    die "No JDK >= $MIN_JAVA found (seen: $seen; also looked under /usr/lib/jvm). Install a JDK $MIN_JAVA or newer, or set JAVA_HOME to one."
  fi
  export JAVA_HOME="$candidate"
  export PATH="$JAVA_HOME/bin:$PATH"
  JAVA_MAJOR="$(java_major "$JAVA_HOME/bin/java")"
  # Maven's own Guava calls sun.misc.Unsafe, which JDK 24+ warns about on every mvn call; the option
  # exists since JDK 23 (an older JVM would refuse to start with it).
  if ((JAVA_MAJOR >= 23)); then
    export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
  fi
  info "Using JDK $JAVA_MAJOR at $JAVA_HOME"
}

# ------------------------------------------------------------------------------------------------
# Maven
# ------------------------------------------------------------------------------------------------

# Maven offline first (fast, no network), online when something is not in the local repository yet;
# quiet, into $LOGS/maven.log.
mvn_offline_first() {
  mkdir -p "$LOGS"
  mvn -B -q -o -Dstyle.color=never "$@" >>"$LOGS/maven.log" 2>&1 ||
    mvn -B -q -Dstyle.color=never "$@" >>"$LOGS/maven.log" 2>&1
}

# resolve_classpath POM FILE: the resolved classpath of POM (a pom that only lists dependencies) in
# FILE. Redone when the pom changed or a jar vanished from the local Maven repository.
resolve_classpath() {
  local pom="$1" file="$2" stale=false jar
  if [[ ! -s "$file" || "$pom" -nt "$file" ]]; then
    stale=true
  else
    while IFS= read -r jar; do
      [[ -f "$jar" ]] || stale=true
    done < <(tr ':' '\n' <"$file")
  fi
  [[ "$stale" == true ]] || return 0
  command -v mvn >/dev/null || die "Maven (mvn) is needed to resolve the classpath of ${pom#"$ROOT"/}, and it is not on PATH."
  info "Resolving the classpath of ${pom#"$ROOT"/} with Maven (once)..."
  mkdir -p "$(dirname "$file")"
  if ! mvn_offline_first -f "$pom" dependency:build-classpath -Dmdep.outputFile="$file"; then
    rm -f "$file"
    show_log_tail "$LOGS/maven.log"
    die "Resolving the classpath of ${pom#"$ROOT"/} failed; see ${LOGS#"$ROOT"/}/maven.log."
  fi
}

# newer_input MODULE JAR: the first file that goes into MODULE's jar (its src/main, integration-events'
# src/main, the poms) and is newer than JAR; nothing if there is none. Not all of */src: dashboard-app's
# build writes into its src/main (Vaadin bundle) after ingest-service's jar is made, which would look
# stale every time; and test sources are not in a jar.
newer_input() {
  local module="$1" jar="$2" path inputs=()
  for path in "$ROOT/pom.xml" "$ROOT/$module/pom.xml" "$ROOT/$module/src/main" \
    "$ROOT/integration-events/pom.xml" "$ROOT/integration-events/src/main"; do
    [[ -e "$path" ]] && inputs+=("$path")
  done
  find "${inputs[@]}" -type f -newer "$jar" -print -quit 2>/dev/null || true
}

# ------------------------------------------------------------------------------------------------
# Ports and readiness
# ------------------------------------------------------------------------------------------------

# Succeeds if something accepts TCP connections on 127.0.0.1:$1 (where a local run binds) (bash's /dev/tcp: no nc/ss needed).
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# Prints those of the ports $@ that something listens on.
busy_ports() {
  local port busy=()
  for port in "$@"; do
    port_open "$port" && busy+=("$port")
  done
  printf '%s' "${busy[*]}"
}

# Lists the processes of an earlier run (pid files in PID_DIR) that are still alive: either that run is
# still going (in another terminal), or it was killed hard (kill -9) and left them behind.
leftover_hint() {
  local file pid
  [[ -n "${PID_DIR:-}" ]] || return 0
  for file in "$PID_DIR"/*.pid; do
    [[ -f "$file" ]] || continue
    pid="$(cat "$file")"
    if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
      grep -qa java "/proc/$pid/cmdline" 2>/dev/null; then
      echo "  $(basename "$file" .pid), started by $MSG_TAG, is running as PID $pid"
    fi
  done
}

# Refuses to start when one of the ports $@ is taken: two brokers or services would fight over them,
# and a half-started second stack is more confusing than a clear message.
check_ports_free() {
  local busy hint
  busy="$(busy_ports "$@")"
  [[ -z "$busy" ]] && return 0
  warn "Something already listens on port(s) $busy (needed: $*)."
  hint="$(leftover_hint)"
  if [[ -n "$hint" ]]; then
    warn "$hint"
    die "Another $MSG_TAG is running: stop it with Ctrl-C (or, if its terminal is gone, kill the PIDs above)."
  fi
  die "Is another $MSG_TAG, Kafka broker or Spring app running? Stop it first."
}

# wait_port NAME PID PORT LOG: waits until PORT answers; dies (showing LOG) if the process exits first
# or the port stays closed for BROKER_START_TIMEOUT seconds.
wait_port() {
  local name="$1" pid="$2" port="$3" log="$4" waited=0
  until port_open "$port"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      show_log_tail "$log"
      die "$name exited during start-up; see ${log#"$ROOT"/}."
    fi
    if ((waited >= BROKER_START_TIMEOUT)); then
      show_log_tail "$log"
      die "$name did not open port $port within ${BROKER_START_TIMEOUT}s; see ${log#"$ROOT"/}."
    fi
    sleep 1
    waited=$((waited + 1))
  done
  info "$name is up (PID $pid, ${waited}s)."
}

# Returns the HTTP status of a GET (000 if nothing answers). curl if there is one, else bash's /dev/tcp.
http_status() {
  local url="$1"
  if command -v curl >/dev/null; then
    curl -s -o /dev/null -m 3 -w '%{http_code}' "$url" 2>/dev/null || true
    return 0
  fi
  local rest="${url#http://}" hostport path line
  hostport="${rest%%/*}"
  path="/${rest#*/}"
  # shellcheck disable=SC2016 # $1/$2 are expanded by the inner bash
  line="$(timeout 3 bash -c 'exec 3<>"/dev/tcp/${1%:*}/${1##*:}" &&
      printf "GET %s HTTP/1.0\r\nHost: %s\r\n\r\n" "$2" "$1" >&3 && head -n1 <&3' _ "$hostport" "$path" 2>/dev/null || true)"
  line="${line#HTTP/* }"
  printf '%s' "${line:0:3}"
  [[ -n "$line" ]] || printf '000'
}

# wait_ready NAME PID URL LOG TIMEOUT: waits until URL (a readiness probe) answers 200; dies (showing
# LOG) if the process exits first or TIMEOUT seconds pass.
wait_ready() {
  local name="$1" pid="$2" url="$3" log="$4" timeout="$5" start="$SECONDS" status
  while true; do
    status="$(http_status "$url")"
    [[ "$status" == 200 ]] && break
    if ! kill -0 "$pid" 2>/dev/null; then
      show_log_tail "$log"
      die "$name exited during start-up; see ${log#"$ROOT"/}."
    fi
    if ((SECONDS - start >= timeout)); then
      show_log_tail "$log"
      die "$name was not ready within ${timeout}s ($url answered ${status:-nothing}); see ${log#"$ROOT"/}."
    fi
    sleep 0.5
  done
  info "$name is ready (PID $pid, $((SECONDS - start))s)."
}

# ------------------------------------------------------------------------------------------------
# Processes: what a script started, stopped on exit
# ------------------------------------------------------------------------------------------------

STARTED=()    # "name pid timeout" per process, in start order
EXIT_HOOKS=() # functions stop_everything calls after the processes are stopped

# started NAME PID [TIMEOUT]: remembers a process this script started (SIGKILL TIMEOUT seconds after
# SIGTERM, default STOP_TIMEOUT).
started() {
  STARTED+=("$1 $2 ${3:-$STOP_TIMEOUT}")
  if [[ -n "${PID_DIR:-}" ]]; then
    mkdir -p "$PID_DIR"
    echo "$2" >"$PID_DIR/$1.pid"
  fi
}

# forget PID: for a process that ended or was stopped by the script itself.
forget() {
  local entry kept=() fields
  for entry in "${STARTED[@]}"; do
    read -r -a fields <<<"$entry"
    if [[ "${fields[1]}" == "$1" ]]; then
      [[ -n "${PID_DIR:-}" ]] && rm -f "$PID_DIR/${fields[0]}.pid"
    else
      kept+=("$entry")
    fi
  done
  STARTED=("${kept[@]}")
}

# wait_gone NAME PID TIMEOUT: waits until a process we started has exited; SIGKILL after TIMEOUT seconds.
wait_gone() {
  local name="$1" pid="$2" timeout="$3" ticks=0
  while kill -0 "$pid" 2>/dev/null; do
    if ((ticks >= timeout * 5)); then
      warn "$name did not stop within ${timeout}s: killing it (SIGKILL)."
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
    ticks=$((ticks + 1))
  done
  wait "$pid" 2>/dev/null || true # reap it, whatever its exit status
}

# stop_process NAME PID [TIMEOUT]: SIGTERM, then SIGKILL after TIMEOUT seconds; then forgets it.
stop_process() {
  local name="$1" pid="$2" timeout="${3:-$STOP_TIMEOUT}"
  [[ -n "$pid" ]] || return 0
  if kill -0 "$pid" 2>/dev/null; then
    info "Stopping $name (PID $pid)..."
    kill -TERM "$pid" 2>/dev/null || true
  fi
  wait_gone "$name" "$pid" "$timeout"
  forget "$pid"
}

# Stops everything in STARTED. The first one started (the broker) goes last: the others need it to shut
# down cleanly (Streams commits, producers flush). The others get SIGTERM at once and are waited for
# newest first: on 2 cores that is faster than one after the other.
stop_started() {
  local i fields
  for ((i = ${#STARTED[@]} - 1; i >= 1; i--)); do
    read -r -a fields <<<"${STARTED[$i]}"
    if kill -0 "${fields[1]}" 2>/dev/null; then
      info "Stopping ${fields[0]} (PID ${fields[1]})..."
      kill -TERM "${fields[1]}" 2>/dev/null || true
    fi
  done
  for ((i = ${#STARTED[@]} - 1; i >= 1; i--)); do
    read -r -a fields <<<"${STARTED[$i]}"
    wait_gone "${fields[@]}"
    forget "${fields[1]}"
  done
  if ((${#STARTED[@]} > 0)); then
    read -r -a fields <<<"${STARTED[0]}"
    stop_process "${fields[@]}"
  fi
}

# The EXIT trap: stops whatever was started, then runs EXIT_HOOKS; keeps the exit status.
stop_everything() {
  local status=$? hook
  trap '' INT TERM HUP # a second Ctrl-C must not leave half of it running
  set +e               # nothing may cut the clean-up short
  stop_started
  for hook in "${EXIT_HOOKS[@]}"; do
    "$hook"
  done
  exit "$status"
}

# From here on, whatever happens (Ctrl-C, kill, an error, a closed terminal), stop what was started.
stop_on_exit() {
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP # the terminal was closed
  trap '' PIPE        # a vanished stdout (| tee ended by Ctrl-C) must not kill us before the clean-up
  trap stop_everything EXIT
}

# ------------------------------------------------------------------------------------------------
# Kafka broker: one node that is both broker and KRaft controller, from Kafka's jars via Maven.
# The caller sets KAFKA_PORT, CONTROLLER_PORT, KAFKA_CLASSPATH (a file), KAFKA_CONFIG (a file),
# KAFKA_DATA (a directory; kept across starts) and LOGS.
# ------------------------------------------------------------------------------------------------

# Resolves the classpath of kafka_2.13 + kafka-tools + Log4j 2 (local/kafka-broker/pom.xml) into
# KAFKA_CLASSPATH and sets KAFKA_JAVA (java with that classpath and the tools' logging) and KAFKA_TOOL
# (the same with a heap for a command line tool: "${KAFKA_TOOL[@]}" CLASS ARGS...). Arrays, not
# functions, so that a tool started in the background is the java process itself (its PID is the one
# that gets stopped), not a subshell around it.
kafka_classpath() {
  resolve_classpath "$KAFKA_POM" "$KAFKA_CLASSPATH"
  grep -q 'kafka-tools-' "$KAFKA_CLASSPATH" || die "kafka-tools is not on the resolved classpath ($KAFKA_CLASSPATH)."
  KAFKA_JAVA=(java -Dlog4j2.configurationFile="$ROOT/local/kafka-broker/log4j2-tools.xml"
    -cp "$(cat "$KAFKA_CLASSPATH")")
  KAFKA_TOOL=("${KAFKA_JAVA[@]}" -Xmx512m)
}

# Writes the broker's configuration. Written on every start (cheap), so it always matches this file
# and the absolute paths even if the checkout was moved.
write_kafka_config() {
  mkdir -p "$KAFKA_DATA" "$(dirname "$KAFKA_CONFIG")"
  cat >"$KAFKA_CONFIG" <<EOF
# Generated by $MSG_TAG (local/lib.sh) on every start: edit local/lib.sh, not this file.
# One node that is both broker and KRaft controller.
process.roles=broker,controller
node.id=1
# Loopback only: the local broker is plain and without authentication, so nothing else on the
# network may reach it.
controller.quorum.bootstrap.servers=127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_DATA
# A single node can only keep one replica of the internal topics; Kafka Streams' exactly_once_v2
# needs the transaction state topic to accept that.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# No 3 s wait before the first consumer group rebalance: faster starts.
group.initial.rebalance.delay.ms=0
# As integration.events.v1 (ingest.kafka.partitions, dashboard.kafka.partitions).
num.partitions=3
# The services declare their topics (partitions, retention, compaction); a typo must not create one.
auto.create.topics.enable=false
EOF
}

# Formats the storage once (KRaft needs a cluster id and the controller's metadata log before the
# first start). Skipped when the data is already there, so a restart keeps all topics and events.
format_kafka_storage() {
  [[ -f "$KAFKA_DATA/meta.properties" ]] && return 0
  local cluster_id
  cluster_id="$("${KAFKA_TOOL[@]}" kafka.tools.StorageTool random-uuid)"
  info "Formatting new Kafka storage in ${KAFKA_DATA#"$ROOT"/} (cluster id $cluster_id)..."
  "${KAFKA_TOOL[@]}" kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$KAFKA_CONFIG" \
    >>"$LOGS/kafka.log" 2>&1 || { show_log_tail "$LOGS/kafka.log"; die "Formatting the Kafka storage failed."; }
}

# Starts the broker (after kafka_classpath), waits for its port and sets BROKER_PID; log: $LOGS/kafka.log.
start_broker() {
  mkdir -p "$LOGS"
  write_kafka_config
  rotate_log "$LOGS/kafka.log"
  format_kafka_storage
  info "Starting the Kafka broker on 127.0.0.1:$KAFKA_PORT (log: ${LOGS#"$ROOT"/}/kafka.log)..."
  # JVM flags as in Kafka's own kafka-server-start.sh, with a heap that is plenty for one node.
  java -Xms512m -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \
    -Dkafka.logs.dir="$LOGS" -Dlog4j2.configurationFile="$ROOT/local/kafka-broker/log4j2-broker.xml" \
    -cp "$(cat "$KAFKA_CLASSPATH")" kafka.Kafka "$KAFKA_CONFIG" >>"$LOGS/kafka.log" 2>&1 </dev/null &
  BROKER_PID=$!
  started kafka "$BROKER_PID" "$BROKER_STOP_TIMEOUT"
  wait_port "The Kafka broker" "$BROKER_PID" "$KAFKA_PORT" "$LOGS/kafka.log"
}
