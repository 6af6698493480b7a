/* Kernel and architecture drift, in one place: each CO-RE flavour or fallback says which kernel
 * release needs it. */
#ifndef ETRACE_COMPAT_BPF_H
#define ETRACE_COMPAT_BPF_H

#include "vmlinux.h"
#include <bpf/bpf_core_read.h>

/* x86_64 syscall arguments in pt_regs: rdi, rsi, rdx, r10, r8, r9. The tp_btf programs get a
 * trusted pt_regs pointer, so these are direct loads, not probe reads.
 * A tp_btf pointer argument is known to the verifier as non-NULL only since Linux 6.5 (commit
 * 51302c951c8f, "bpf: Teach verifier that trusted PTR_TO_BTF_ID pointers are non-NULL"). Before,
 * an `if (regs)` test has two live branches and the verifier walks the NULL one too: Linux 6.1
 * rejects etrace_sys_enter when that branch then reads another, NULL, pointer ("R1 invalid mem
 * access 'scalar'"). Code shared with programs that have no pt_regs must not choose by testing
 * `regs`: it tests a value the compiler knows at each inlined call site (syscall__enter). */
static __always_inline void compat__syscall_args(struct pt_regs *regs, __u64 args[6])
{
	args[0] = regs->di;
	args[1] = regs->si;
	args[2] = regs->dx;
	args[3] = regs->r10;
	args[4] = regs->r8;
	args[5] = regs->r9;
}

/* The same from a task's saved user registers (bpf_task_pt_regs: an untrusted pointer, so
 * probed reads). At sys_exit they still hold the arguments: x86_64 returns in rax only. The
 * syscall number (orig_ax) is read only when `nr` is given. */
static __always_inline void compat__task_syscall_args(struct task_struct *task, __u64 args[6], long *nr)
{
	struct pt_regs *regs = (struct pt_regs *)bpf_task_pt_regs(task);
	args[0] = BPF_CORE_READ(regs, di);
	args[1] = BPF_CORE_READ(regs, si);
	args[2] = BPF_CORE_READ(regs, dx);
	args[3] = BPF_CORE_READ(regs, r10);
	args[4] = BPF_CORE_READ(regs, r8);
	args[5] = BPF_CORE_READ(regs, r9);
	if (nr)
		*nr = BPF_CORE_READ(regs, orig_ax);
}

/* Whether `task` is asleep (not running or runnable). Linux 5.14 renamed task_struct.state
 * to __state (commit 2f064a59a11f, "sched: Change task_struct::state"). */
struct task_struct___pre514 {
	long state;
} __attribute__((preserve_access_index));

static __always_inline bool compat__task_sleeping(struct task_struct *task)
{
	if (bpf_core_field_exists(task->__state))
		return BPF_CORE_READ(task, __state) != 0;
	return BPF_CORE_READ((struct task_struct___pre514 *)task, state) != 0;
}

/* The records of the per-syscall tracepoints (syscalls/sys_enter_NAME, sys_exit_NAME): the
 * kernel's struct syscall_trace_enter / syscall_trace_exit, which vmlinux.h does not carry
 * (they live in kernel/trace/trace.h). The event holds only the call's own arguments; the
 * rest of args[] is past its end, read but never used. */
struct compat_syscall_enter_event {
	__u64 common;
	int nr;
	__u32 pad;
	__u64 args[6];
};

struct compat_syscall_exit_event {
	__u64 common;
	int nr;
	__u32 pad;
	long ret;
};

/* The syscall number at sys_exit: x86_64 keeps it in orig_ax for the whole call. */
static __always_inline long compat__syscall_nr(struct pt_regs *regs)
{
	return regs->orig_ax;
}

/* Whether `task` is the last live thread of its process. Read from signal->live rather than
 * the group_dead argument that sched_process_exit gained in Linux 6.16, so both work. Not exact:
 * do_exit counts live down well before the tracepoint, so two threads exiting together (a
 * pthread_join woken by the thread's exit, then exit_group) can both see 0. */
static __always_inline bool compat__group_dead(struct task_struct *task)
{
	return BPF_CORE_READ(task, signal, live.counter) == 0;
}

/* sk_type and sk_protocol were bitfields until Linux 5.6 (commit bf9765145b85, "sock: Make
 * sk_protocol a 16-bit value"); the probed bitfield read relocates both layouts. */
static __always_inline __u16 compat__sk_type(struct sock *sk)
{
	return (__u16)BPF_CORE_READ_BITFIELD_PROBED(sk, sk_type);
}

static __always_inline __u16 compat__sk_protocol(struct sock *sk)
{
	return (__u16)BPF_CORE_READ_BITFIELD_PROBED(sk, sk_protocol);
}

/* The inode number of the socket that owns `sk` (the kernel's sock_i_ino): sockfs allocates
 * struct socket inside struct socket_alloc, beside its inode. Recent kernels also cache it in
 * sk->sk_ino (present in the vmlinux.h here), but the container read works on every kernel. */
static __always_inline __u64 compat__sock_ino(struct sock *sk)
{
	struct socket *sock = BPF_CORE_READ(sk, sk_socket);
	if (!sock)
		return 0;
	return BPF_CORE_READ((struct socket_alloc *)sock, vfs_inode.i_ino);
}

#endif
