# shellcheck shell=bash
# shellcheck disable=SC2034 # variables for the scripts that source this file
# bench/common.sh: what bench/replay and bench/freshness share (sourced, not run): the benchmark's
# own single-node KRaft broker from Kafka's jars (as bench/ingest-throughput and ./run-local start it),
# ingest-service and dashboard-app from their jars, CPU accounting per phase, and the cleanup trap
# that stops everything the script started (only those PIDs), also on Ctrl-C or an error.
#
# The caller sets BENCH_NAME before sourcing; it may set NEEDS_INGEST / NEEDS_DASHBOARD.

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
WORK="$BENCH/.work/${BENCH_NAME:?BENCH_NAME must be set before sourcing bench/common.sh}"
LOGS="$WORK/logs"
KAFKA_DATA="$WORK/kafka-data"
STATE_DIR="$WORK/streams-state"
KAFKA_CLASSPATH="$BENCH/.work/kafka-classpath" # shared with bench/ingest-throughput
STREAMS_CLASSPATH="$BENCH/.work/streams-classpath"
KAFKA_POM="$ROOT/local/kafka-broker/pom.xml"
STREAMS_POM="$BENCH/streams-classpath/pom.xml"

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"

KAFKA_PORT=19092
CONTROLLER_PORT=19093
INGEST_PORT=18081
DASHBOARD_PORT=18080
BOOTSTRAP="localhost:$KAFKA_PORT"
EVENTS_TOPIC="integration.events.v1"
PARTITIONS=3 # as integration.events.v1 (ingest.kafka.partitions, dashboard.kafka.partitions)
DASHBOARD_LOGIN="planer:planer" # profile local (SecurityConfig.LOCAL_LOGINS)

# What we started, in start order: "name pid" per element; stop_all stops them in reverse order.
STARTED=()
BROKER_PID=""
INGEST_PID=""
DASHBOARD_PID=""
CHILD_PID=""   # the short-lived tool that runs right now, if any
CHILD_TICKS=0  # its CPU ticks, last seen before it exited

info() { printf '[bench] %s\n' "$*" >&2 2>/dev/null || true; }
die() {
  printf '[bench] ERROR: %s\n' "$*" >&2 2>/dev/null || true
  exit 1
}

port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/localhost/$1" 2>/dev/null
}

java_major() {
  local version
  version="$("$1" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n1)" || return 0
  printf '%s' "${version%%[.+-]*}"
}

# 1234567.8 -> 1,234,568
group() {
  printf '%.0f' "$1" | sed -E ':a;s/([0-9])([0-9]{3})($|,)/\1,\2\3/;ta'
}

now_ms() {
  date +%s%3N
}

# utime+stime of a process in clock ticks (0 if it is gone).
cpu_ticks() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || {
    echo 0
    return
  }
  stat="${stat##*) }"
  # shellcheck disable=SC2086 # split on purpose
  set -- $stat
  echo $((${12} + ${13}))
}

# "all idle" ticks of the whole machine.
machine_ticks() {
  awk '$1 == "cpu" { print $2+$3+$4+$5+$6+$7+$8+$9, $5+$6; exit }' /proc/stat
}

# Cores busy on the whole machine over $1 seconds (before the benchmark starts: others' load).
machine_busy() {
  local before after
  before="$(machine_ticks)"
  sleep "$1"
  after="$(machine_ticks)"
  awk -v a="$before" -v b="$after" -v cpus="$(nproc)" 'BEGIN { split(a, x, " "); split(b, y, " ")
    printf "%.2f", (y[1] > x[1]) ? cpus * (1 - (y[2] - x[2]) / (y[1] - x[1])) : 0 }'
}

# CPU per phase: cpu_begin NAME:PID...; then cpu_end [NAME:TICKS...] prints "name cores, ..., other
# processes X, machine busy Y of N" over the phase. Processes that exited during the phase (a tool)
# are passed to cpu_end with the ticks they used (CHILD_TICKS), and were not in cpu_begin.
CPU_WATCH=()
CPU_BEFORE=()
CPU_T0=0
CPU_MACHINE0=""
cpu_begin() {
  CPU_WATCH=("$@")
  CPU_BEFORE=()
  local entry
  for entry in "$@"; do
    CPU_BEFORE+=("$(cpu_ticks "${entry#*:}")")
  done
  CPU_MACHINE0="$(machine_ticks)"
  CPU_T0="$(now_ms)"
}

cpu_end() {
  local t1 machine1 i entry pairs=""
  t1="$(now_ms)"
  machine1="$(machine_ticks)"
  for i in "${!CPU_WATCH[@]}"; do
    entry="${CPU_WATCH[$i]}"
    pairs+="${entry%%:*}:$(($(cpu_ticks "${entry#*:}") - CPU_BEFORE[i])) "
  done
  for entry in "$@"; do
    pairs+="$entry "
  done
  awk -v pairs="$pairs" -v ms="$((t1 - CPU_T0))" -v m0="$CPU_MACHINE0" -v m1="$machine1" -v cpus="$(nproc)" 'BEGIN {
    t = ms / 1000; if (t <= 0) t = 0.001; n = split(pairs, p, " "); ours = 0; out = ""
    for (i = 1; i <= n; i++) { split(p[i], kv, ":"); c = kv[2] / 100 / t; ours += c; out = out sprintf("%s %.2f, ", kv[1], c) }
    split(m0, a, " "); split(m1, b, " ")
    busy = (b[1] - a[1]) > 0 ? cpus * (1 - (b[2] - a[2]) / (b[1] - a[1])) : 0
    other = busy - ours; if (other < 0) other = 0
    printf "%sother processes %.2f, machine busy %.2f of %d", out, other, busy, cpus }'
}

# A Kafka command line tool from the broker classpath: "${KAFKA_TOOL[@]}" CLASS ARGS...
KAFKA_TOOL=()
set_kafka_tool() {
  KAFKA_TOOL=(java -Xmx512m -Dlog4j2.configurationFile="$ROOT/local/kafka-broker/log4j2-tools.xml"
    -cp "$(cat "$KAFKA_CLASSPATH")")
}

# Runs a command in the background and waits for it (so that a signal to this script is handled at
# once), noting its CPU ticks in CHILD_TICKS while it runs (they are gone once it exited).
run_child() {
  "$@" </dev/null &
  CHILD_PID=$!
  CHILD_TICKS=0
  local ticks status=0
  while kill -0 "$CHILD_PID" 2>/dev/null; do
    ticks="$(cpu_ticks "$CHILD_PID")"
    ((ticks > 0)) && CHILD_TICKS="$ticks"
    sleep 0.2
  done
  wait "$CHILD_PID" || status=$?
  CHILD_PID=""
  return "$status"
}

# SIGTERM, then SIGKILL after $3 seconds. Only PIDs we started ourselves.
stop_process() {
  local name="$1" pid="$2" timeout="$3" ticks=0
  [[ -n "$pid" ]] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if ((ticks >= timeout * 5)); then
      info "$name did not stop within ${timeout}s: SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.2
    ticks=$((ticks + 1))
  done
  wait "$pid" 2>/dev/null || true
}

# Forgets a started process (after the script stopped it itself).
forget() {
  local i kept=()
  for i in "${STARTED[@]}"; do
    [[ "${i#* }" == "$1" ]] || kept+=("$i")
  done
  STARTED=("${kept[@]}")
}

stop_named() {
  local name="$1" pid="$2" timeout="$3"
  [[ -n "$pid" ]] || return 0
  info "Stopping $name (PID $pid)..."
  stop_process "$name" "$pid" "$timeout"
  forget "$pid"
}

stop_all() {
  local status=$?
  trap '' INT TERM HUP
  set +e
  if [[ -n "$CHILD_PID" ]]; then
    stop_process "tool" "$CHILD_PID" 10
    CHILD_PID=""
  fi
  local i entry
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
    entry="${STARTED[$i]}"
    info "Stopping ${entry% *} (PID ${entry#* })..."
    stop_process "${entry% *}" "${entry#* }" 30
  done
  STARTED=()
  rm -rf "$KAFKA_DATA" "$STATE_DIR"
  exit "$status"
}

install_traps() {
  trap 'exit 130' INT
  trap 'exit 143' TERM
  trap 'exit 129' HUP
  trap stop_all EXIT
}

# ------------------------------------------------------------------------------------------------
# Preparation: JDK, jars, classpaths, ports
# ------------------------------------------------------------------------------------------------

check_java() {
  [[ -x "$JAVA_HOME/bin/java" ]] || die "No java at JAVA_HOME=$JAVA_HOME; set JAVA_HOME to a JDK >= 21 (25 recommended)."
  local major
  major="$(java_major "$JAVA_HOME/bin/java")"
  if ! [[ "$major" =~ ^[0-9]+$ ]] || ((major < 21)); then
    die "JAVA_HOME=$JAVA_HOME is Java ${major:-?}; need >= 21 (25 recommended)."
  fi
  JAVA_MAJOR="$major"
  if ((major >= 23)); then
    export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
  fi
}

# Maven offline first (fast, no network), online when something is not in the local repository yet.
mvn_offline_first() {
  mvn -B -q -o -Dstyle.color=never "$@" >>"$LOGS/maven.log" 2>&1 ||
    mvn -B -q -Dstyle.color=never "$@" >>"$LOGS/maven.log" 2>&1
}

# The exec jar of module $1, or nothing.
exec_jar() {
  local jars=()
  shopt -s nullglob
  jars=("$ROOT/$1/target/$1"-*-exec.jar)
  shopt -u nullglob
  ((${#jars[@]} > 0)) && printf '%s' "${jars[0]}"
  return 0
}

# Builds the modules in $@ when a jar is missing or REBUILD=true; sets INGEST_JAR / DASHBOARD_JAR.
build_if_needed() {
  local module missing=()
  for module in "$@"; do
    [[ -z "$(exec_jar "$module")" || "${REBUILD:-false}" == true ]] && missing+=("$module")
  done
  if ((${#missing[@]} > 0)); then
    command -v mvn >/dev/null || die "Maven is needed to build ${missing[*]}."
    local list
    list="$(IFS=,; printf '%s' "${missing[*]}")"
    info "Building $list: mvn -q -pl $list -am package -DskipTests (log: ${LOGS#"$ROOT"/}/maven.log)"
    (cd "$ROOT" && mvn_offline_first -pl "$list" -am package -DskipTests) ||
      die "The Maven build failed; see ${LOGS#"$ROOT"/}/maven.log."
  fi
  for module in "$@"; do
    local jar newer
    jar="$(exec_jar "$module")"
    [[ -n "$jar" ]] || die "The build did not produce $module/target/$module-*-exec.jar."
    newer="$(find "$ROOT/$module/src/main" "$ROOT/integration-events/src/main" -type f -newer "$jar" \
      -print -quit 2>/dev/null || true)"
    if [[ -n "$newer" ]]; then
      info "Note: ${newer#"$ROOT"/} is newer than ${jar#"$ROOT"/}; measuring the jar as it is (--rebuild builds it)."
    fi
    case "$module" in
      ingest-service) INGEST_JAR="$jar" ;;
      dashboard-app) DASHBOARD_JAR="$jar" ;;
    esac
  done
}

# resolve_classpath POM FILE: the resolved classpath of POM in FILE, unless it is there and current.
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
  command -v mvn >/dev/null || die "Maven is needed to resolve the classpath of ${pom#"$ROOT"/}."
  info "Resolving the classpath of ${pom#"$ROOT"/} with Maven..."
  mvn_offline_first -f "$pom" dependency:build-classpath -Dmdep.outputFile="$file" || {
    rm -f "$file"
    die "Resolving the classpath of ${pom#"$ROOT"/} failed; see ${LOGS#"$ROOT"/}/maven.log."
  }
}

kafka_classpath() {
  resolve_classpath "$KAFKA_POM" "$KAFKA_CLASSPATH"
  grep -q 'kafka-tools-' "$KAFKA_CLASSPATH" || die "kafka-tools is not on the resolved classpath."
  set_kafka_tool
}

streams_classpath() {
  resolve_classpath "$STREAMS_POM" "$STREAMS_CLASSPATH"
  grep -q 'kafka-streams-' "$STREAMS_CLASSPATH" || die "kafka-streams is not on the resolved classpath."
}

check_ports_free() {
  local port
  for port in "$@"; do
    if port_open "$port"; then
      die "Port $port is in use (Kafka $KAFKA_PORT/$CONTROLLER_PORT, ingest $INGEST_PORT, dashboard $DASHBOARD_PORT). Is another benchmark running?"
    fi
  done
}

# ------------------------------------------------------------------------------------------------
# Broker, topics, services
# ------------------------------------------------------------------------------------------------

start_broker() {
  rm -rf "$KAFKA_DATA"
  mkdir -p "$KAFKA_DATA"
  # As run-local's broker (one node, broker and controller), on the benchmark's own ports and data dir.
  cat >"$WORK/server.properties" <<EOF
# Generated by bench/$BENCH_NAME on every run.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=localhost:$CONTROLLER_PORT
listeners=PLAINTEXT://localhost:$KAFKA_PORT,CONTROLLER://localhost:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://localhost:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_DATA
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
num.partitions=$PARTITIONS
auto.create.topics.enable=false
EOF
  local cluster_id
  cluster_id="$("${KAFKA_TOOL[@]}" kafka.tools.StorageTool random-uuid)"
  "${KAFKA_TOOL[@]}" kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$WORK/server.properties" \
    >"$LOGS/kafka-format.log" 2>&1 || die "Formatting the Kafka storage failed; see ${LOGS#"$ROOT"/}/kafka-format.log."
  rm -f "$LOGS/kafka.log"
  info "Starting the Kafka broker on $BOOTSTRAP (log: ${LOGS#"$ROOT"/}/kafka.log)..."
  # The JVM flags of run-local (those of Kafka's kafka-server-start.sh, 1 GB heap).
  java -Xms512m -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \
    -Dkafka.logs.dir="$LOGS" -Dlog4j2.configurationFile="$ROOT/local/kafka-broker/log4j2-broker.xml" \
    -cp "$(cat "$KAFKA_CLASSPATH")" kafka.Kafka "$WORK/server.properties" >>"$LOGS/kafka.log" 2>&1 </dev/null &
  BROKER_PID=$!
  STARTED+=("kafka $BROKER_PID")
  local waited=0
  until port_open "$KAFKA_PORT"; do
    kill -0 "$BROKER_PID" 2>/dev/null || die "The broker exited during start-up; see ${LOGS#"$ROOT"/}/kafka.log."
    ((waited < 60)) || die "The broker did not open port $KAFKA_PORT within 60 s; see ${LOGS#"$ROOT"/}/kafka.log."
    sleep 1
    waited=$((waited + 1))
  done
  info "Broker is up (PID $BROKER_PID)."
}

# create_topic NAME [--config k=v ...]: 3 partitions, replication factor 1.
create_topic() {
  local name="$1"
  shift
  "${KAFKA_TOOL[@]}" org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" --create --topic "$name" \
    --partitions "$PARTITIONS" --replication-factor 1 --config min.insync.replicas=1 "$@" \
    >>"$LOGS/topics.log" 2>&1 || die "Creating $name failed; see ${LOGS#"$ROOT"/}/topics.log."
}

# Waits until GET $2 answers with a body containing "status":"UP"; $1 = name, $3 = PID.
await_ready() {
  local name="$1" url="$2" pid="$3" waited=0
  until curl -sf -m 3 "$url" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$pid" 2>/dev/null || die "$name exited during start-up; see ${LOGS#"$ROOT"/}/$name.log."
    ((waited < 180)) || die "$name was not ready within 180 s; see ${LOGS#"$ROOT"/}/$name.log."
    sleep 0.5
    waited=$((waited + 1))
  done
}

start_ingest() {
  local secret demo_key
  secret="$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')"
  demo_key="$(sed -n 's/.*LOCAL_DEMO_KEY *= *"\([^"]*\)".*/\1/p' \
    "$ROOT/ingest-service/src/main/java/de/weserems/integration/ingest/providers/ApiKeys.java" | head -n1)"
  [[ -n "$demo_key" ]] || die "Could not read ApiKeys.LOCAL_DEMO_KEY."
  DEMO_KEY="$demo_key"
  info "Starting ingest-service ${INGEST_JAR#"$ROOT"/} on :$INGEST_PORT (log: ${LOGS#"$ROOT"/}/ingest-service.log)..."
  java -jar "$INGEST_JAR" \
    --spring.profiles.active=local \
    --server.port="$INGEST_PORT" \
    --spring.kafka.bootstrap-servers="$BOOTSTRAP" \
    --ingest.pseudonymisation.secret="$secret" \
    --ingest.rate-limit.events-per-second=10000000 \
    --ingest.rate-limit.burst=10000000 \
    --ingest.instance-id="bench-$$-$(date +%s)" \
    >"$LOGS/ingest-service.log" 2>&1 </dev/null &
  INGEST_PID=$!
  STARTED+=("ingest-service $INGEST_PID")
  await_ready ingest-service "http://localhost:$INGEST_PORT/actuator/health/readiness" "$INGEST_PID"
  info "ingest-service is ready (PID $INGEST_PID)."
}

# Starts dashboard-app with a fresh Streams state dir; does not wait (the caller decides what to wait for).
start_dashboard() {
  rm -rf "$STATE_DIR"
  mkdir -p "$STATE_DIR"
  info "Starting dashboard-app ${DASHBOARD_JAR#"$ROOT"/} on :$DASHBOARD_PORT (log: ${LOGS#"$ROOT"/}/dashboard-app.log)..."
  # DASHBOARD_JAVA_OPTS: extra JVM options, e.g. -XX:StartFlightRecording=filename=dashboard.jfr
  local -a java_opts=()
  read -r -a java_opts <<<"${DASHBOARD_JAVA_OPTS:-}"
  java "${java_opts[@]}" -jar "$DASHBOARD_JAR" \
    --spring.profiles.active=local \
    --server.port="$DASHBOARD_PORT" \
    --spring.kafka.bootstrap-servers="$BOOTSTRAP" \
    --spring.kafka.streams.state-dir="$STATE_DIR" \
    >"$LOGS/dashboard-app.log" 2>&1 </dev/null &
  DASHBOARD_PID=$!
  STARTED+=("dashboard-app $DASHBOARD_PID")
}

await_dashboard_ready() {
  await_ready dashboard-app "http://localhost:$DASHBOARD_PORT/actuator/health/readiness" "$DASHBOARD_PID"
  info "dashboard-app is ready (PID $DASHBOARD_PID)."
}

# "commit abc1234[+uncommitted changes]" of the modules in $@.
commit_of() {
  local commit
  commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  if [[ -n "$(git -C "$ROOT" status --porcelain -- "$@" 2>/dev/null)" ]]; then
    commit+="+uncommitted changes"
  fi
  printf '%s' "$commit"
}

machine_line() {
  printf 'machine: %s, JDK %s, commit %s' "$(awk '/MemTotal/ { printf "%.0f GiB RAM", $2 / 1048576 }' /proc/meminfo)" \
    "$JAVA_MAJOR" "$1"
}
