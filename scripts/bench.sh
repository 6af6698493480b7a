#!/usr/bin/env bash
# The etrace benchmark: each workload runs untraced and under etrace, strace, perf trace
# and bpftrace, interleaved, in the same invocation; slowdowns are per-call ratios against the
# untraced run of the same repetition. See bench/README.md for what every row means.
#
#   scripts/bench.sh [--quick] [--etrace PATH] [--reps N] [--only LIST] [--no-install]
#
# LIST is a comma list of sections: write_loop,open_loop,fork_loop,threads,filtered,nginx,startup,memory.
# Needs root (BPF, perf events, ptrace of other processes). Not a test: nothing here fails on a slow run.
# Result arrays are read through a nameref (sum_field), which shellcheck cannot follow.
# shellcheck disable=SC2034
set -uo pipefail
# grep over multi-megabyte traces is 20x faster without UTF-8 matching; the traces are ASCII.
export LC_ALL=C

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ETRACE=$REPO/build/etrace
QUICK=0
REPS=
ONLY=write_loop,open_loop,fork_loop,threads,filtered,nginx,startup,memory
INSTALL=1

usage() { sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
	case $1 in
	--quick) QUICK=1 ;;
	--etrace) ETRACE=$2; shift ;;
	--reps) REPS=$2; shift ;;
	--only) ONLY=$2; shift ;;
	--no-install) INSTALL=0 ;;
	-h | --help) usage; exit 0 ;;
	*) echo "bench.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
	esac
	shift
done
[ "$(id -u)" = 0 ] || { echo "bench.sh: needs root (BPF, perf events, ptrace)" >&2; exit 2; }

# Sizing. TARGET_S is the measured time each traced run aims at: N is calibrated per tracer from a
# warm-up run, because strace makes a write loop ~50x slower than etrace should; slowdowns are
# ratios of per-call times, so runs of different N compare. NMAX bounds N (and the output files).
if [ "$QUICK" = 1 ]; then
	: "${REPS:=3}"; TARGET_S=0.2; WRK_S=1; NMAX_SCALE=1
else
	: "${REPS:=5}"; TARGET_S=0.6; WRK_S=3; NMAX_SCALE=2
fi
declare -A NMAX=([write_loop]=$((1500000 * NMAX_SCALE)) [open_loop]=$((150000 * NMAX_SCALE))
	[fork_loop]=$((1000 * NMAX_SCALE)) [threads]=$((1500000 * NMAX_SCALE)))
declare -A N0=([write_loop]=20000 [open_loop]=4000 [fork_loop]=150 [threads]=40000)
RUN_CAP=60 # seconds; any single run past this is killed and marked as failed

BUILD=$REPO/build/bench
TMP=$(mktemp -d /tmp/etrace-bench.XXXXXX)
RESULTS=$BUILD/last-results.txt
BG_PIDS=()
NGINX_PID=

cleanup() {
	local p
	for p in "${BG_PIDS[@]}"; do
		kill -INT "$p" 2>/dev/null && sleep 0.3
		kill -KILL "$p" 2>/dev/null
	done
	[ -n "$NGINX_PID" ] && kill -QUIT "$NGINX_PID" 2>/dev/null && sleep 0.3 && kill -KILL "$NGINX_PID" 2>/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT
trap 'echo "bench.sh: interrupted" >&2; exit 130' INT TERM

log() { printf '[%4ds] %s\n' "$SECONDS" "$*" >&2; }
has_section() { [[ ",$ONLY," == *",$1,"* ]]; }
# awk does the floating point; bash cannot.
calc() { awk "BEGIN { printf \"%s\", $1 }"; }

# ---------------------------------------------------------------- setup
setup() {
	if [ "$INSTALL" = 1 ]; then
		"$REPO/scripts/install-bench-deps.sh" >&2 || { echo "bench.sh: installing peers failed" >&2; exit 1; }
	fi
	mkdir -p "$BUILD"
	for w in write_loop open_loop fork_loop threads startup_timer; do
		cc -O2 -Wall -Wextra -pthread -o "$BUILD/$w" "$REPO/bench/workloads/$w.c" || exit 1
	done
	cp /bin/true "$TMP/bench_sentinel" # a program with a comm nothing else has, for --comm filters
	# The floor: no-op programs on etrace's attach points (bench/floor), for the filtered rows.
	FLOOR=0
	if clang -g -O2 -target bpf -D__TARGET_ARCH_x86 -I"$REPO/vmlinux/x86_64" \
		-c "$REPO/bench/floor/noop.bpf.c" -o "$BUILD/floor_noop.bpf.o" 2>/dev/null &&
		cc -O2 -o "$BUILD/floor_loader" "$REPO/bench/floor/loader.c" -lbpf 2>/dev/null; then
		FLOOR=1
	fi

	TRACERS=(none)
	if [ -x "$ETRACE" ]; then
		# Measure one binary throughout, even if the tree is rebuilt while the benchmark runs.
		ETRACE_SRC="$ETRACE ($(date -r "$ETRACE" '+%F %T'))"
		cp "$ETRACE" "$TMP/etrace" && ETRACE=$TMP/etrace
		TRACERS+=(etrace)
	else
		log "etrace not found at $ETRACE: its rows are skipped"
		ETRACE_SRC="$ETRACE (not found)"
	fi
	command -v strace >/dev/null && TRACERS+=(strace)
	if perf trace -o /dev/null -- /bin/true >/dev/null 2>&1; then TRACERS+=(perf); else log "perf trace unusable here: skipped"; fi
	if bpftrace -e 'BEGIN { exit(); }' >/dev/null 2>&1; then TRACERS+=(bpftrace); else log "bpftrace unusable here: skipped"; fi
	BENCH_DIR=$TMP
	export BENCH_DIR
	OPEN_PATH=$BENCH_DIR/etrace-bench-open-
	OPEN_PATH=$OPEN_PATH$(printf 'p%.0s' $(seq $((60 - ${#OPEN_PATH}))))
}
have() { [[ " ${TRACERS[*]} " == *" $1 "* ]]; }

# ---------------------------------------------------------------- tracer command lines
# The bpftrace peer: one printf per syscall entry (raw arguments, the cheapest useful one-liner),
# with paths from the openat/execve tracepoints so the path checks have something to count.
bpf_prog() { # $1 = filter expression
	local f=$1
	printf '%s' "tracepoint:raw_syscalls:sys_enter /($f) && args->id != 257 && args->id != 59/ { printf(\"%d sc%d %d %d\\n\", tid, args->id, args->args[0], args->args[2]); }
tracepoint:syscalls:sys_enter_openat /$f/ { printf(\"%d openat %s %d\\n\", tid, str(args->filename), args->flags); }
tracepoint:syscalls:sys_enter_execve /$f/ { printf(\"%d execve %s\\n\", tid, str(args->filename)); }"
}
bpf_workload_filter() { # bpftrace -c gives cpid; fork_loop's children have it as parent
	if [ "$1" = fork_loop ]; then echo 'pid == cpid || curtask->real_parent->tgid == cpid'; else echo 'pid == cpid'; fi
}

# ---------------------------------------------------------------- counting
# Prints "seen paths": calls of the workload's own syscall present in the output, and how many
# of them show the path (open_loop, fork_loop; "-" elsewhere).
count_seen() { # workload tracer file
	local w=$1 t=$2 f=$3 fam=strace
	[ -f "$f" ] || { echo "0 -"; return; }
	case $t in perf*) fam=perf ;; bpftrace*) fam=bpftrace ;; esac
	case $w:$fam in
	write_loop:bpftrace) echo "$(grep -cE ' sc1 [0-9]+ 64$' "$f") -" ;;
	write_loop:*) echo "$(grep -cE '(^|[^a-z_])write\(.* 64\)' "$f") -" ;;
	threads:bpftrace) echo "$(grep -c ' sc110 ' "$f") -" ;;
	threads:*) echo "$(grep -cE '(^|[^a-z_])getppid\(' "$f") -" ;;
	open_loop:strace) echo "$(grep -cE 'openat\(AT_FDCWD, .*, O_RDONLY\)' "$f") $(grep -cF "openat(AT_FDCWD, \"$OPEN_PATH\", O_RDONLY)" "$f")" ;;
	open_loop:perf) echo "$(grep -cE 'openat\(dfd: CWD, filename: [^,)]*\) ' "$f") $(grep -cF "openat(dfd: CWD, filename: $OPEN_PATH" "$f")" ;; # O_RDONLY is 0: perf omits it
	open_loop:bpftrace) echo "$(grep -cE ' openat .* 0$' "$f") $(grep -cF " openat $OPEN_PATH 0" "$f")" ;;
	fork_loop:strace) echo "$(grep -E '(^|[^a-z_])execve\(' "$f" | grep -vc fork_loop) $(grep -cF 'execve("/bin/true"' "$f")" ;;
	fork_loop:perf) echo "$(grep -c 'execve(filename' "$f") $(grep -c 'execve(filename: "/bin/true"' "$f")" ;;
	fork_loop:bpftrace) echo "$(grep ' execve ' "$f" | grep -vc fork_loop) $(grep -c ' execve /bin/true$' "$f")" ;;
	esac
}

# What the tracer itself says it lost. etrace prints the new losses every second
# (`etrace: N events lost (ring buffer full)`) and at exit `etrace: N events lost in total (...)`;
# the totals win, the deltas count only if etrace died before its exit report.
count_lost() { # tracer out err
	case $1 in
	etrace*) if grep -q 'events lost in total' "$3" 2>/dev/null; then
			sed -nE 's/.*etrace: ([0-9]+) events? lost in total.*/\1/p' "$3"
		else
			sed -nE 's/.*etrace: ([0-9]+) events? lost.*/\1/p' "$3" 2>/dev/null
		fi | awk '{ s += $1 } END { print s + 0 }' ;;
	perf*) cat "$2" "$3" 2>/dev/null | sed -nE 's/.*LOST ([0-9]+) events.*/\1/p' | awk '{ s += $1 } END { print s + 0 }' ;;
	bpftrace*) cat "$2" "$3" 2>/dev/null | sed -nE 's/.*Lost ([0-9]+) events.*/\1/p' | awk '{ s += $1 } END { print s + 0 }' ;;
	*) echo - ;;
	esac
}

# ---------------------------------------------------------------- one run
# Sets R_CALLS R_NS R_SEEN R_PATHS R_LOST; returns 1 if the run failed.
run_workload() { # workload tracer N
	local w=$1 t=$2 n=$3 bin=$BUILD/$1 out=$TMP/out err=$TMP/err res=$TMP/res
	rm -f "$out" "$err" "$res"
	local -a cmd=(env BENCH_RESULT="$res" "$bin" "$n")
	case $t in
	none) ;;
	etrace) cmd=(env BENCH_RESULT="$res" "$ETRACE" -f -o "$out" "$bin" "$n") ;;
	etrace-connect) cmd=(env BENCH_RESULT="$res" "$ETRACE" -f -e trace=connect -o "$out" "$bin" "$n") ;;
	strace) cmd=(env BENCH_RESULT="$res" strace -f -o "$out" "$bin" "$n") ;;
	strace-connect) cmd=(env BENCH_RESULT="$res" strace -f -e trace=connect -o "$out" "$bin" "$n") ;;
	strace-seccomp-connect) cmd=(env BENCH_RESULT="$res" strace -f --seccomp-bpf -e trace=connect -o "$out" "$bin" "$n") ;;
	perf) cmd=(env BENCH_RESULT="$res" perf trace -o "$out" -- "$bin" "$n") ;;
	perf-connect) cmd=(env BENCH_RESULT="$res" perf trace -e connect -o "$out" -- "$bin" "$n") ;;
	bpftrace) cmd=(env BENCH_RESULT="$res" bpftrace -o "$out" -c "$bin $n" -e "$(bpf_prog "$(bpf_workload_filter "$w")")") ;;
	bpftrace-connect) cmd=(env BENCH_RESULT="$res" bpftrace -o "$out" -c "$bin $n"
		-e 'tracepoint:syscalls:sys_enter_connect /pid == cpid/ { printf("%d connect %d\n", tid, args->fd); }') ;;
	*-comm | floor-noop) run_systemwide "$@"; return ;;
	esac
	timeout -k 3 "$RUN_CAP" "${cmd[@]}" >/dev/null 2>"$err" </dev/null
	finish_run "$w" "$t"
}

finish_run() { # workload tracer
	local res=$TMP/res seen
	R_CALLS=0 R_NS=0 R_SEEN=- R_PATHS=- R_LOST=-
	if [ -s "$res" ]; then
		R_CALLS=$(sed -nE 's/.*calls=([0-9]+).*/\1/p' "$res")
		R_NS=$(sed -nE 's/.*ns=([0-9]+).*/\1/p' "$res")
	fi
	if [ "$2" != none ] && [ "$2" != floor-noop ]; then  # the floor records nothing by design
		seen=$(count_seen "$1" "$2" "$TMP/out")
		R_SEEN=${seen% *} R_PATHS=${seen#* }
		R_LOST=$(count_lost "$2" "$TMP/out" "$TMP/err")
	fi
	rm -f "$TMP/out"
	[ "${R_CALLS:-0}" -gt 0 ] 2>/dev/null && [ "${R_NS:-0}" -gt 0 ] 2>/dev/null
}

# A system-wide tracer filtered by --comm to a program that is not the workload: start it, prove it
# is attached (it must see the sentinel), run the workload on its own, stop the tracer.
run_systemwide() { # workload tracer N
	local w=$1 t=$2 n=$3 out=$TMP/out err=$TMP/err i tp
	rm -f "$out" "$err" "$TMP/res"
	case $t in
	etrace-comm) "$ETRACE" --system-wide --comm bench_sentinel -o "$out" >/dev/null 2>"$err" </dev/null & ;;
	floor-noop) "$BUILD/floor_loader" "$BUILD/floor_noop.bpf.o" >"$out" 2>"$err" </dev/null & ;;
	bpftrace-comm) bpftrace -o "$out" -e 'tracepoint:raw_syscalls:sys_enter /comm == "bench_sentinel"/ { printf("%d sc%d %d %d\n", tid, args->id, args->args[0], args->args[2]); }' >/dev/null 2>"$err" </dev/null & ;;
	esac
	tp=$!
	BG_PIDS+=("$tp")
	for ((i = 0; i < 100; i++)); do
		"$TMP/bench_sentinel"
		grep -qE 'exit|sc[0-9]|^attached' "$out" 2>/dev/null && break
		kill -0 "$tp" 2>/dev/null || break
		sleep 0.1
	done
	if ! grep -qE 'exit|sc[0-9]|^attached' "$out" 2>/dev/null; then
		log "$t never saw the sentinel; stderr: $(head -c 300 "$err")"
	fi
	timeout -k 3 "$RUN_CAP" env BENCH_RESULT="$TMP/res" "$BUILD/$w" "$n" >/dev/null </dev/null
	stop_bg "$tp"
	finish_run "$w" "$t"
}

stop_bg() { # pid: SIGINT as a user's Ctrl-C, then SIGKILL after 10 s
	local p=$1 i
	kill -INT "$p" 2>/dev/null
	for ((i = 0; i < 100; i++)); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
	kill -KILL "$p" 2>/dev/null
	wait "$p" 2>/dev/null
	BG_PIDS=("${BG_PIDS[@]/$p/}")
	mapfile -t BG_PIDS < <(printf '%s\n' "${BG_PIDS[@]}" | grep -v '^$')
}

# ---------------------------------------------------------------- statistics and table
declare -A PERCALL SEEN PATHS LOST CALLS NFOR
ROWS=()
stats() { # values... -> "median min max"
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
		if (NR == 0) { print "- - -"; exit }
		m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		print m, v[1], v[NR] }'
}
sum_field() { # array-name prefix reps -> sum, or "-" when the tracer does not report it
	local -n arr=$1
	local s=0 r v
	for ((r = 1; r <= REPS; r++)); do
		v=${arr[$2|$r]:--}
		[ "$v" = - ] && { echo -; return; }
		s=$((s + v))
	done
	echo "$s"
}
row() { ROWS+=("$(printf '%-10s | %-24s | %-24s | %-8s | %-19s | %-8s | %s' "$@")"); printf '%s\n' "${ROWS[-1]}"; }
header() {
	row workload tracer "slowdown med (min-max)" "ns/call" "seen / issued" lost notes
	row ---------- ------------------------ ------------------------ -------- ------------------- -------- -----
}

# Slowdown of one tracer on one workload, paired per repetition with that repetition's untraced run.
report_rows() { # workload tracers...
	local w=$1 t r m lo hi pc issued seen lost paths note
	local -a ratios pcs
	shift
	for t in "$@"; do
		ratios=() pcs=()
		for ((r = 1; r <= REPS; r++)); do
			[ -n "${PERCALL[$w|$t|$r]:-}" ] && [ -n "${PERCALL[$w|none|$r]:-}" ] || continue
			ratios+=("$(calc "${PERCALL[$w|$t|$r]} / ${PERCALL[$w|none|$r]}")")
			pcs+=("${PERCALL[$w|$t|$r]}")
		done
		[ ${#ratios[@]} -gt 0 ] || { row "$w" "$t" "failed" - - - "see log"; continue; }
		read -r m lo hi <<<"$(stats "${ratios[@]}")"
		read -r pc _ <<<"$(stats "${pcs[@]}")"
		issued=$(sum_field CALLS "$w|$t")
		seen=$(sum_field SEEN "$w|$t")
		lost=$(sum_field LOST "$w|$t")
		paths=$(sum_field PATHS "$w|$t")
		note="N=${NFOR[$w|$t]}"
		[ "$paths" != - ] && note="$note, paths $paths/$issued"
		# Lost counts cover every syscall (and perf counts records, not calls), so the sum is exact only
		# where the workload makes one kind of call; elsewhere flag silent gaps only.
		if [ "$seen" != - ] && [ "$t" != none ] && [[ "$t" != *connect && "$t" != *comm ]]; then
			if [ "$lost" = - ] || [ "$lost" = 0 ]; then
				[ "$seen" -ne "$issued" ] && note="$note, SILENT GAP: $((issued - seen)) missing, none reported lost"
			elif [[ $w == write_loop || $w == threads ]] && [ $((seen + lost)) -ne "$issued" ]; then
				note="$note, seen+lost != issued"
			fi
		fi
		[ "$t" = none ] && seen=- lost=-
		row "$w" "$t" "$(printf '%.2fx (%.2f-%.2f)' "$m" "$lo" "$hi")" "$(printf '%.0f' "$pc")" "$seen / $issued" "$lost" "$note"
	done
}

# ---------------------------------------------------------------- workload sections
bench_workload() { # label workload tracers...  (label keys the results: "filtered" reuses write_loop)
	local l=$1 w=$2 t r i n pc
	shift 2
	local -a ts=("$@")
	# The filtered rows measure differences of a few percent on short runs: three times the
	# repetitions (dynamic scope: report_rows and sum_field see this REPS too).
	local REPS=$REPS
	[ "$l" = filtered ] && REPS=$((REPS * 3))
	log "$l: calibrating (${ts[*]})"
	for t in "${ts[@]}"; do
		if run_workload "$w" "$t" "${N0[$w]}"; then
			pc=$(calc "$R_NS / $R_CALLS")
			n=$(calc "int($TARGET_S * 1e9 / $pc)")
		else
			log "$l/$t: calibration run failed ($(head -c 300 "$TMP/err" 2>/dev/null))"
			n=${N0[$w]}
		fi
		((n < N0[$w])) && n=${N0[$w]}
		((n > NMAX[$w])) && n=${NMAX[$w]}
		[ "$w" = threads ] && n=$((n / 4 * 4))
		NFOR[$l|$t]=$n
	done
	for ((r = 1; r <= REPS; r++)); do
		log "$l: repetition $r/$REPS"
		for ((i = 0; i < ${#ts[@]}; i++)); do
			t=${ts[$(((i + r) % ${#ts[@]}))]} # rotate the order so no tracer always runs first
			if run_workload "$w" "$t" "${NFOR[$l|$t]}"; then
				PERCALL[$l|$t|$r]=$(calc "$R_NS / $R_CALLS")
				CALLS[$l|$t|$r]=$R_CALLS SEEN[$l|$t|$r]=$R_SEEN PATHS[$l|$t|$r]=$R_PATHS LOST[$l|$t|$r]=$R_LOST
			else
				log "$l/$t rep $r failed: $(head -c 300 "$TMP/err" 2>/dev/null)"
			fi
		done
	done
	report_rows "$l" "${ts[@]}"
}

# ---------------------------------------------------------------- nginx
free_port() {
	local p
	while :; do
		p=$((20000 + RANDOM % 40000))
		grep -qi ":$(printf '%04X' "$p") " /proc/net/tcp /proc/net/tcp6 2>/dev/null || { echo "$p"; return; }
	done
}
http_probe() { # one request on a fresh connection, for readiness checks
	exec 9<>"/dev/tcp/127.0.0.1/$PORT" || return 1
	printf 'GET / HTTP/1.0\r\nHost: localhost\r\n\r\n' >&9
	timeout 2 cat <&9 >/dev/null
	exec 9<&-
}
start_nginx() {
	local d=$TMP/nginx i
	PORT=$(free_port)
	mkdir -p "$d/html" "$d/logs" "$d/tmp"
	printf 'hello from the etrace benchmark\n' >"$d/html/index.html"
	cat >"$d/nginx.conf" <<-EOF
		worker_processes 2;
		daemon on;
		pid $d/nginx.pid;
		error_log $d/logs/error.log warn;
		events { worker_connections 1024; }
		http {
		  access_log off;
		  sendfile off;
		  keepalive_requests 10000000;
		  client_body_temp_path $d/tmp;
		  proxy_temp_path $d/tmp;
		  fastcgi_temp_path $d/tmp;
		  uwsgi_temp_path $d/tmp;
		  scgi_temp_path $d/tmp;
		  server { listen 127.0.0.1:$PORT; root $d/html; }
		}
	EOF
	nginx -p "$d" -c "$d/nginx.conf" -e "$d/logs/error.log" || return 1
	for ((i = 0; i < 50; i++)); do [ -s "$d/nginx.pid" ] && break; sleep 0.1; done
	NGINX_PID=$(cat "$d/nginx.pid")
	for ((i = 0; i < 50; i++)); do
		mapfile -t NGINX_WORKERS < <(pgrep -P "$NGINX_PID")
		[ ${#NGINX_WORKERS[@]} -ge 2 ] && http_probe && return 0
		sleep 0.1
	done
	return 1
}

# Attach, wait until the tracer shows a response being written (or 5 s), load with wrk, detach.
run_nginx() { # tracer rep
	local t=$1 r=$2 out=$TMP/out err=$TMP/err tp='' i probes=0 w rps total seen pids p
	local -a strace_pids=()
	for p in "$NGINX_PID" "${NGINX_WORKERS[@]}"; do strace_pids+=(-p "$p"); done
	rm -f "$out" "$err"
	pids=$(printf '%s,' "$NGINX_PID" "${NGINX_WORKERS[@]}")
	case $t in
	none) ;;
	etrace) "$ETRACE" -f -p "$NGINX_PID" -o "$out" >/dev/null 2>"$err" </dev/null & tp=$! ;;
	etrace-all) "$ETRACE" -f -p "${pids%,}" -o "$out" >/dev/null 2>"$err" </dev/null & tp=$! ;;
	strace) strace -f -o "$out" "${strace_pids[@]}" >/dev/null 2>"$err" </dev/null & tp=$! ;;
	perf) perf trace -o "$out" -p "${pids%,}" >/dev/null 2>"$err" </dev/null & tp=$! ;;
	bpftrace) bpftrace -o "$out" -e "$(bpf_prog 'comm == "nginx"')" >/dev/null 2>"$err" </dev/null & tp=$! ;;
	esac
	if [ -n "$tp" ]; then
		BG_PIDS+=("$tp")
		for ((i = 0; i < 50; i++)); do
			http_probe && probes=$((probes + 1))
			grep -qE 'writev|sc20 ' "$out" 2>/dev/null && break
			kill -0 "$tp" 2>/dev/null || break
			sleep 0.1
		done
	fi
	w=$(timeout $((WRK_S + 20)) wrk -t2 -c16 -d"${WRK_S}s" "http://127.0.0.1:$PORT/" 2>&1)
	[ -n "$tp" ] && stop_bg "$tp"
	rps=$(sed -nE 's/^Requests\/sec: *([0-9.]+).*/\1/p' <<<"$w")
	total=$(sed -nE 's/^ *([0-9]+) requests in .*/\1/p' <<<"$w")
	[ -n "$rps" ] || { log "nginx/$t rep $r: wrk failed: $w"; return 1; }
	RPS[$t|$r]=$rps
	CALLS[nginx|$t|$r]=$((total + probes))
	if [ "$t" != none ]; then
		case $t in bpftrace) seen=$(grep -c ' sc20 ' "$out") ;; *) seen=$(grep -E '(^|[^a-z_])writev\(' "$out" | grep -vc '\[continued\]') ;; esac
		SEEN[nginx|$t|$r]=$seen
		LOST[nginx|$t|$r]=$(count_lost "$t" "$out" "$err")
	fi
	rm -f "$out"
}

bench_nginx() {
	local t r i m lo hi rps
	local -a ratios rpss
	declare -gA RPS
	start_nginx || { log "nginx did not start: $(tail -3 "$TMP/nginx/logs/error.log" 2>/dev/null)"; return; }
	log "nginx: master $NGINX_PID, workers ${NGINX_WORKERS[*]}, 127.0.0.1:$PORT"
	# Operators attach with `-f -p <master>`; the workers already exist when it attaches, so a second
	# etrace row names every process, as the strace and perf rows do.
	local -a ts=("${TRACERS[@]}")
	have etrace && ts+=(etrace-all)
	for ((r = 1; r <= REPS; r++)); do
		log "nginx: repetition $r/$REPS"
		for ((i = 0; i < ${#ts[@]}; i++)); do
			run_nginx "${ts[$(((i + r) % ${#ts[@]}))]}" "$r"
		done
	done
	kill -QUIT "$NGINX_PID" 2>/dev/null
	NGINX_PID=
	for t in "${ts[@]}"; do
		ratios=() rpss=()
		for ((r = 1; r <= REPS; r++)); do
			[ -n "${RPS[$t|$r]:-}" ] && [ -n "${RPS[none|$r]:-}" ] || continue
			ratios+=("$(calc "${RPS[none|$r]} / ${RPS[$t|$r]}")")
			rpss+=("${RPS[$t|$r]}")
		done
		[ ${#ratios[@]} -gt 0 ] || { row nginx "$t" failed - - - "see log"; continue; }
		read -r m lo hi <<<"$(stats "${ratios[@]}")"
		read -r rps _ <<<"$(stats "${rpss[@]}")"
		local issued seen lost
		issued=$(sum_field CALLS "nginx|$t") seen=$(sum_field SEEN "nginx|$t") lost=$(sum_field LOST "nginx|$t")
		[ "$t" = none ] && seen=- lost=-
		local tname=$t
		case $t in etrace) tname="etrace -f -p master" ;; etrace-all) tname="etrace -f -p (all 3)" ;; strace) tname="strace -f -p (all 3)" ;;
		perf) tname="perf trace -p (all 3)" ;; bpftrace) tname='bpftrace comm=="nginx"' ;; esac
		row nginx "$tname" "$(printf '%.2fx (%.2f-%.2f)' "$m" "$lo" "$hi")" - "$seen / $issued" "$lost" \
			"$(printf '%.0f req/s = %.0f%% of untraced; seen=writev, issued=requests' "$rps" "$(calc "100 / $m")")"
	done
}

# ---------------------------------------------------------------- start-up
# From starting the tracer to its first traced line of /bin/true arriving on a pipe.
bench_startup() {
	local t r i pat v
	local -a cmd ts=()
	declare -A ST
	log "start-up: $REPS repetitions"
	for t in "${TRACERS[@]}"; do [ "$t" != none ] && ts+=("$t"); done
	for ((r = 1; r <= REPS; r++)); do
		for ((i = 0; i < ${#ts[@]}; i++)); do
			t=${ts[$(((i + r) % ${#ts[@]}))]}
			case $t in
			etrace) pat='execve(' cmd=("$ETRACE" /bin/true) ;;
			strace) pat='execve(' cmd=(strace /bin/true) ;;
			perf) pat='execve' cmd=(perf trace -- /bin/true) ;;
			bpftrace) pat=' sc' cmd=(bpftrace -c /bin/true -e 'tracepoint:raw_syscalls:sys_enter /pid == cpid/ { printf("%d sc%d\n", tid, args->id); }') ;;
			esac
			v=$(timeout -k 3 30 env BENCH_RESULT= "$BUILD/startup_timer" "$pat" "${cmd[@]}" </dev/null)
			if [[ $v == calls=1* ]]; then ST[$t]+="$(calc "${v#*ns=} / 1e9") "; else log "start-up/$t rep $r: no traced line ($v)"; fi
		done
	done
	for t in "${ts[@]}"; do
		[ -n "${ST[$t]:-}" ] || { row start-up "$t" failed - - - -; continue; }
		# shellcheck disable=SC2086
		read -r m lo hi <<<"$(stats ${ST[$t]})"
		row start-up "$t" "$(printf '%.3fs (%.3f-%.3f)' "$m" "$lo" "$hi")" - - - "to the first traced line of /bin/true"
	done
}

# ---------------------------------------------------------------- memory
# Peak resident memory of the tracer process while it traces the write loop, and the peak of its
# resident memory outside BPF maps and perf buffers (the ring buffer is mapped as a bpf-map).
bench_memory() {
	local t tp hwm rss buf best_hwm best_rest n
	log "memory: sampling each tracer on the write loop"
	for t in "${TRACERS[@]}"; do
		[ "$t" = none ] && continue
		n=${NFOR[write_loop|$t]:-${N0[write_loop]}}
		rm -f "$TMP/out"
		case $t in
		etrace) env BENCH_RESULT="$TMP/res" "$ETRACE" -f -o "$TMP/out" "$BUILD/write_loop" "$n" >/dev/null 2>"$TMP/err" </dev/null & ;;
		strace) env BENCH_RESULT="$TMP/res" strace -f -o "$TMP/out" "$BUILD/write_loop" "$n" >/dev/null 2>"$TMP/err" </dev/null & ;;
		perf) env BENCH_RESULT="$TMP/res" perf trace -o "$TMP/out" -- "$BUILD/write_loop" "$n" >/dev/null 2>"$TMP/err" </dev/null & ;;
		bpftrace) env BENCH_RESULT="$TMP/res" bpftrace -o "$TMP/out" -c "$BUILD/write_loop $n" -e "$(bpf_prog 'pid == cpid')" >/dev/null 2>"$TMP/err" </dev/null & ;;
		esac
		tp=$!
		BG_PIDS+=("$tp")
		best_hwm=0 best_rest=0
		for ((i = 0; i < RUN_CAP * 10; i++)); do
			read -r hwm rss buf < <(awk '
				FILENAME ~ /status$/ && /^VmHWM:/ { h = $2 } FILENAME ~ /status$/ && /^VmRSS:/ { r = $2 }
				FILENAME ~ /smaps$/ && /^[0-9a-f]+-[0-9a-f]+ / { m = ($0 ~ /bpf-map|perf_event|bpf_ringbuf/) }
				FILENAME ~ /smaps$/ && /^Rss:/ && m { b += $2 }
				END { print h + 0, r + 0, b + 0 }' "/proc/$tp/status" "/proc/$tp/smaps" 2>/dev/null)
			[ "${hwm:-0}" -gt 0 ] || break
			((hwm > best_hwm)) && best_hwm=$hwm
			((rss - buf > best_rest)) && best_rest=$((rss - buf))
			sleep 0.1
		done
		stop_bg "$tp"
		row memory "$t" - - - - "$(printf 'peak RSS %.1f MiB; beyond BPF/perf buffers %.1f MiB (write_loop N=%s)' \
			"$(calc "$best_hwm / 1024")" "$(calc "$best_rest / 1024")" "$n")"
	done
}

# ---------------------------------------------------------------- main
# Everything runs inside functions, so bash has parsed the whole file before the first run
# starts and an edit to this script during a benchmark cannot derail it.
main() {
	local load_start
	load_start=$(cut -d' ' -f1-3 /proc/loadavg)
	log "machine: $(nproc) CPUs, kernel $(uname -r); reps=$REPS target=${TARGET_S}s per run; tracers: ${TRACERS[*]}"
	header
	for w in write_loop open_loop fork_loop threads; do
		has_section "$w" && bench_workload "$w" "$w" "${TRACERS[@]}"
	done
	if has_section filtered; then
		ft=(none)
		[ "$FLOOR" = 1 ] && ft+=(floor-noop)
		have etrace && ft+=(etrace-connect etrace-comm)
		have strace && ft+=(strace-connect strace-seccomp-connect)
		have perf && ft+=(perf-connect)
		have bpftrace && ft+=(bpftrace-connect bpftrace-comm)
		bench_workload filtered write_loop "${ft[@]}"
	fi
	has_section nginx && command -v nginx >/dev/null && command -v wrk >/dev/null && bench_nginx
	has_section startup && bench_startup
	has_section memory && bench_memory

	{
		echo "etrace benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, kernel $(uname -r), reps=$REPS$([ "$QUICK" = 1 ] && echo ' (--quick)')"
		echo "etrace: $ETRACE_SRC; tree at $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null)"
		# Other work on the machine widens the ranges; say how busy it was.
		echo "load average at start: $load_start; at end: $(cut -d' ' -f1-3 /proc/loadavg)"
		echo
		printf '%s\n' "${ROWS[@]}"
	} >"$RESULTS"
	echo
	cat "$RESULTS"
	log "done in ${SECONDS}s; table saved to $RESULTS"
}

setup && main
exit
