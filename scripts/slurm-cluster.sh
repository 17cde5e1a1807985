#!/usr/bin/env bash
# A small Slurm cluster on this machine, for trying deploy/slurm/ on a laptop and for CI
# (scripts/slurm-test.sh): munged, one slurmctld and several slurmd processes, each slurmd its
# own node (`slurmd -N nodeK`) with its own port, all on 127.0.0.1. Everything lives in one
# directory; nothing is installed and no system service is touched, so no systemd is needed.
#
#   bash scripts/slurm-cluster.sh start    starts the cluster, waits until every node is idle
#   bash scripts/slurm-cluster.sh stop     cancels every job, stops every daemon it started
#   bash scripts/slurm-cluster.sh status   sinfo and squeue
#
# Then, in the same shell, point Slurm's commands at it:
#
#   export SLURM_CONF=/tmp/creditcast-slurm/slurm.conf
#   sinfo; sbatch ...; squeue
#
# Settings (environment):
#   CREDITCAST_SLURM_DIR    the cluster's directory (default /tmp/creditcast-slurm)
#   CREDITCAST_SLURM_NODES  how many slurmd nodes, 1 to 16 (default 3)
#   CREDITCAST_SLURM_PORT   slurmctld's port; node K listens on PORT+K (default 16817)
#
# Needs slurm-wlm and munge (Debian: `bash scripts/install-deps.sh --with-slurm`) and root:
# slurmd starts each job as its user, so it runs as root, as on any cluster. Every job runs on
# this machine, so a path is the same on every "node", as on a cluster with a shared filesystem.
set -euo pipefail

dir=${CREDITCAST_SLURM_DIR:-/tmp/creditcast-slurm}
nodes=${CREDITCAST_SLURM_NODES:-3}
port=${CREDITCAST_SLURM_PORT:-16817}
conf="$dir/slurm.conf"
export SLURM_CONF="$conf"

die() { echo "slurm-cluster.sh: $*" >&2; exit 1; }

# Waits up to $1 seconds for the command after it to succeed; never hangs.
wait_for() {
    local seconds=$1
    shift
    local deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        [ "$SECONDS" -lt "$deadline" ] || return 1
        sleep 0.2
    done
}

# Sends SIGTERM to the process whose id is in file $1, waits up to 10 s, then SIGKILL.
stop_pidfile() {
    local file=$1 pid
    [ -s "$file" ] || return 0
    pid=$(cat "$file")
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        wait_for 10 bash -c "! kill -0 $pid" || kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$file"
}

write_config() {
    # The smallest configuration that runs batch jobs and job arrays: no cgroups (processes are
    # tracked by their parent ids), no accounting database, no task affinity. One CPU a node,
    # so that N nodes run N shards at once and the rest wait in the queue, as on a busy cluster.
    # SlurmdParameters=config_overrides: trust this file's CPUs and memory rather than the
    # hardware, since every node is the same machine.
    cat >"$conf" <<EOF
ClusterName=creditcast
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$port
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool/%n
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd-%n.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd-%n.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SlurmdParameters=config_overrides
ReturnToService=2
JobRequeue=1
MinJobAge=600
MailProg=/bin/true
EOF
    local k
    for ((k = 1; k <= nodes; k++)); do
        echo "NodeName=node$k NodeHostname=localhost NodeAddr=127.0.0.1 Port=$((port + k)) CPUs=1 RealMemory=1000 State=UNKNOWN" >>"$conf"
    done
    echo "PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP" >>"$conf"
}

idle_nodes() { sinfo -h -N -t idle -o '%N' 2>/dev/null | sort -u | wc -l; }
all_idle() { [ "$(idle_nodes)" -eq "$nodes" ]; }

start() {
    [ "$(id -u)" -eq 0 ] || die "run as root (slurmd starts jobs as their users)"
    command -v slurmctld >/dev/null && command -v slurmd >/dev/null && command -v munged >/dev/null ||
        die "slurm-wlm and munge are missing: bash scripts/install-deps.sh --with-slurm"
    [[ "$nodes" =~ ^[0-9]+$ ]] && [ "$nodes" -ge 1 ] && [ "$nodes" -le 16 ] || die "CREDITCAST_SLURM_NODES must be 1 to 16"
    [ ! -s "$dir/run/slurmctld.pid" ] || die "a cluster seems to run in $dir already (stop it first)"
    rm -rf "$dir"
    mkdir -p "$dir"/{munge,state,spool,run,log}
    chmod 700 "$dir" "$dir/munge"

    # munge authenticates every message between Slurm's daemons and commands with a key they
    # share; on a real cluster the same key file is copied to every node.
    dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
    chmod 400 "$dir/munge/munge.key"
    # --force: munged otherwise refuses directories it finds insecure (say, /tmp's parents).
    munged --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
        --pid-file="$dir/run/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munged.seed"
    wait_for 10 test -S "$dir/munge/munge.socket" || die "munged did not start (see $dir/log/munged.log)"

    write_config
    # -i: ignore any saved state (a fresh cluster each time).
    slurmctld -f "$conf" -i
    wait_for 30 scontrol ping || die "slurmctld did not answer in 30 s (see $dir/log/slurmctld.log)"
    local k
    for ((k = 1; k <= nodes; k++)); do
        mkdir -p "$dir/spool/node$k"
        slurmd -f "$conf" -N "node$k"
    done
    wait_for 60 all_idle || {
        sinfo -N >&2 || true
        die "only $(idle_nodes) of $nodes nodes became idle in 60 s (see $dir/log/)"
    }
    echo "Slurm cluster up: $nodes nodes on 127.0.0.1, ports $port-$((port + nodes)). export SLURM_CONF=$conf" >&2
}

stop() {
    [ -f "$conf" ] || return 0
    # Cancel every job first so that no job step outlives its slurmd, then wait (bounded) until
    # the queue is empty.
    if scontrol ping >/dev/null 2>&1; then
        scancel --quiet --full $(squeue -h -o '%A' 2>/dev/null) 2>/dev/null || true
        wait_for 20 test -z "$(squeue -h -t all -o %A -t running,completing,configuring 2>/dev/null)" || true
    fi
    local file
    for file in "$dir"/run/slurmd-*.pid; do
        [ -e "$file" ] && stop_pidfile "$file"
    done
    stop_pidfile "$dir/run/slurmctld.pid"
    stop_pidfile "$dir/run/munged.pid"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) sinfo -N && squeue ;;
    *) sed -n '2,23p' "$0" >&2; exit 64 ;;
esac
