/* A task's identity as containers see it, read when a record is made so that a process gone
 * by the time its lines are printed still shows right: its ids in its own pid namespace
 * (struct pid's numbers[] at the pid's level), that namespace, and its cgroup v2 id. */
#ifndef ETRACE_TASK_IDS_BPF_H
#define ETRACE_TASK_IDS_BPF_H

#include "vmlinux.h"
#include <bpf/bpf_core_read.h>

#include "etrace/event.h"

/* --pidns-translation, --json, --container: fill the header's namespace fields. */
const volatile bool task_ids = false;
/* etrace itself runs in a pid namespace below the initial one: its tgid there and that
 * namespace's inode, so that it is told apart by the namespace's view of it (getpid() is not
 * the tgid the kernel's tracepoints report). 0: etrace runs in the initial namespace. */
const volatile __u32 self_pidns_ino = 0;
const volatile __u32 self_ns_tgid = 0;

/* MAX_PID_NS_LEVEL (include/linux/pid_namespace.h): bounds the numbers[] index. */
#define ETRACE_MAX_PIDNS_LEVEL 32

/* numbers[level] of `p`: its nr and its namespace's inode. The array is a flexible member, so
 * its element's address is worked out from the relocated offset and size. */
static __always_inline __u32 pid__nr_at(struct pid *p, __u32 level, __u32 *ns_ino)
{
	if (!p || level > ETRACE_MAX_PIDNS_LEVEL)
		return 0;
	void *up = (void *)p + bpf_core_field_offset(struct pid, numbers) +
		   level * bpf_core_type_size(struct upid);
	int nr = 0;
	bpf_probe_read_kernel(&nr, sizeof(nr), up + bpf_core_field_offset(struct upid, nr));
	if (ns_ino) {
		struct pid_namespace *ns = NULL;
		bpf_probe_read_kernel(&ns, sizeof(ns), up + bpf_core_field_offset(struct upid, ns));
		*ns_ino = ns ? BPF_CORE_READ(ns, ns.inum) : 0;
	}
	return nr;
}

/* The level of `t`'s pid: 0 in the initial namespace. */
static __always_inline __u32 task__pid_level(struct task_struct *t)
{
	return BPF_CORE_READ(t, thread_pid, level);
}

/* `t`'s tid and tgid in its own pid namespace, and that namespace's inode. */
static __always_inline void task__ns_ids(struct task_struct *t, __u32 *ns_tid, __u32 *ns_tgid, __u32 *ns_ino)
{
	struct pid *p = BPF_CORE_READ(t, thread_pid);
	__u32 level = BPF_CORE_READ(p, level);
	*ns_tid = pid__nr_at(p, level, ns_ino);
	*ns_tgid = pid__nr_at(BPF_CORE_READ(t, group_leader, thread_pid), level, NULL);
}

static __always_inline void task_ids__fill(struct etrace_record_header *h, struct task_struct *t)
{
	if (!task_ids)
		return;
	task__ns_ids(t, &h->ns_tid, &h->ns_tgid, &h->pidns_ino);
	h->cgroup_id = BPF_CORE_READ(t, cgroups, dfl_cgrp, kn, id);
}

/* Whether `t` is etrace itself, when etrace runs inside a pid namespace. */
static __always_inline bool task__is_self_in_ns(struct task_struct *t)
{
	if (!self_pidns_ino)
		return false;
	__u32 tid, tgid, ino = 0;
	task__ns_ids(t, &tid, &tgid, &ino);
	return ino == self_pidns_ino && tgid == self_ns_tgid;
}

#endif
