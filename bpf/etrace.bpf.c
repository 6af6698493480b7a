// SPDX-License-Identifier: GPL-2.0
/* etrace's kernel side: filter the task, look up the syscall's capture plan, copy its
 * arguments, and push one record per call into the ring buffer. See DESIGN.md "Data flow". */
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "capture.bpf.h"
#include "compat.bpf.h"
#include "fdinfo.bpf.h"
#include "maps.bpf.h"
#include "task_ids.bpf.h"

_Static_assert((ETRACE_INLINE_BYTES & (ETRACE_INLINE_BYTES - 1)) == 0, "inline mask needs a power of two");

char LICENSE[] SEC("license") = "GPL";

/* Static knobs are const volatile, written through the skeleton's rodata between open and load,
 * so the verifier prunes whatever is off; what changes while running lives in maps. */
const volatile __u32 self_tgid = 0;
/* The record layout this object writes (include/etrace/event.h); userspace checks it. */
const volatile __u32 record_abi_version = ETRACE_RECORD_ABI_VERSION;
const volatile bool filter_tgids = false;   /* -p / command: only tgids in traced_tgids */
const volatile bool filter_comms = false;   /* --comm */
/* --comm with up to ETRACE_INLINE_COMMS names: the names themselves, compared with the task's comm
 * as two words, so the rest of the machine is turned away without a helper call or map lookup. */
#define ETRACE_INLINE_COMMS 4
const volatile __u32 inline_comm_count = 0;
const volatile __u64 inline_comms[ETRACE_INLINE_COMMS][2] = {};
const volatile bool filter_cgroup = false;  /* --cgroup: the task is under traced_cgroup[0] */
/* --exclude-comm: never trace these names (up to ETRACE_INLINE_COMMS compared inline, as
 * --comm's, the rest through excluded_comms); --exclude-pid: nor these processes. */
const volatile bool exclude_comms = false;
const volatile __u32 inline_excluded_count = 0;
const volatile __u64 inline_excluded[ETRACE_INLINE_COMMS][2] = {};
const volatile bool exclude_tgids = false;
const volatile bool follow_forks = false;   /* -f: children join traced_tgids at fork */
const volatile __u32 status_mask = 0;       /* ETRACE_STATUS_*; 0 = every status */
const volatile bool count_only = false;     /* -c: totals in `counts`, no records */
const volatile __u64 wakeup_bytes = 1 << 20;/* bytes a CPU submits between wake-ups */
/* Clocks only when the output needs them (-t -r -T -c --json): in a VM bpf_ktime_get_ns reads
 * the paravirtual clock, the largest single cost of a traced call (perf, on this machine), and
 * tracing programs may not use the coarse clock. Without them a record's times are 0 and a
 * call's enter_ts is its per-thread sequence number, which still pairs entry and exit. */
const volatile bool precise_time = true;
/* Per-syscall attach with exit programs only: every traced call leaves its inputs alone
 * (ETRACE_PLAN_INPUTS_AT_EXIT) and no option needs its entry time, so the call's whole record
 * is made at exit and untraced syscalls pay one tracepoint dispatch instead of two. Calls that
 * block are found by the iterator from the sleeping thread's registers. */
const volatile bool exit_only = false;
/* -c without -w: also the CPU time of each call (etrace_syscall_record.cpu_ns). */
const volatile bool cpu_time = false;
/* --rate-limit: traced calls recorded per second per process (0: no limit). */
const volatile __u64 rate_limit = 0;

static __always_inline __u64 task__runtime(void)
{
	return cpu_time ? bpf_get_current_task_btf()->se.sum_exec_runtime : 0;
}

static __always_inline __u64 clock__now(void)
{
	return precise_time ? bpf_ktime_get_ns() : 0;
}

/* One ring per CPU, merged by submit order (maps.bpf.h); false: every CPU shares ring 0
 * (ETRACE_RINGS=shared, for comparison). */
const volatile bool percpu_rings = true;
__u64 submit_order = 0;
/* Submit numbers taken for records a full ring refused: the consumer's merge waits for a
 * missing number unless this count says it will never come (src/event/ring_merger.h). */
__u64 orders_unused = 0;

/* Whether `task`'s command name is one --comm names. */
static __always_inline bool comm__matches(struct task_struct *task)
{
	__u64 word[2];
	if (inline_comm_count) {
		word[0] = *(__u64 *)&task->comm[0];
		word[1] = *(__u64 *)&task->comm[8];
		for (__u32 i = 0; i < ETRACE_INLINE_COMMS && i < inline_comm_count; i++)
			if (word[0] == inline_comms[i][0] && word[1] == inline_comms[i][1])
				return true;
		return false;
	}
	bpf_probe_read_kernel(word, sizeof(word), task->comm);
	return bpf_map_lookup_elem(&traced_comms, word) != NULL;
}

/* Whether `task`'s command name is one --exclude-comm names. */
static __always_inline bool comm__excluded(struct task_struct *task)
{
	__u64 word[2];
	if (inline_excluded_count) {
		word[0] = *(__u64 *)&task->comm[0];
		word[1] = *(__u64 *)&task->comm[8];
		for (__u32 i = 0; i < ETRACE_INLINE_COMMS && i < inline_excluded_count; i++)
			if (word[0] == inline_excluded[i][0] && word[1] == inline_excluded[i][1])
				return true;
		return false;
	}
	bpf_probe_read_kernel(word, sizeof(word), task->comm);
	return bpf_map_lookup_elem(&excluded_comms, word) != NULL;
}

static __always_inline bool filter__allow_task(__u32 tgid)
{
	if (tgid == self_tgid || task__is_self_in_ns(bpf_get_current_task_btf()))
		return false;
	if (exclude_tgids && bpf_map_lookup_elem(&excluded_tgids, &tgid))
		return false;
	if (exclude_comms && comm__excluded(bpf_get_current_task_btf()))
		return false;
	if (filter_tgids && !bpf_map_lookup_elem(&traced_tgids, &tgid))
		return false;
	if (filter_comms && !comm__matches(bpf_get_current_task_btf()))
		return false;
	if (filter_cgroup && bpf_current_task_under_cgroup(&traced_cgroup, 0) != 1)
		return false;
	return true;
}

static __always_inline void drops__count(__u32 reason)
{
	__u64 *n = bpf_map_lookup_elem(&drops, &reason);
	if (n)
		*n += 1;
}

static __always_inline void record__header(struct etrace_record_header *h, __u16 kind, __u64 pid_tgid)
{
	h->kind = kind;
	h->flags = 0;
	h->ts_ns = clock__now();
	h->tgid = pid_tgid >> 32;
	h->tid = (__u32)pid_tgid;
	h->lost_before = 0;
	h->order = 0; /* numbered at submit */
	task_ids__fill(h, bpf_get_current_task_btf());
}

static __always_inline struct scratch *scratch__get(void)
{
	__u32 zero = 0;
	return bpf_map_lookup_elem(&scratch, &zero);
}

/* Outputs `size` bytes of `buf` as one record; false when the ring buffer had no room (the
 * loss is counted, globally and against the thread, unless the caller recovers it). Wake-ups
 * are batched: the consumer polls with a short timeout and is woken only when this CPU has
 * submitted wakeup_bytes since its last wake-up. The count is per CPU on purpose: asking the
 * ring how much is unread reads the consumer's position, a cache line the consumer's CPU
 * writes, and that miss cost more than the rest of the submit (perf, write loop). */
static __always_inline bool record__submit_ex(void *buf, __u32 size, struct etrace_inflight *st, bool count_loss)
{
	struct etrace_record_header *h = buf;
	size &= ETRACE_SCRATCH_SIZE - 1; /* exact: records are smaller (capture.bpf.h) */
	h->size = size;
	h->lost_before = st ? st->lost : 0;
	/* The merge key of the per-CPU rings, taken just before the output: a counter shared by
	 * all CPUs. In a prototype the write loop cost 1.57x with it and 1.95x with a clock read
	 * instead; 4 contending threads cost 2.34x with it and 1.92x with the clock. */
	__u32 idx = 0;
	if (percpu_rings) {
		h->order = (__u32)__sync_fetch_and_add(&submit_order, 1);
		idx = bpf_get_smp_processor_id();
	}
	void *ring = bpf_map_lookup_elem(&events, &idx);
	__u64 flags = BPF_RB_NO_WAKEUP;
	__u32 zero = 0;
	__u64 *pending = bpf_map_lookup_elem(&unsignaled, &zero);
	if (pending) {
		*pending += size;
		if (*pending > wakeup_bytes) {
			*pending = 0;
			flags = BPF_RB_FORCE_WAKEUP;
		}
	}
	if (!ring || bpf_ringbuf_output(ring, buf, size, flags)) {
		if (percpu_rings)
			__sync_fetch_and_add(&orders_unused, 1);
		if (count_loss) {
			drops__count(ETRACE_DROP_RINGBUF_FULL);
			if (st)
				st->lost++;
		}
		return false;
	}
	if (st)
		st->lost = 0;
	return true;
}

static __always_inline bool record__submit(void *buf, __u32 size, struct etrace_inflight *st)
{
	return record__submit_ex(buf, size, st, true);
}

/* Reports `over` calls of the current process that were not recorded; false when the ring had
 * no room (the caller keeps the count for the next report). */
static __always_inline bool rate__report(__u64 pid_tgid, struct etrace_inflight *st, __u64 over)
{
	struct etrace_rate_record r = {};
	record__header(&r.hdr, ETRACE_REC_RATE_LIMITED, pid_tgid);
	r.calls = over;
	return record__submit_ex(&r, sizeof(r), st, false);
}

/* --rate-limit: whether the current process may record one more call in its window (at
 * `now_ns`). The first call of a new window reports the calls the last ones held back. Threads
 * race on the window's start: at worst a window restarts twice, a few calls early. */
static __always_inline bool rate__admit(__u64 pid_tgid, struct etrace_inflight *st, __u64 now_ns)
{
	__u32 tgid = pid_tgid >> 32;
	struct etrace_rate_window *w = bpf_map_lookup_elem(&rate_windows, &tgid);
	if (!w) {
		struct etrace_rate_window fresh = {.start_ns = now_ns, .calls = 1};
		bpf_map_update_elem(&rate_windows, &tgid, &fresh, BPF_NOEXIST);
		return true;
	}
	if (now_ns - w->start_ns >= 1000000000ull) {
		w->start_ns = now_ns;
		w->calls = 0;
		__u64 over = w->over;
		if (over && rate__report(pid_tgid, st, over))
			__sync_fetch_and_add(&w->over, -over);
	}
	if (__sync_fetch_and_add(&w->calls, 1) < rate_limit)
		return true;
	__sync_fetch_and_add(&w->over, 1);
	return false;
}

/* Inline payloads up to this size (a write's 32 bytes and its header) are copied with plain
 * loads and stores of a constant size, cheaper than a helper call for a variable one. */
#define INLINE_FAST 64
_Static_assert(INLINE_FAST <= ETRACE_INLINE_BYTES, "fast copy fits the inline buffer");

/* The fixed part of a call's record, from the thread's in-flight state. */
static __always_inline void record__syscall_head(struct etrace_syscall_record *rec, __u16 kind, __u64 pid_tgid,
						 const struct etrace_inflight *st, __s64 ret)
{
	record__header(&rec->hdr, kind, pid_tgid);
	rec->nr = st->nr;
	__builtin_memcpy(rec->args, st->args, sizeof(rec->args));
	rec->ret = ret;
	rec->enter_ts_ns = st->enter_ts;
	rec->seq = st->seq;
	rec->cpu_ns = 0;
}

static __always_inline struct etrace_inflight *inflight__get(__u64 flags)
{
	return bpf_task_storage_get(&inflight, bpf_get_current_task_btf(), 0, flags);
}

static __always_inline const struct etrace_syscall_plan *plan__lookup(long nr)
{
	__u32 key = nr >= 0 && nr < ETRACE_MAX_SYSCALL_NR ? (__u32)nr : ETRACE_MAX_SYSCALL_NR - 1;
	return bpf_map_lookup_elem(&syscall_plans, &key);
}

/* Whether a call numbered `nr` is traced with a record of its own (not only counted). */
static __always_inline bool plan__records(long nr)
{
	const struct etrace_syscall_plan *plan = plan__lookup(nr);
	return nr >= 0 && plan && (plan->flags & ETRACE_PLAN_ENABLED) && !(plan->flags & ETRACE_PLAN_COUNT_ONLY);
}

/* Whether `task`, asleep in the kernel (or current), is inside a traced call, known from its
 * saved registers (the kernel's /proc/PID/syscall reads them the same way): its number and
 * arguments then fill `nr` and `args`. */
static __always_inline bool task__in_traced_call(struct task_struct *task, __u64 args[6], long *nr)
{
	compat__task_syscall_args(task, args, nr);
	return plan__records(*nr);
}

enum capture_pass {
	PASS_ENTER,   /* inputs, at sys_enter */
	PASS_EXIT,    /* outputs, at sys_exit */
	PASS_REFETCH, /* at sys_exit: inputs that faulted at entry (pages the call itself faults in) */
	PASS_EXIT_ALL,/* at sys_exit, ETRACE_PLAN_INPUTS_AT_EXIT: inputs and outputs, in plan order */
};

/* Captures the payloads of `plan` for one pass after the record header; returns the record's
 * size, adds to *count, and (PASS_ENTER) sets a bit in *faulted per capture that could not
 * read user memory. */
static __always_inline __u32 capture__all(struct scratch *s, __u32 off, const struct etrace_syscall_plan *plan,
					  const struct etrace_inflight *st, __s64 ret, enum capture_pass pass,
					  __u16 *count, __u8 *faulted)
{
	__u8 *buf = s->buf;
	bool ok = pass == PASS_ENTER || ret >= 0 || ret < -4095;
#pragma unroll
	for (int i = 0; i < ETRACE_MAX_CAPTURES; i++) {
		if (i >= plan->ncaptures)
			break;
		const struct etrace_capture *cap = &plan->captures[i];
		bool exit_cap = cap->when != ETRACE_AT_ENTER;
		if (pass == PASS_REFETCH) {
			if (!(*faulted & (1u << i)))
				continue;
		} else if (pass != PASS_EXIT_ALL && exit_cap != (pass == PASS_EXIT)) {
			continue;
		}
		if (pass >= PASS_EXIT && cap->when == ETRACE_AT_EXIT && !ok)
			continue;
		/* An input taken late still reads as an input (no AT_EXIT mark): the call left it as it was. */
		bool mark_exit = pass == PASS_EXIT_ALL ? exit_cap : pass != PASS_ENTER;
		__u32 next = capture__one(s, off | (mark_exit ? CAPTURE_AT_EXIT : 0), cap, st, ret);
		if (next != off) {
			*count += 1;
			/* An fd pair's FDINFO capture appends two payloads: count the second. */
			if (cap->type == ETRACE_CAP_FDINFO && off < ETRACE_SCRATCH_HALF) {
				struct etrace_payload *first = (void *)(buf + capture__bound(off, ETRACE_SCRATCH_HALF - 1));
				if (off + sizeof(*first) + capture__round8(first->len) < next)
					*count += 1;
			}
			if (pass == PASS_ENTER && off < ETRACE_SCRATCH_HALF) {
				struct etrace_payload *pl = (void *)(buf + capture__bound(off, ETRACE_SCRATCH_HALF - 1));
				if (pl->flags & ETRACE_PLF_FAULT)
					*faulted |= 1u << i;
			}
		}
		off = next;
	}
	return off;
}

/* The entry of a traced call. The tp_btf program passes its pt_regs and event_args NULL; the
 * per-syscall tracepoint programs have no pt_regs and pass a copy of the call's arguments. The
 * source is chosen by testing event_args, never regs (compat.bpf.h, before Linux 6.5): the
 * compiler folds that test at each inlined call site, so no verifier walks a NULL path. */
static __always_inline int syscall__enter(struct pt_regs *regs, const __u64 *event_args, long id)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	const struct etrace_syscall_plan *plan = plan__lookup(id);
	if (!plan || !(plan->flags & ETRACE_PLAN_ENABLED))
		return 0;
	/* System-wide --comm: every other task on the machine leaves here, on its own comm, before
	 * any per-task lookup. */
	if (filter_comms && !comm__matches(bpf_get_current_task_btf()))
		return 0;
	/* --exclude-comm: judged at every call too, since a traced thread may exec an excluded program. */
	if (exclude_comms && comm__excluded(bpf_get_current_task_btf()))
		return 0;
	/* A thread with state passed the filters at its first traced call: skip the pid/cgroup
	 * lookups from then on. A refusal leaves no state: a process may join the cgroup or the
	 * traced pids later. */
	struct etrace_inflight *st = inflight__get(0);
	if (!st) {
		if (!filter__allow_task(pid_tgid >> 32))
			return 0;
		st = inflight__get(BPF_LOCAL_STORAGE_GET_F_CREATE);
		if (!st) {
			drops__count(ETRACE_DROP_INFLIGHT_FULL);
			return 0;
		}
	}
	st->tid = (__u32)pid_tgid;
	st->seq++;
	st->enter_ts = precise_time ? bpf_ktime_get_ns() : st->seq;
	st->enter_runtime = task__runtime();
	st->nr = id;
	if (!event_args) {
		compat__syscall_args(regs, st->args);
		st->sp = regs->sp;
	} else {
		__builtin_memcpy(st->args, event_args, sizeof(st->args));
		st->sp = 0; /* not in the event: rt_sigreturn is never traced this way */
	}
	st->flags = 0;
	st->refetch = 0;
	st->inline_len = 0;
	st->inline_count = 0;
	st->tgid = pid_tgid >> 32;
	st->active = 1;
	/* --rate-limit: a call over the limit is counted, and leaves no trace at exit either. */
	if (rate_limit && !count_only && !(plan->flags & ETRACE_PLAN_COUNT_ONLY) &&
	    !rate__admit(pid_tgid, st, precise_time ? st->enter_ts : bpf_ktime_get_ns())) {
		st->active = 0;
		return 0;
	}
	if (count_only || (plan->flags & (ETRACE_PLAN_COUNT_ONLY | ETRACE_PLAN_INPUTS_AT_EXIT)))
		return 0;

	struct scratch *sc = scratch__get();
	if (!sc)
		return 0;
	__u8 *buf = sc->buf;
	struct etrace_syscall_record *rec = (void *)buf;
	__u16 count = 0;
	__u8 faulted = 0;
	__u32 end = capture__all(sc, sizeof(*rec), plan, st, 0, PASS_ENTER, &count, &faulted);
	st->refetch = faulted;

	if (plan->flags & ETRACE_PLAN_NO_RETURN) {
		/* exit/exit_group never reach sys_exit: the whole record goes out now. */
		record__syscall_head(rec, ETRACE_REC_SYSCALL, pid_tgid, st, 0);
		rec->hdr.flags = ETRACE_SC_NO_RETURN;
		rec->npayloads = count;
		st->active = 0;
		record__submit(buf, end, st);
		return 0;
	}
	if (!count)
		return 0;

	__u32 payload_len = end - sizeof(*rec);
	if (payload_len < ETRACE_INLINE_BYTES) {
		/* Small inputs ride in the thread state and leave with the exit record. The mask
		 * restates the bound for the verifier (clang may test a copy of the register). */
		__u32 n = payload_len & (ETRACE_INLINE_BYTES - 1);
		if (n <= INLINE_FAST)
			__builtin_memcpy(st->inline_buf, buf + sizeof(*rec), INLINE_FAST);
		else
			bpf_probe_read_kernel(st->inline_buf, n, buf + sizeof(*rec));
		st->inline_len = n;
		st->inline_count = count;
		return 0;
	}
	record__syscall_head(rec, ETRACE_REC_ENTER, pid_tgid, st, 0);
	rec->npayloads = count;
	__u32 lost = st->lost;
	record__submit(buf, end, st);
	st->flags = st->lost > lost ? ETRACE_SC_ENTER_LOST : ETRACE_SC_ENTER_SENT;
	return 0;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(etrace_sys_enter, struct pt_regs *regs, long id)
{
	return syscall__enter(regs, NULL, id);
}

/* Per-syscall attach: when few syscalls are traced, this program is attached to each one's
 * own tracepoint (syscalls/sys_enter_NAME) instead of raw_syscalls, so the rest of the
 * machine's syscalls do not run any etrace code. The section's target is a placeholder;
 * userspace attaches the program once per traced syscall. */
SEC("tracepoint/syscalls/sys_enter_getpid")
int etrace_tp_enter(struct compat_syscall_enter_event *ctx)
{
	/* One program serves syscalls of every arity, and the kernel refuses to attach it to an
	 * event shorter than the furthest ctx byte it reads directly: read the arguments with a
	 * probe read (the slots past this syscall's own are never used). */
	__u64 args[6] = {};
	bpf_probe_read_kernel(args, sizeof(args), ctx->args);
	return syscall__enter(NULL, args, ctx->nr);
}

#define NR_EXECVE 59 /* x86_64 */
#define NR_PRCTL 157
#define NR_EXECVEAT 322

/* include/linux/sched/signal.h */
#define SIGNAL_GROUP_EXIT 0x00000004
#define SIGKILL 9

/* The exit `task`'s whole process is in: the signal ending it (| 0x80 for a core dump) or the
 * exit_group status, or -1 while the process is not exiting. */
static __always_inline int task__group_exit_code(struct task_struct *task)
{
	struct signal_struct *sig = task->signal;
	return (sig->flags & SIGNAL_GROUP_EXIT) ? sig->group_exit_code : -1;
}

/* Whether SIGKILL is ending the current process (a kill -9, or its fatal shortcut's SIGKILL for
 * a signal that was itself SIGKILL): the call's exit still runs, but the process never sees its
 * result, and strace prints none ("= ?"). */
static __always_inline bool task__being_killed(void)
{
	const int code = task__group_exit_code(bpf_get_current_task_btf());
	return code >= 0 && (code & 0x7f) == SIGKILL;
}

static __always_inline int syscall__exit(long exit_nr, long ret)
{
	/* Untraced numbers leave before any per-task lookup, as at entry: the filtered-out path
	 * runs on every syscall of the machine. */
	const struct etrace_syscall_plan *exit_plan = plan__lookup(exit_nr);
	if (!exit_plan || !(exit_plan->flags & ETRACE_PLAN_ENABLED))
		return 0;
	/* --comm: as at entry; except for the calls that rename the thread while it is traced
	 * (the iterator ignores a call left open by any other rename). */
	if (filter_comms && exit_nr != NR_EXECVE && exit_nr != NR_EXECVEAT && exit_nr != NR_PRCTL &&
	    !comm__matches(bpf_get_current_task_btf()))
		return 0;
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	struct etrace_inflight *st = inflight__get(0);
	if (!st || !st->active)
		return 0;
	st->active = 0;

	bool failed = ret < 0 && ret >= -4095;
	if (status_mask && !(status_mask & (failed ? ETRACE_STATUS_FAILED : ETRACE_STATUS_SUCCESSFUL)))
		return 0;

	__s64 nr = st->nr;
	const struct etrace_syscall_plan *plan = plan__lookup(nr);
	if (!plan)
		return 0;
	if (count_only || (plan->flags & ETRACE_PLAN_COUNT_ONLY)) {
		__u32 key = nr >= 0 && nr < ETRACE_MAX_SYSCALL_NR ? (__u32)nr : ETRACE_MAX_SYSCALL_NR - 1;
		struct etrace_count *c = bpf_map_lookup_elem(&counts, &key);
		if (c) {
			c->calls++;
			c->errors += failed;
			c->ns += precise_time ? bpf_ktime_get_ns() - st->enter_ts : 0;
			c->cpu_ns += task__runtime() - st->enter_runtime;
		}
		return 0;
	}
	struct scratch *sc = scratch__get();
	if (!sc)
		return 0;
	__u8 *buf = sc->buf;

	struct etrace_syscall_record *rec = (void *)buf;
	record__syscall_head(rec, ETRACE_REC_SYSCALL, pid_tgid, st, ret);
	rec->hdr.flags = st->flags | (task__being_killed() ? ETRACE_SC_KILLED : 0);
	rec->cpu_ns = task__runtime() - st->enter_runtime;

	__u32 off = sizeof(*rec);
	__u16 count = st->inline_count;
	__u8 faulted = st->refetch;
	__u32 inl = st->inline_len & (ETRACE_INLINE_BYTES - 1); /* < INLINE by construction */
	if (inl) {
		if (inl <= INLINE_FAST)
			__builtin_memcpy(buf + sizeof(*rec), st->inline_buf, INLINE_FAST);
		else
			bpf_probe_read_kernel(buf + sizeof(*rec), inl, st->inline_buf);
		off += inl;
	}
	off = capture__all(sc, off, plan, st, ret, (plan->flags & ETRACE_PLAN_INPUTS_AT_EXIT) ? PASS_EXIT_ALL : PASS_EXIT,
			   &count, &faulted);
	if (faulted)
		off = capture__all(sc, off, plan, st, ret, PASS_REFETCH, &count, &faulted);
	rec->npayloads = count;
	record__submit(buf, off, st);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(etrace_sys_exit, struct pt_regs *regs, long ret)
{
	return syscall__exit(compat__syscall_nr(regs), ret);
}

/* The exit of call `nr` on a per-syscall hook (its exit tracepoint or its trampoline). exit_only:
 * its entry is made now, from the registers; unless userspace made it at attach
 * (Session::adopt_call). */
static __always_inline int syscall__exit_hook(long nr, long ret)
{
	if (exit_only) {
		struct etrace_inflight *st = inflight__get(0);
		if (st && st->skip_exit) {
			st->skip_exit = 0;
			if (nr == st->nr)
				return 0;
		}
		if (!st || !st->active) {
			__u64 args[6];
			compat__task_syscall_args(bpf_get_current_task_btf(), args, NULL);
			syscall__enter(NULL, args, nr);
		}
	}
	return syscall__exit(nr, ret);
}

/* Per-syscall trampolines (fentry/fexit on __x64_sys_NAME) where the kernel has them: any syscall
 * tracepoint, once attached, sends every task's every syscall through the kernel's syscall-tracing
 * slow path, while a trampoline costs only the calls it is on. A call begun before its trampoline
 * returns without passing through it, so the exit tracepoints are attached first and stay until
 * no thread can be inside such a call (etrace_early_calls, Session::settle_hooks); meanwhile they
 * skip the exits that a trampoline reported (ETRACE_HOOK_EXITED). */
const volatile bool trampolines = false;
bool hooks_attached = false; /* every trampoline is in: a thread passing one is clean */
bool early_scan_done = false;

SEC("tracepoint/syscalls/sys_exit_getpid")
int etrace_tp_exit(struct compat_syscall_exit_event *ctx)
{
	if (trampolines) {
		struct etrace_inflight *st = inflight__get(0);
		if (st && (st->hooks & ETRACE_HOOK_EXITED)) {
			st->hooks &= ~ETRACE_HOOK_EXITED;
			return 0;
		}
		syscall__exit_hook(ctx->nr, ctx->ret);
		/* The call begun before the trampolines is over: the thread's next one passes them. */
		st = inflight__get(0);
		if (st)
			st->hooks = hooks_attached ? ETRACE_HOOK_CLEAN : 0;
		return 0;
	}
	return syscall__exit_hook(ctx->nr, ctx->ret);
}

/* `regs` are the caller's user registers: orig_ax is the syscall number. A tracing program has
 * one attach target, so there is a copy per syscall of the largest per-syscall trace set (8);
 * userspace aims each copy it uses at its function and loads only those. */
static __always_inline void hooks__mark(__u8 flags)
{
	struct etrace_inflight *st = inflight__get(0);
	if (st)
		st->hooks = flags | (hooks_attached ? ETRACE_HOOK_CLEAN : 0);
}

#define ETRACE_TRAMPOLINES(i)                                                                 \
	SEC("fentry/__x64_sys_getpid")                                                        \
	int BPF_PROG(etrace_fentry##i, const struct pt_regs *regs)                            \
	{                                                                                     \
		__u64 args[6] = {BPF_CORE_READ(regs, di),  BPF_CORE_READ(regs, si),           \
				 BPF_CORE_READ(regs, dx),  BPF_CORE_READ(regs, r10),          \
				 BPF_CORE_READ(regs, r8),  BPF_CORE_READ(regs, r9)};          \
		syscall__enter(NULL, args, BPF_CORE_READ(regs, orig_ax));                     \
		hooks__mark(0);                                                               \
		return 0;                                                                     \
	}                                                                                     \
	SEC("fexit/__x64_sys_getpid")                                                         \
	int BPF_PROG(etrace_fexit##i, const struct pt_regs *regs, long ret)                   \
	{                                                                                     \
		syscall__exit_hook(BPF_CORE_READ(regs, orig_ax), ret);                        \
		hooks__mark(ETRACE_HOOK_EXITED);                                              \
		return 0;                                                                     \
	}
ETRACE_TRAMPOLINES(0)
ETRACE_TRAMPOLINES(1)
ETRACE_TRAMPOLINES(2)
ETRACE_TRAMPOLINES(3)
ETRACE_TRAMPOLINES(4)
ETRACE_TRAMPOLINES(5)
ETRACE_TRAMPOLINES(6)
ETRACE_TRAMPOLINES(7)

#define PF_KTHREAD 0x00200000 /* include/linux/sched.h */

/* Whether `task` may be inside a call begun before the trampolines: running (its registers say
 * nothing then), or asleep in a traced call. */
static __always_inline bool task__maybe_in_early_call(struct task_struct *task)
{
	if (!compat__task_sleeping(task))
		return true;
	long nr;
	__u64 args[6];
	compat__task_syscall_args(task, args, &nr);
	const struct etrace_syscall_plan *plan = plan__lookup(nr);
	return nr >= 0 && plan && (plan->flags & ETRACE_PLAN_ENABLED);
}

/* With trampolines: the traced threads that may still be inside a call begun before them, a tid each.
 * The first scan marks them (ETRACE_HOOK_EARLY); later scans only clear marks, so the set
 * shrinks to empty and userspace detaches the exit tracepoints then. */
SEC("iter/task")
int etrace_early_calls(struct bpf_iter__task *ctx)
{
	/* Only for traced processes (a command, -p): state made here for a thread skips the pid
	 * filter at its calls, as etrace_dump_inflight's. */
	struct task_struct *task = ctx->task;
	if (!filter_tgids || !task || (BPF_CORE_READ(task, flags) & PF_KTHREAD))
		return 0;
	__u32 tgid = BPF_CORE_READ(task, tgid);
	if (tgid == self_tgid || !bpf_map_lookup_elem(&traced_tgids, &tgid))
		return 0;
	struct etrace_inflight *st = bpf_task_storage_get(&inflight, task, 0, 0);
	if (st && (st->hooks & ETRACE_HOOK_CLEAN))
		return 0;
	if (early_scan_done && (!st || !(st->hooks & ETRACE_HOOK_EARLY)))
		return 0;
	if (!task__maybe_in_early_call(task)) {
		if (st)
			st->hooks &= ~ETRACE_HOOK_EARLY;
		return 0;
	}
	if (!st) {
		st = bpf_task_storage_get(&inflight, task, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
		if (st) {
			st->tid = BPF_CORE_READ(task, pid);
			st->tgid = tgid;
			st->seen_seq = ~0u;
		}
	}
	if (st)
		st->hooks |= ETRACE_HOOK_EARLY;
	__u32 tid = BPF_CORE_READ(task, pid);
	bpf_seq_write(ctx->meta->seq, &tid, sizeof(tid));
	return 0;
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(etrace_fork, struct task_struct *parent, struct task_struct *child)
{
	__u32 ptgid = BPF_CORE_READ(parent, tgid);
	if (!filter__allow_task(ptgid))
		return 0;
	__u32 ctgid = BPF_CORE_READ(child, tgid);
	if (follow_forks && filter_tgids && ctgid != ptgid) {
		__u8 one = 1;
		bpf_map_update_elem(&traced_tgids, &ctgid, &one, BPF_ANY);
	}
	struct etrace_fork_record r = {};
	record__header(&r.hdr, ETRACE_REC_FORK, bpf_get_current_pid_tgid());
	r.child_tgid = ctgid;
	r.child_tid = BPF_CORE_READ(child, pid);
	if (task_ids) {
		__u32 level = task__pid_level(parent);
		r.child_ns_tid = pid__nr_at(BPF_CORE_READ(child, thread_pid), level, NULL);
		r.child_ns_tgid = pid__nr_at(BPF_CORE_READ(child, group_leader, thread_pid), level, NULL);
	}
	record__submit(&r, sizeof(r), inflight__get(0));
	return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(etrace_exit, struct task_struct *task)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	__u32 tgid = pid_tgid >> 32;
	/* A thread with state was traced: its exit is reported even when a sibling exiting at the
	 * same time has taken the process out of traced_tgids (both may see the group dead: see
	 * compat__group_dead). */
	if (!inflight__get(0) && !filter__allow_task(tgid))
		return 0;
	__u32 tid = (__u32)pid_tgid;
	bool group_dead = compat__group_dead(task);
	if (rate_limit && group_dead) {
		/* The process's calls held back since its last recorded one, before its end. */
		struct etrace_rate_window *w = bpf_map_lookup_elem(&rate_windows, &tgid);
		if (w && w->over && rate__report(pid_tgid, inflight__get(0), w->over))
			w->over = 0;
		if (w && !w->over)
			bpf_map_delete_elem(&rate_windows, &tgid);
	}
	if (!count_only) {
		struct etrace_task_exit_record r = {};
		record__header(&r.hdr, ETRACE_REC_TASK_EXIT, pid_tgid);
		r.exit_code = BPF_CORE_READ(task, exit_code);
		r.group_dead = group_dead;
		struct etrace_inflight *st = inflight__get(0);
		if (!record__submit_ex(&r, sizeof(r), st, false)) {
			/* The thread's last record: no later one can carry its gap, so leave the gap
			 * and the exit for userspace to collect (it reads lost_tails when idle). */
			r.hdr.size = sizeof(r);
			bpf_map_update_elem(&lost_tails, &tid, &r, BPF_ANY);
		}
	}
	bpf_task_storage_delete(&inflight, bpf_get_current_task_btf());
	if (group_dead && filter_tgids)
		bpf_map_delete_elem(&traced_tgids, &tgid);
	return 0;
}

/* The kernel's special siginfo pointers (include/linux/sched/signal.h): NOINFO (0, a signal
 * sent on a task's behalf, e.g. SIGPIPE) and PRIV (1, sent by the kernel, e.g. an itimer's
 * SIGALRM). */
#define SEND_SIG_PRIV ((struct kernel_siginfo *)1)
#define SI_USER 0
#define SI_KERNEL 0x80
/* include/trace/events/signal.h */
#define TRACE_SIGNAL_DELIVERED 0
#define TRACE_SIGNAL_IGNORED 1

/* The siginfo the tracee will see: read from `info`, or made as the kernel makes it for the
 * special pointers (si_pid/si_uid of the sending task for NOINFO, zero for PRIV). The verifier
 * takes a tp_btf pointer argument for non-NULL and would drop an `info == NULL` branch as dead:
 * NOINFO is told by the failed read instead (addresses 0 and 1 cannot be read). */
static __always_inline void signal__info(struct etrace_signal_record *r, int sig, struct kernel_siginfo *info)
{
	if (bpf_probe_read_kernel(r->siginfo, sizeof(r->siginfo), info) == 0)
		return;
	__s32 *w = (__s32 *)r->siginfo;
	w[0] = sig; /* si_signo */
	if (info == SEND_SIG_PRIV) {
		w[2] = SI_KERNEL; /* si_code */
		return;
	}
	struct task_struct *cur = bpf_get_current_task_btf();
	w[2] = SI_USER;
	w[4] = BPF_CORE_READ(cur, tgid);	       /* si_pid */
	w[5] = BPF_CORE_READ(cur, cred, uid.val); /* si_uid */
}

static __always_inline void signal__emit(int sig, struct kernel_siginfo *info, struct task_struct *task,
					__u64 pid_tgid, struct etrace_inflight *st, __u32 in_call_seq, bool generated)
{
	struct etrace_signal_record r = {};
	record__header(&r.hdr, ETRACE_REC_SIGNAL, pid_tgid);
	if (generated)
		task_ids__fill(&r.hdr, task); /* the target's, not the sender's */
	r.sig = sig;
	if (generated) {
		r.hdr.flags = ETRACE_SIG_GENERATED;
		r.in_call_seq = in_call_seq;
	}
	signal__info(&r, sig, info);
	record__submit(&r, sizeof(r), st);
}

SEC("tp_btf/signal_deliver")
int BPF_PROG(etrace_signal_deliver, int sig, struct kernel_siginfo *info, struct k_sigaction *ka)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	/* The fatal-signal path reports SIGKILL with no siginfo: that shows as "killed by" (a signal
	 * that took the fatal shortcut was reported when it was sent, below). */
	if (count_only || sig == SIGKILL || !info || !ka || !filter__allow_task(pid_tgid >> 32))
		return 0;
	signal__emit(sig, info, NULL, pid_tgid, inflight__get(0), 0, false);
	return 0;
}

/* The call `task` is inside when a signal is sent to it, as the sequence number its exit record
 * will carry (0: none, or not one that is traced). With an entry program the in-flight state
 * says; exit_only has none, so the registers do (the sender's own call, or a sleeping target's). */
static __always_inline __u32 signal__in_call(struct task_struct *task, struct etrace_inflight *st)
{
	if (!st)
		return 0;
	if (st->active)
		return st->seq;
	if (!exit_only || (task != bpf_get_current_task_btf() && !compat__task_sleeping(task)))
		return 0;
	__u64 args[6];
	long nr;
	if (!task__in_traced_call(task, args, &nr))
		return 0;
	return st->seq + 1; /* what syscall__enter will give the call at its exit */
}

/* Signals that are never delivered as themselves, which strace still shows (ptrace stops the
 * tracee for each), reported when sent:
 * - ignored by the target's disposition: dropped at once;
 * - fatal with the default action (SIGTERM, SIGPIPE, SIGINT, ...; not the core-dumping ones):
 *   the kernel marks the whole group as exiting and sends every thread SIGKILL, so
 *   signal_deliver only ever sees SIGKILL.
 * A signal dropped because its target is already exiting is not shown (strace does not). */
SEC("tp_btf/signal_generate")
int BPF_PROG(etrace_signal_generate, int sig, struct kernel_siginfo *info, struct task_struct *task,
	     int group, int result)
{
	if (count_only || (result != TRACE_SIGNAL_IGNORED && result != TRACE_SIGNAL_DELIVERED))
		return 0;
	const int exit_code = task__group_exit_code(task);
	if (result == TRACE_SIGNAL_IGNORED && exit_code >= 0)
		return 0;
	if (result == TRACE_SIGNAL_DELIVERED && (sig == SIGKILL || exit_code != sig))
		return 0;
	__u32 tgid = BPF_CORE_READ(task, tgid);
	__u32 tid = BPF_CORE_READ(task, pid);
	if (tgid == self_tgid || task__is_self_in_ns(task) ||
	    (filter_tgids && !bpf_map_lookup_elem(&traced_tgids, &tgid)))
		return 0;
	if (filter_comms && !comm__matches(task))
		return 0;
	if ((exclude_tgids && bpf_map_lookup_elem(&excluded_tgids, &tgid)) ||
	    (exclude_comms && comm__excluded(task)))
		return 0;
	/* The cgroup filter judges the current task, which is the sender here: a target counts as
	 * traced once it has made a traced call (it then has in-flight state). */
	struct etrace_inflight *st = bpf_task_storage_get(&inflight, task, 0, 0);
	if (filter_cgroup && !st)
		return 0;
	__u64 pid_tgid = ((__u64)tgid << 32) | tid;
	signal__emit(sig, info, task, pid_tgid, st, signal__in_call(task, st), true);
	return 0;
}

/* exit_only: a traced thread asleep inside a traced call, known from its registers (the kernel's
 * /proc/PID/syscall reads them the same way). Reported as the call its next exit will report:
 * the thread's next sequence number. Needs two scans in a row with no exit in between. */
static __noinline int inflight__dump_sleeper(struct bpf_iter__task *ctx, struct task_struct *task,
					    struct etrace_inflight *st)
{
	if (!ctx || !task || !compat__task_sleeping(task))
		return 0;
	__u32 tgid = BPF_CORE_READ(task, tgid);
	if (!st) {
		/* Not seen yet: a thread of a traced process (-p, -f) gets state to count scans with. */
		if (!filter_tgids || tgid == self_tgid || !bpf_map_lookup_elem(&traced_tgids, &tgid))
			return 0;
		st = bpf_task_storage_get(&inflight, task, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
		if (!st)
			return 0;
		st->tid = BPF_CORE_READ(task, pid);
		st->tgid = tgid;
		st->seen_seq = ~0u;
		return 0;
	}
	if (st->active)
		return 0;
	__u64 args[6];
	long nr;
	if (!task__in_traced_call(task, args, &nr))
		return 0;
	if (st->seen_seq != st->seq) {
		st->seen_seq = st->seq;
		return 0;
	}
	struct etrace_inflight out = {};
	out.tid = st->tid;
	out.tgid = st->tgid;
	out.nr = nr;
	__builtin_memcpy(out.args, args, sizeof(out.args));
	out.seq = st->seq + 1;
	out.enter_ts = out.seq; /* what syscall__enter will give the call at its exit */
	out.active = 1;
	bpf_seq_write(ctx->meta->seq, &out, sizeof(out));
	return 0;
}

/* Lists the calls in progress for userspace ("<unfinished ...>" for calls that block): one
 * etrace_inflight per task inside a traced call, read through a BPF iterator link. */
SEC("iter/task")
int etrace_dump_inflight(struct bpf_iter__task *ctx)
{
	struct task_struct *task = ctx->task;
	if (!task)
		return 0;
	struct etrace_inflight *st = bpf_task_storage_get(&inflight, task, 0, 0);
	/* A thread renamed away from --comm mid-call (prctl, /proc/self/comm) is no longer traced. */
	if (filter_comms && !comm__matches(task))
		return 0;
	if (exit_only)
		return inflight__dump_sleeper(ctx, task, st);
	if (!st || !st->active)
		return 0;
	/* A call counts as blocked once two scans in a row find it running. */
	if (st->seen_seq != st->seq) {
		st->seen_seq = st->seq;
		return 0;
	}
	bpf_seq_write(ctx->meta->seq, st, sizeof(*st));
	return 0;
}

/* execve's strings may sit in pages the calling process has not faulted in (a fork child's
 * view of the parent's read-only data): the read at entry then fails, and after a successful
 * exec the old memory is gone. The new image holds the same strings, resident, at this point:
 * the path in bprm->filename, argv between mm->arg_start and arg_end. Sent as an ENTER record
 * that the exit record's own (faulted) payloads defer to. */
SEC("tp_btf/sched_process_exec")
int BPF_PROG(etrace_exec, struct task_struct *task, pid_t old_pid, struct linux_binprm *bprm)
{
	struct etrace_inflight *st = inflight__get(0);
	if (count_only || !st || !st->active || !st->refetch || st->nr != NR_EXECVE)
		return 0;
	struct scratch *sc = scratch__get();
	if (!sc)
		return 0;
	__u8 *buf = sc->buf;
	struct etrace_syscall_record *rec = (void *)buf;
	record__syscall_head(rec, ETRACE_REC_ENTER, bpf_get_current_pid_tgid(), st, 0);

	__u32 off = sizeof(*rec);
	struct etrace_payload *pl = (void *)(buf + off);
	pl->arg = 0;
	pl->type = ETRACE_PL_STRING;
	pl->flags = 0;
	pl->aux = 0;
	long n = bpf_probe_read_kernel_str(buf + off + sizeof(*pl), 4096, BPF_CORE_READ(bprm, filename));
	if (n < 0) {
		pl->flags = ETRACE_PLF_FAULT;
		n = 0;
	}
	pl->len = (__u32)n;
	off = capture__bound(off + sizeof(*pl) + capture__round8((__u32)n), ETRACE_SCRATCH_HALF - 1);

	pl = (void *)(buf + off);
	pl->arg = 1;
	pl->type = ETRACE_PL_STRVEC;
	pl->flags = 0;
	pl->aux = BPF_CORE_READ(bprm, argc);
	struct mm_struct *mm = BPF_CORE_READ(task, mm);
	__u64 start = BPF_CORE_READ(mm, arg_start), end = BPF_CORE_READ(mm, arg_end);
	__u64 len = end > start ? end - start : 0;
	if (len > ETRACE_SCRATCH_HALF - 64) {
		len = ETRACE_SCRATCH_HALF - 64;
		pl->flags |= ETRACE_PLF_TRUNCATED;
	}
	__u32 blen = capture__bound((__u32)len, ETRACE_SCRATCH_HALF - 1);
	if (bpf_probe_read_user(buf + off + sizeof(*pl), blen, (void *)start)) {
		pl->flags |= ETRACE_PLF_FAULT;
		blen = 0;
	}
	pl->len = blen;
	off = capture__bound(off + sizeof(*pl) + capture__round8(blen), ETRACE_SCRATCH_SIZE - 1);

	rec->npayloads = 2;
	__u32 lost = st->lost;
	record__submit(buf, off, st);
	st->flags = st->lost > lost ? ETRACE_SC_ENTER_LOST : ETRACE_SC_ENTER_SENT;
	return 0;
}
