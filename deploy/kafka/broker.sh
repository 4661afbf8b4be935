#!/bin/bash
# Starts a broker of docker-compose.yml with its SASL logins. The image turns KAFKA_* variables into
# server.properties but drops any value that contains '=', as every JAAS line does; so the logins, which
# hold the admin password (the Docker secret kafka_admin_password), go into the image's file input
# /mnt/shared/config/server.properties, to which it appends the variables.
#
#   CONTROLLER and BROKER listeners: PLAIN, only the user admin (brokers and controllers among
#     themselves, the init job, the health check). No ANONYMOUS super user.
#   CLIENT listener: SCRAM-SHA-512, the credentials the init job creates (deploy/kafka/init.sh).
set -euo pipefail

admin=$(tr -d '\r\n' < /run/secrets/kafka_admin_password)
if [[ ! $admin =~ ^[A-Za-z0-9]{32,}$ ]]; then
  echo "kafka_admin_password must be at least 32 letters or digits (openssl rand -hex 32)" >&2
  exit 1
fi
plain="org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"$admin\" user_admin=\"$admin\";"
cat > /mnt/shared/config/server.properties <<PROPERTIES
listener.name.controller.plain.sasl.jaas.config=$plain
listener.name.broker.plain.sasl.jaas.config=$plain
listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
PROPERTIES

# the health check's client settings (docker-compose.yml, healthcheck)
umask 077
cat > /tmp/admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$admin";
PROPERTIES

exec /etc/kafka/docker/run
