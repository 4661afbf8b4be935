# shellcheck shell=bash
# shellcheck disable=SC2034 # variables for the scripts that source this file
# bench/common.sh: what the benchmarks share (sourced, not run), on top of local/lib.sh (JDK, broker,
# stopping what was started): their work dir, options, the service jars, ingest-service and
# dashboard-app started from their jars, topics, CPU accounting per phase and the summary's lines.
#
# The caller sets BENCH_NAME before sourcing (its work dir is bench/.work/$BENCH_NAME unless it sets
# WORK, and its messages are tagged [bench] unless it sets MSG_TAG). It may change the ports after
# sourcing (use_ports).

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MSG_TAG="${MSG_TAG:-bench}"
# The bench programs are run from source together with the classes of bench/support/ (and of their
# own package, e.g. bench/soakmonitor/) they use: the multi-file source launcher (JEP 458) came with JDK 22.
MIN_JAVA=22
# shellcheck source=local/lib.sh
source "$BENCH/../local/lib.sh"

WORK="${WORK:-$BENCH/.work/${BENCH_NAME:?BENCH_NAME must be set before sourcing bench/common.sh}}"
LOGS="$WORK/logs"
KAFKA_DATA="$WORK/kafka-data"
KAFKA_CONFIG="$WORK/server.properties"
STATE_DIR="$WORK/streams-state"
KAFKA_CLASSPATH="$BENCH/.work/kafka-classpath" # the same for every benchmark
STREAMS_CLASSPATH="$BENCH/.work/streams-classpath"
STREAMS_POM="$BENCH/streams-classpath/pom.xml"

KAFKA_PORT=19092
CONTROLLER_PORT=19093
INGEST_PORT=18081
DASHBOARD_PORT=18080
BOOTSTRAP="localhost:$KAFKA_PORT"
EVENTS_TOPIC="integration.events.v1"
PARTITIONS=3 # as integration.events.v1 (ingest.kafka.partitions, dashboard.kafka.partitions)
DASHBOARD_LOGIN="planer:planer" # profile local (SecurityConfig.LOCAL_LOGINS)
# the local login with the role STATISTICS: checks compare exact figures (exact=true), not published ones
DASHBOARD_EXACT_LOGIN="admin:admin"

# The services' extra JVM options and arguments; a benchmark may change them before starting them.
INGEST_JVM=()
# A rate limit the load never reaches: the benchmarks measure the service, not its throttle.
INGEST_ARGS=(--ingest.rate-limit.events-per-second=10000000 --ingest.rate-limit.burst=10000000
  --ingest.instance-id="bench-$$-$(date +%s)")
# DASHBOARD_JAVA_OPTS (environment): extra JVM options, e.g. -XX:StartFlightRecording=filename=dashboard.jfr
read -r -a DASHBOARD_JVM <<<"${DASHBOARD_JAVA_OPTS:-}"
# Extra arguments of dashboard-app, e.g. its engine generation (--dashboard.engine.generation=v4).
DASHBOARD_ARGS=()
SERVICE_READY_TIMEOUT=180 # seconds; both services start at once on 2 cores

CHILD_TICKS=0          # CPU ticks of the last run_child command, last seen before it exited
CHILD_STOP_TIMEOUT=10  # seconds a run_child command gets after SIGTERM when the benchmark is stopped

# ------------------------------------------------------------------------------------------------
# Options and preparation
# ------------------------------------------------------------------------------------------------

# parse_options SPEC... -- ARG...: sets each variable a SPEC names to its default, then to what the
# command line says. A SPEC is --name=VAR (a flag: VAR=false, or true when given), --name=VAR:count:DEFAULT
# (a positive whole number), --name=VAR:number:DEFAULT (a positive number) or --name=VAR:text:DEFAULT
# (any value that is not empty; the default may be empty); values as --name=value or --name value.
# -h/--help prints usage (which may show the defaults) and exits.
parse_options() {
  local specs=() spec var kind default
  while [[ "$1" != -- ]]; do
    specs+=("$1")
    IFS=: read -r var kind default <<<"${1#*=}"
    if [[ -z "$kind" ]]; then
      printf -v "$var" false
    else
      printf -v "$var" '%s' "$default"
    fi
    shift
  done
  shift
  while (($# > 0)); do
    local arg="$1" name="${1%%=*}" value=""
    if [[ "$arg" == -h || "$arg" == --help ]]; then
      usage
      exit 0
    fi
    var=""
    for spec in "${specs[@]}"; do
      [[ "${spec%%=*}" == "$name" ]] && IFS=: read -r var kind default <<<"${spec#*=}"
    done
    if [[ -z "$var" ]]; then
      usage >&2
      die "Unknown option: $arg"
    fi
    if [[ -z "$kind" ]]; then
      [[ "$arg" == "$name" ]] || die "$name takes no value"
      printf -v "$var" true
    else
      if [[ "$arg" == *=* ]]; then
        value="${arg#*=}"
      else
        (($# >= 2)) || die "$name needs a value"
        value="$2"
        shift
      fi
      case "$kind" in
        text) [[ -n "$value" ]] || die "$name needs a value" ;;
        count) [[ "$value" =~ ^[1-9][0-9]*$ ]] || die "$name needs a positive whole number, not '$value'" ;;
        number)
          if ! [[ "$value" =~ ^[0-9]+([.][0-9]+)?$ ]] || [[ "$value" =~ ^0+([.]0*)?$ ]]; then
            die "$name needs a positive number, not '$value'"
          fi
          ;;
      esac
      printf -v "$var" '%s' "$value"
    fi
    shift
  done
}

# use_ports KAFKA CONTROLLER INGEST DASHBOARD: other ports than the defaults, so that a benchmark can
# run beside the others and ./run-local.
use_ports() {
  KAFKA_PORT="$1"
  CONTROLLER_PORT="$2"
  INGEST_PORT="$3"
  DASHBOARD_PORT="$4"
  BOOTSTRAP="localhost:$KAFKA_PORT"
}

# prepare MODULE...: what every benchmark does before it starts anything: a JDK, its work dir, its
# ports free (the broker's, and the service ports of the MODULEs), the MODULEs' jars, the broker's
# classpath, and from then on stopping what it starts on exit.
prepare() {
  pick_java
  mkdir -p "$WORK" "$LOGS" "$BENCH/results"
  local ports=("$KAFKA_PORT" "$CONTROLLER_PORT") module
  for module in "$@"; do
    case "$module" in
      ingest-service) ports+=("$INGEST_PORT") ;;
      dashboard-app) ports+=("$DASHBOARD_PORT") ;;
    esac
  done
  check_ports_free "${ports[@]}"
  build_if_needed "$@"
  kafka_classpath
  EXIT_HOOKS+=(delete_data)
  stop_on_exit
}

# The broker's data and the Streams state are of this run only.
delete_data() {
  rm -rf "$KAFKA_DATA" "$STATE_DIR"
}

# The exec jar of module $1 (a path from the root: local/demo-feeder's jar is demo-feeder-*-exec.jar), or nothing.
exec_jar() {
  local jars=()
  shopt -s nullglob
  jars=("$ROOT/$1/target/${1##*/}"-*-exec.jar)
  shopt -u nullglob
  ((${#jars[@]} > 0)) && printf '%s' "${jars[0]}"
  return 0
}

# Builds the modules in $@ when a jar is missing or REBUILD=true; sets INGEST_JAR / DASHBOARD_JAR /
# FEEDER_JAR (local/demo-feeder).
# A jar older than its sources is measured as it is, with a note.
build_if_needed() {
  local module missing=()
  for module in "$@"; do
    [[ -z "$(exec_jar "$module")" || "$REBUILD" == true ]] && missing+=("$module")
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
    [[ -n "$jar" ]] || die "The build did not produce $module/target/${module##*/}-*-exec.jar."
    newer="$(newer_input "$module" "$jar")"
    if [[ -n "$newer" ]]; then
      info "Note: ${newer#"$ROOT"/} is newer than ${jar#"$ROOT"/}; measuring the jar as it is (--rebuild builds it)."
    fi
    case "$module" in
      ingest-service) INGEST_JAR="$jar" ;;
      dashboard-app) DASHBOARD_JAR="$jar" ;;
      local/demo-feeder) FEEDER_JAR="$jar" ;;
    esac
  done
}

streams_classpath() {
  resolve_classpath "$STREAMS_POM" "$STREAMS_CLASSPATH"
  grep -q 'kafka-streams-' "$STREAMS_CLASSPATH" || die "kafka-streams is not on the resolved classpath."
}

# ------------------------------------------------------------------------------------------------
# Broker, topics, services
# ------------------------------------------------------------------------------------------------

# The broker of local/lib.sh on this benchmark's ports, with fresh data.
start_fresh_broker() {
  rm -rf "$KAFKA_DATA"
  start_broker
}

# create_topic NAME [--config k=v ...]: 3 partitions, replication factor 1.
create_topic() {
  local name="$1"
  shift
  "${KAFKA_TOOL[@]}" org.apache.kafka.tools.TopicCommand --bootstrap-server "localhost:$KAFKA_PORT" --create \
    --topic "$name" --partitions "$PARTITIONS" --replication-factor 1 --config min.insync.replicas=1 "$@" \
    >>"$LOGS/topics.log" 2>&1 || die "Creating $name failed; see ${LOGS#"$ROOT"/}/topics.log."
}

# start_jar NAME PORT JAR JVM_ARRAY ARG...: a service from its exec jar with profile local on PORT and
# this benchmark's broker, the JVM options in the array named JVM_ARRAY; log: $LOGS/NAME.log. Does not
# wait for it.
start_jar() {
  local name="$1" port="$2" jar="$3" jvm="$4[@]"
  shift 4
  info "Starting $name ${jar#"$ROOT"/} on :$port (log: ${LOGS#"$ROOT"/}/$name.log)..."
  # the actuator answers on the management port only: the main port + 1000
  java "${!jvm}" -jar "$jar" --spring.profiles.active=local --server.port="$port" \
    --management.server.port="$((port + 1000))" \
    --spring.kafka.bootstrap-servers="localhost:$KAFKA_PORT" "$@" >"$LOGS/$name.log" 2>&1 </dev/null &
  started "$name" $!
}

# Starts ingest-service (a random pseudonymisation secret, INGEST_JVM, INGEST_ARGS), sets INGEST_PID
# and DEMO_KEY (the local demo provider's API key).
start_ingest() {
  DEMO_KEY="$(sed -n 's/.*LOCAL_DEMO_KEY *= *"\([^"]*\)".*/\1/p' \
    "$ROOT/ingest-service/src/main/java/de/weserems/integration/ingest/providers/ApiKeys.java" | head -n1)"
  [[ -n "$DEMO_KEY" ]] || die "Could not read ApiKeys.LOCAL_DEMO_KEY."
  start_jar ingest-service "$INGEST_PORT" "$INGEST_JAR" INGEST_JVM \
    --ingest.pseudonymisation.secret="$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')" "${INGEST_ARGS[@]}"
  INGEST_PID=$!
}

await_ingest_ready() {
  wait_ready ingest-service "$INGEST_PID" "http://localhost:$((INGEST_PORT + 1000))/actuator/health/readiness" \
    "$LOGS/ingest-service.log" "$SERVICE_READY_TIMEOUT"
}

# Starts dashboard-app (DASHBOARD_JVM, DASHBOARD_ARGS) with a fresh Streams state dir and sets
# DASHBOARD_PID; the caller decides what to wait for (await_dashboard_ready, or an offset watcher). On an
# empty event log its engine generation counts as caught up at once; on a filled one the read API and
# readiness wait until it has stayed caught up for dashboard.engine.caught-up-for (default 30 s).
start_dashboard() {
  rm -rf "$STATE_DIR"
  mkdir -p "$STATE_DIR"
  start_jar dashboard-app "$DASHBOARD_PORT" "$DASHBOARD_JAR" DASHBOARD_JVM \
    --spring.kafka.streams.state-dir="$STATE_DIR" "${DASHBOARD_ARGS[@]}"
  DASHBOARD_PID=$!
}

await_dashboard_ready() {
  wait_ready dashboard-app "$DASHBOARD_PID" "http://localhost:$((DASHBOARD_PORT + 1000))/actuator/health/readiness" \
    "$LOGS/dashboard-app.log" "$SERVICE_READY_TIMEOUT"
}

# ------------------------------------------------------------------------------------------------
# CPU accounting
# ------------------------------------------------------------------------------------------------

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

# Sets BUSY_BEFORE: what other processes keep busy before the benchmark starts anything.
note_busy_before() {
  BUSY_BEFORE="$(machine_busy 3)"
  info "Machine busy before the start (other processes): $BUSY_BEFORE of $(nproc) cores."
}

# CPU per phase: cpu_begin NAME:PID...; then cpu_end [--seconds S] [NAME:TICKS...] prints "name cores,
# ..., other processes X, machine busy Y of N" over the phase (or over S seconds, when the phase's own
# length is known better than the wall clock around it). Processes that exited during the phase (a
# tool) are passed to cpu_end with the ticks they used (CHILD_TICKS), and were not in cpu_begin.
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
  local t1 machine1 i entry pairs="" seconds=""
  t1="$(now_ms)"
  machine1="$(machine_ticks)"
  if [[ "${1:-}" == --seconds ]]; then
    seconds="$2"
    shift 2
  fi
  for i in "${!CPU_WATCH[@]}"; do
    entry="${CPU_WATCH[$i]}"
    pairs+="${entry%%:*}:$(($(cpu_ticks "${entry#*:}") - CPU_BEFORE[i])) "
  done
  for entry in "$@"; do
    pairs+="$entry "
  done
  awk -v pairs="$pairs" -v ms="$((t1 - CPU_T0))" -v s="$seconds" -v m0="$CPU_MACHINE0" -v m1="$machine1" \
    -v cpus="$(nproc)" 'BEGIN {
    t = (s != "") ? s : ms / 1000; if (t <= 0) t = 0.001; n = split(pairs, p, " "); ours = 0; out = ""
    for (i = 1; i <= n; i++) { split(p[i], kv, ":"); c = kv[2] / 100 / t; ours += c; out = out sprintf("%s %.2f, ", kv[1], c) }
    split(m0, a, " "); split(m1, b, " ")
    busy = (b[1] - a[1]) > 0 ? cpus * (1 - (b[2] - a[2]) / (b[1] - a[1])) : 0
    other = busy - ours; if (other < 0) other = 0
    printf "%sother processes %.2f, machine busy %.2f of %d", out, other, busy, cpus }'
}

# Runs a command in the background and waits for it (so that a signal to this script is handled at
# once: bash runs traps only between commands, not while a foreground child runs), noting its CPU
# ticks in CHILD_TICKS while it runs (they are gone once it exited). Stopped with the rest on exit.
run_child() {
  "$@" </dev/null &
  local pid=$! ticks status=0 name=tool arg
  for arg in "$@"; do
    [[ "$arg" == *.java ]] && name="$(basename "$arg" .java)"
  done
  started "$name" "$pid" "$CHILD_STOP_TIMEOUT"
  CHILD_TICKS=0
  while kill -0 "$pid" 2>/dev/null; do
    ticks="$(cpu_ticks "$pid")"
    ((ticks > 0)) && CHILD_TICKS="$ticks"
    sleep 0.2
  done
  wait "$pid" || status=$?
  forget "$pid"
  return "$status"
}

# ------------------------------------------------------------------------------------------------
# Results
# ------------------------------------------------------------------------------------------------

now_ms() {
  date +%s%3N
}

# 1234567.8 -> 1,234,568
group() {
  printf '%.0f' "$1" | sed -E ':a;s/([0-9])([0-9]{3})($|,)/\1,\2\3/;ta'
}

# value FILE KEY: the value of KEY in a key=value file a bench program wrote.
value() {
  sed -n "s/^$2=//p" "$1"
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

# append_summary FILE TEXT: prints the summary and appends it to bench/results/FILE.
append_summary() {
  printf '\n%s\n\n' "$2"
  printf '%s\n\n' "$2" >>"$BENCH/results/$1"
  info "Appended to bench/results/$1."
}
