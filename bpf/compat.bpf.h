/* Kernel and architecture drift, in one place (STYLE rule 4). */
#ifndef ETRACE_COMPAT_BPF_H
#define ETRACE_COMPAT_BPF_H

#include "vmlinux.h"
#include <bpf/bpf_core_read.h>

/* x86_64 syscall arguments in pt_regs: rdi, rsi, rdx, r10, r8, r9. The tp_btf programs get a
 * trusted pt_regs pointer, so these are direct loads, not probe reads. */
static __always_inline void compat__syscall_args(struct pt_regs *regs, __u64 args[6])
{
	args[0] = regs->di;
	args[1] = regs->si;
	args[2] = regs->dx;
	args[3] = regs->r10;
	args[4] = regs->r8;
	args[5] = regs->r9;
}

/* Whether `task` is the last live thread of its process. Read from signal->live rather than
 * the group_dead argument that sched_process_exit gained in Linux 6.16, so both work. */
static __always_inline bool compat__group_dead(struct task_struct *task)
{
	return BPF_CORE_READ(task, signal, live.counter) == 0;
}

#endif
