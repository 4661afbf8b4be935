#!/bin/bash
# The compose service kafka-init, once the brokers are healthy: creates (or resets) the SCRAM-SHA-512
# credentials of the services' principals from their Docker secrets, then adds the ACLs of
# deploy/kafka/acls, each line the arguments of one kafka-acls.sh --add. Running it again changes
# nothing but the passwords to the secrets' current values (rotation: docs/operations.md). It adds
# ACLs and never removes one: to take one back, kafka-acls.sh --remove (docs/operations.md).
set -euo pipefail

bootstrap=kafka-1:19092,kafka-2:19092,kafka-3:19092   # the BROKER listener, PLAIN as admin
config=/tmp/admin.properties
bin=/opt/kafka/bin

secret() {
  local value
  value=$(tr -d '\r\n' < "/run/secrets/$1")
  if [[ ! $value =~ ^[A-Za-z0-9]{32,}$ ]]; then
    echo "$1 must be at least 32 letters or digits (openssl rand -hex 32)" >&2
    exit 1
  fi
  printf '%s' "$value"
}

umask 077
admin=$(secret kafka_admin_password)
cat > "$config" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$admin";
PROPERTIES

for user in ingest dashboard; do
  password=$(secret "kafka_${user}_password")
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$config" --alter \
    --entity-type users --entity-name "$user" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$password]" >/dev/null
  echo "SCRAM-SHA-512 credential of $user set"
done

while IFS= read -r line || [[ -n $line ]]; do
  line=${line%%#*}
  [[ -z ${line//[[:space:]]/} ]] && continue
  read -ra args <<< "$line"
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$config" --add "${args[@]}" >/dev/null
  echo "ACL added: $line"
done < /opt/deploy/kafka/acls

echo "Kafka principals and ACLs are in place"
