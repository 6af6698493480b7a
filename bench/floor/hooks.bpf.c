// SPDX-License-Identifier: GPL-2.0
/* No-op programs on the two kinds of hook a small trace set could use for connect: the
 * syscall's own exit tracepoint (what etrace attaches to for -e trace=connect) and an fexit
 * trampoline on the syscall's function. Built twice, one program per object (-DHOOK_FEXIT or
 * -DHOOK_TRACEPOINT), for scripts/bench-hooks.sh: what the rest of the machine pays for each. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "GPL";

#ifdef HOOK_FEXIT
SEC("fexit/__x64_sys_connect")
int BPF_PROG(hook_fexit_connect, const struct pt_regs *regs, long ret) { return 0; }
#endif

#ifdef HOOK_TRACEPOINT
SEC("tracepoint/syscalls/sys_exit_connect")
int hook_tp_connect(void *ctx) { return 0; }
#endif
