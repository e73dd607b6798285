#!/bin/sh
# A hot standby of $PRIMARY_HOST. On the first start (an empty volume) it copies the primary
# with pg_basebackup -R, which writes standby.signal and primary_conninfo, streaming through
# the slot deploy/postgres/primary-replication.sh made; every start then hands over to the
# image's own entrypoint, which sees an existing cluster and starts it as a read-only replica.
set -eu

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -q -h "$PRIMARY_HOST"; do sleep 1; done
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  gosu postgres env PGPASSWORD="$REPLICATION_PASSWORD" pg_basebackup \
    --host="$PRIMARY_HOST" --username="$REPLICATION_USER" --pgdata="$PGDATA" \
    --write-recovery-conf --wal-method=stream --slot="$REPLICATION_SLOT" --checkpoint=fast
fi

# hot_standby_feedback: the primary's vacuum waits for rows the replica's queries still read,
# instead of the replica cancelling those queries.
exec docker-entrypoint.sh postgres -c hot_standby=on -c hot_standby_feedback=on
