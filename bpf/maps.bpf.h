/* Maps shared by the etrace programs. Sizes that userspace may change are set between
 * open and load (bpf_map__set_max_entries). */
#ifndef ETRACE_MAPS_BPF_H
#define ETRACE_MAPS_BPF_H

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#include "etrace/capture_plan.h"
#include "etrace/config.h"
#include "etrace/event.h"


/* One ring buffer per CPU: producers on different CPUs never share a lock or a cache line (with
 * one shared ring, 4 threads making syscalls spent half their time in its spinlock). Userspace
 * creates the rings and merges them in submit order (etrace_record_header.order). */
struct etrace_ring {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096); /* a template: userspace creates the rings, of any size */
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 1); /* a ring per possible CPU: set by userspace */
	__type(key, __u32);
	__array(values, struct etrace_ring);
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, ETRACE_MAX_SYSCALL_NR);
	__type(key, __u32);
	__type(value, struct etrace_syscall_plan);
} syscall_plans SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 65536);
	__type(key, __u32);  /* tgid */
	__type(value, __u8);
} traced_tgids SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, char[ETRACE_COMM_LEN]);
	__type(value, __u8);
} traced_comms SEC(".maps");

/* --exclude-comm past the names compared inline, and --exclude-pid: never traced. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, char[ETRACE_COMM_LEN]);
	__type(value, __u8);
} excluded_comms SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);  /* tgid */
	__type(value, __u8);
} excluded_tgids SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_CGROUP_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} traced_cgroup SEC(".maps");

/* Per-thread state between sys_enter and sys_exit, in task-local storage: no hash on the hot
 * path, and freed with the task. Userspace enumerates it with the iter/task program. */
struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct etrace_inflight);
} inflight SEC(".maps");

struct scratch {
	__u8 buf[ETRACE_SCRATCH_SIZE];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct scratch);
} scratch SEC(".maps");

/* Bytes each CPU submitted since it last woke the consumer (scratch is at the per-CPU size limit). */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} unsignaled SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, ETRACE_DROP_NR);
	__type(key, __u32);
	__type(value, __u64);
} drops SEC(".maps");

/* Exit records of threads whose last records found the ring buffer full (see etrace_exit). */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32); /* tid */
	__type(value, struct etrace_task_exit_record);
} lost_tails SEC(".maps");

/* --rate-limit: each process's current one-second window. LRU: a process evicted by many
 * newer ones starts a fresh window, and an insertion never fails. */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 16384);
	__type(key, __u32); /* tgid */
	__type(value, struct etrace_rate_window);
} rate_windows SEC(".maps");

/* -c without other output: per-syscall totals, no per-call records. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, ETRACE_MAX_SYSCALL_NR);
	__type(key, __u32);
	__type(value, struct etrace_count);
} counts SEC(".maps");

#endif
