/* What the BPF side captures for one syscall number. Userspace projects the syscall specs
 * (src/syscalls) and the options (-s, the trace set) into one plan per number and writes the
 * `syscall_plans` array map before attaching, so new decoders never change the BPF program. */
#ifndef ETRACE_CAPTURE_PLAN_H
#define ETRACE_CAPTURE_PLAN_H

#include "event.h"

#define ETRACE_MAX_SYSCALL_NR 1024 /* plans exist for 0..1023; other numbers use the last one */
#define ETRACE_MAX_CAPTURES 8

enum etrace_capture_type {
	ETRACE_CAP_NONE = 0,
	ETRACE_CAP_STRING = 1,      /* NUL-terminated string at args[arg], at most `max` bytes */
	ETRACE_CAP_BUF_ARG = 2,     /* min(args[len_arg] * elem_size, max) bytes at args[arg] */
	ETRACE_CAP_BUF_RET = 3,     /* at exit: min(ret, max) bytes at args[arg] when ret > 0 */
	ETRACE_CAP_FIXED = 4,       /* exactly `max` bytes at args[arg] (a struct) */
	ETRACE_CAP_BUF_LEN_PTR = 5, /* min(*(int *)args[len_arg], max) bytes at args[arg] */
	ETRACE_CAP_STRVEC = 6,      /* NULL-ended array of strings: up to len_arg strings of max bytes */
	ETRACE_CAP_PTR_COUNT = 7,   /* count the entries of a NULL-ended pointer array (envp) */
	ETRACE_CAP_FDINFO = 8,      /* -y: ETRACE_PL_FDINFO for an fd; len_arg says which fd */
	ETRACE_CAP_STACK = 9,       /* `max` bytes at the user stack pointer + elem_size (a signal frame) */
	ETRACE_CAP_IOV = 10,        /* struct iovec[args[len_arg]] at args[arg]: each buffer's first `max`
	                             * bytes (at exit: within the first ret bytes moved) */
	ETRACE_CAP_MSGHDR = 11,     /* struct msghdr at args[arg] with its name, buffers and control */
	ETRACE_CAP_DEREF = 12,      /* `max` bytes at the pointer stored at args[arg] + elem_size */
	ETRACE_CAP_MMSGHDR = 13,    /* struct mmsghdr[args[len_arg]] at args[arg], as MSGHDR each */
	ETRACE_CAP_DIRENT_COUNT = 14, /* at exit: the number of linux_dirent64 records in ret bytes */
	ETRACE_CAP_BUF_ARG_READABLE = 15, /* BUF_ARG, but a read that faults keeps the bytes before the
	                                   * first unreadable page (a decoder shows those and the
	                                   * address of the rest, as strace does) */
};

/* ETRACE_CAP_FDINFO's len_arg: where the fd comes from. */
enum etrace_fdinfo_source {
	ETRACE_FDINFO_FROM_ARG = 0,  /* args[arg], at entry */
	ETRACE_FDINFO_FROM_RET = 1,  /* the return value, at exit */
	ETRACE_FDINFO_FROM_PAIR = 2, /* both ints of the int[2] at args[arg], at exit (pipe, socketpair) */
	ETRACE_FDINFO_FROM_CMSG = 3, /* the fds an SCM_RIGHTS message brought, in the first control
				      * message of the msghdr at args[arg], at exit (recvmsg) */
};

enum etrace_capture_when {
	ETRACE_AT_ENTER = 0,
	ETRACE_AT_EXIT = 1,         /* on success only (ret >= 0) */
	ETRACE_AT_EXIT_ALWAYS = 2,
};

struct etrace_capture {
	etrace_u8 arg;
	etrace_u8 type;    /* enum etrace_capture_type */
	etrace_u8 when;    /* enum etrace_capture_when */
	etrace_u8 len_arg;    /* BUF_ARG / BUF_LEN_PTR: argument holding the length; STRVEC: max strings;
				 * FDINFO: enum etrace_fdinfo_source */
	etrace_u16 max;       /* bytes at most (a payload never exceeds half the scratch buffer) */
	etrace_u16 elem_size; /* BUF_ARG: the length argument counts elements of this size (0 = bytes) */
};

enum etrace_plan_flags {
	ETRACE_PLAN_ENABLED = 1 << 0,
	ETRACE_PLAN_NO_RETURN = 1 << 1, /* exit, exit_group: the record is made at entry */
	ETRACE_PLAN_COUNT_ONLY = 1 << 2, /* only counted in `counts` (for "no open calls seen" hints) */
	/* The call leaves its inputs as they were: its entry captures are taken at exit, in one
	 * pass with the outputs, and sys_enter only records that the call began. */
	ETRACE_PLAN_INPUTS_AT_EXIT = 1 << 3,
};

struct etrace_syscall_plan {
	etrace_u8 flags; /* enum etrace_plan_flags */
	etrace_u8 ncaptures;
	etrace_u16 pad0;
	etrace_u32 pad1;
	struct etrace_capture captures[ETRACE_MAX_CAPTURES];
};

#endif
