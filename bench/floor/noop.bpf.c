// SPDX-License-Identifier: GPL-2.0
/* The floor of the benchmark: programs on the same attach points as etrace (tp_btf sys_enter
 * and sys_exit) that return at once. What a traced program pays for this is the least any
 * tracer on these tracepoints can cost it on this kernel. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "GPL";

SEC("tp_btf/sys_enter")
int BPF_PROG(floor_enter, struct pt_regs *regs, long id) { return 0; }

SEC("tp_btf/sys_exit")
int BPF_PROG(floor_exit, struct pt_regs *regs, long ret) { return 0; }
