#!/bin/sh
# Prepares the primary for a streaming replica: a role that may replicate, a pg_hba line that
# lets it in over the network (the image's own `host all all all` line does not match
# replication connections), and a physical slot so the primary keeps the WAL the replica has
# not received yet. Safe to run on every start; run by the compose service `replication-setup`
# with the primary's data volume mounted at $PRIMARY_DATA.
set -eu

until pg_isready -q; do sleep 1; done

psql -v ON_ERROR_STOP=1 -v role="$REPLICATION_USER" -v password="$REPLICATION_PASSWORD" \
  -v slot="$REPLICATION_SLOT" <<'SQL'
SELECT format('CREATE ROLE %I WITH REPLICATION LOGIN', :'role')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I WITH PASSWORD %L', :'role', :'password') \gexec
SELECT pg_create_physical_replication_slot(:'slot')
 WHERE NOT EXISTS (SELECT FROM pg_replication_slots WHERE slot_name = :'slot');
SQL

line="host replication $REPLICATION_USER all scram-sha-256"
hba="$PRIMARY_DATA/pg_hba.conf"
if ! grep -qxF "$line" "$hba"; then
  printf '%s\n' "$line" >> "$hba"
fi
psql -v ON_ERROR_STOP=1 -qAt -c "SELECT pg_reload_conf()" >/dev/null
echo "primary ready for replication as $REPLICATION_USER, slot $REPLICATION_SLOT"
