/* Sizes shared by the BPF program and userspace. */
#ifndef ETRACE_CONFIG_H
#define ETRACE_CONFIG_H

/* Per-CPU scratch where a record is built before bpf_ringbuf_output(). Half of it bounds any
 * one payload, so `offset & (HALF - 1)` plus a length <= HALF always stays inside. */
#define ETRACE_SCRATCH_SIZE 32768
#define ETRACE_SCRATCH_HALF (ETRACE_SCRATCH_SIZE / 2)

/* Filtering by comm: TASK_COMM_LEN. */
#define ETRACE_COMM_LEN 16

/* In-kernel status filter bits (-e status=, -z, -Z). */
#define ETRACE_STATUS_SUCCESSFUL (1u << 0)
#define ETRACE_STATUS_FAILED (1u << 1)

/* Counting mode (-c alone): per-syscall totals in a map, no per-call records. */
struct etrace_count {
	unsigned long long calls;
	unsigned long long errors;
	unsigned long long ns;     /* wall time, entry to exit */
	unsigned long long cpu_ns; /* time the thread ran during the calls (see etrace_syscall_record) */
};

/* --rate-limit: a process's current one-second window (the `rate_windows` map's value). */
struct etrace_rate_window {
	unsigned long long start_ns;
	unsigned long long calls; /* in this window, recorded or not */
	unsigned long long over;  /* not recorded, not yet reported */
};

#endif
