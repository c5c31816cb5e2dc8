#!/usr/bin/env bash
# Scale-out on PostgreSQL, proven on one machine (issue 19). Starts a PostgreSQL 15 primary and a
# streaming replica (pg_basebackup -R), two Lumbung processes from the compiled bundle on the
# primary, and a round-robin load balancer (scripts/cluster-lb.mjs) in front; then
# scripts/cluster-check.mjs asserts the six properties listed in README "Past one machine"; then a
# pg_dump of the primary is restored into a fresh database and checked (cluster-restore-check.mjs).
# Everything is stopped and the temp dir removed on exit. Must run as root (pg runs as postgres).
# Ports: PG 25432/25433, app 28101/28102 (restored node 28103), LB 28100 (override with CLUSTER_PORT_BASE).
# All below Linux's ephemeral range (32768-60999): a port in it can be held by any outgoing
# connection at that moment (a CI run's load balancer once did not come up on 38100, most
# likely so; wait_up now prints the log of the process that failed).
set -euo pipefail
cd "$(dirname "$0")/.."
START=$(date +%s)
PGBIN=/usr/lib/postgresql/15/bin
PG1=25432
PG2=25433
BASE=${CLUSTER_PORT_BASE:-28100}
LB=$BASE
A=$((BASE + 1))
B=$((BASE + 2))
TMP=$(mktemp -d /tmp/lumbung-cluster.XXXXXX)
chown postgres "$TMP"
PIDS=()

as_pg() { runuser -u postgres -- "$@"; }
cleanup() {
  set +e
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
  as_pg "$PGBIN/pg_ctl" -D "$TMP/replica" -m immediate stop >/dev/null 2>&1
  as_pg "$PGBIN/pg_ctl" -D "$TMP/primary" -m immediate stop >/dev/null 2>&1
  rm -rf "$TMP"
}
trap cleanup EXIT

[ -f dist/main.mjs ] || npm run build >/dev/null

echo "== primary on $PG1, streaming replica on $PG2"
as_pg "$PGBIN/initdb" -D "$TMP/primary" -U postgres --auth=trust -E UTF8 >/dev/null
cat >>"$TMP/primary/postgresql.conf" <<CONF
port = $PG1
listen_addresses = '127.0.0.1'
unix_socket_directories = '$TMP'
wal_level = replica
max_wal_senders = 4
fsync = on
CONF
echo "host replication postgres 127.0.0.1/32 trust" >>"$TMP/primary/pg_hba.conf"
as_pg "$PGBIN/pg_ctl" -D "$TMP/primary" -l "$TMP/primary.log" -w start >/dev/null
as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p $PG1 -U postgres -D "$TMP/replica" -R -X stream
sed -i "s/^port = $PG1/port = $PG2/" "$TMP/replica/postgresql.conf"
as_pg "$PGBIN/pg_ctl" -D "$TMP/replica" -l "$TMP/replica.log" -w start >/dev/null
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p $PG1 lumbung

export DATABASE_URL="postgres://postgres@127.0.0.1:$PG1/lumbung"
export LUMBUNG_MODE=demo
export LUMBUNG_SECRET="cluster-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export LUMBUNG_LOG_LEVEL=warn
export HOST=127.0.0.1
# Dashboards' heavy reads (the impact read models) go to the streaming replica.
export LUMBUNG_REPLICA_URL="postgres://postgres@127.0.0.1:$PG2/lumbung"

wait_up() { # port pid log
  # 120 s on a quiet machine is plenty; a loaded one (shared CI) may set CLUSTER_WAIT_STEPS.
  for _ in $(seq 1 "${CLUSTER_WAIT_STEPS:-600}"); do
    curl -fsS --max-time 2 "http://127.0.0.1:$1/healthz" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || break
    sleep 0.2
  done
  echo "FAIL: the process for port $1 did not come up; its log:"; cat "$3"; exit 1
}
# Node A migrates and seeds the empty database (demo mode), then node B starts on the same one.
echo "== node A on $A (migrates and seeds), node B on $B, load balancer on $LB"
PORT=$A node dist/main.mjs serve >"$TMP/node-$A.log" 2>&1 &
PIDS+=($!)
NODE_A=$!
wait_up $A $NODE_A "$TMP/node-$A.log"
PORT=$B node dist/main.mjs serve >"$TMP/node-$B.log" 2>&1 &
PIDS+=($!)
NODE_B=$!
wait_up $B $NODE_B "$TMP/node-$B.log"
node scripts/cluster-lb.mjs $LB $A $B >"$TMP/lb.log" 2>&1 &
PIDS+=($!)
wait_up $LB $! "$TMP/lb.log"
echo "   up after $(($(date +%s) - START)) s"

LOGIN=$(grep -m1 -oE '^  [a-z_]+ +0[0-9]{8,}' "$TMP/node-$A.log" | awk '{print $2}')
PASSWORD=$(grep -m1 -oE 'password for all: [^)]+' "$TMP/node-$A.log" | sed 's/password for all: //')
CLUSTER_A=$A CLUSTER_B=$B CLUSTER_LB=$LB CLUSTER_NODE_B_PID=$NODE_B \
  CLUSTER_PRIMARY="$DATABASE_URL" CLUSTER_REPLICA="postgres://postgres@127.0.0.1:$PG2/lumbung" \
  CLUSTER_LOGIN="$LOGIN" CLUSTER_PASSWORD="$PASSWORD" \
  node scripts/cluster-check.mjs

# Backups: a custom-format pg_dump of the live primary (a consistent snapshot; WAL archiving is
# the README's point-in-time option), restored into a fresh database, and a node started on it.
echo "== backup: pg_dump of the primary, restored into a fresh database, a node on it"
C=$((BASE + 3))
as_pg "$PGBIN/pg_dump" -h 127.0.0.1 -p $PG1 -U postgres -Fc -f "$TMP/lumbung.dump" lumbung
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p $PG1 lumbung_restored
as_pg "$PGBIN/pg_restore" -h 127.0.0.1 -p $PG1 -U postgres --no-owner -d lumbung_restored "$TMP/lumbung.dump"
echo "   dump $(du -h "$TMP/lumbung.dump" | cut -f1)"
DATABASE_URL="postgres://postgres@127.0.0.1:$PG1/lumbung_restored" PORT=$C \
  node dist/main.mjs serve >"$TMP/node-$C.log" 2>&1 &
PIDS+=($!)
wait_up $C $! "$TMP/node-$C.log"
CLUSTER_C=$C CLUSTER_PRIMARY="$DATABASE_URL" \
  CLUSTER_RESTORED="postgres://postgres@127.0.0.1:$PG1/lumbung_restored" \
  CLUSTER_LOGIN="$LOGIN" CLUSTER_PASSWORD="$PASSWORD" \
  node scripts/cluster-restore-check.mjs
echo "== cluster proven in $(($(date +%s) - START)) s"
