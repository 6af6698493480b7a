/* Kernel <-> user record layout: everything the BPF side writes into the ring buffer.
 *
 * Plain C, fixed-width types, no includes, so that bpf/etrace.bpf.c and the C++ consumer
 * compile the same bytes. Offsets and sizes are pinned by tests/unit/abi_test.cpp.
 *
 * A record is a header followed by a kind-specific body. Syscall records carry zero or more
 * payloads (bytes captured from the traced process's memory), each an etrace_payload header
 * followed by `len` bytes, padded to 8. */
#ifndef ETRACE_EVENT_H
#define ETRACE_EVENT_H

/* The version of this layout. Raise it with any change to a record below: the BPF object
 * carries the number it was built with, etrace refuses an object of another, and saved
 * records (ETRACE_DUMP_RECORDS) start with it. */
#define ETRACE_RECORD_ABI_VERSION 2

/* Saved records: this magic, the version as a little-endian u32, then each record as a
 * little-endian u32 length and its bytes. */
#define ETRACE_RECORDS_MAGIC "ETRACE-RECORDS\n"

typedef unsigned char etrace_u8;
typedef unsigned short etrace_u16;
typedef unsigned int etrace_u32;
typedef int etrace_s32;
typedef unsigned long long etrace_u64;
typedef long long etrace_s64;

enum etrace_record_kind {
	ETRACE_REC_SYSCALL = 1,   /* a finished call: args, return value, payloads */
	ETRACE_REC_ENTER = 2,     /* a call's entry when its input payloads did not fit in one record */
	ETRACE_REC_TASK_EXIT = 3, /* a traced thread ended */
	ETRACE_REC_SIGNAL = 4,    /* a signal was delivered to a traced thread */
	ETRACE_REC_FORK = 5,      /* a traced task created a task that is now traced too */
	ETRACE_REC_RATE_LIMITED = 6, /* --rate-limit: calls of a process not recorded */
};

enum etrace_syscall_flags {
	ETRACE_SC_NO_RETURN = 1 << 0,    /* exit/exit_group: emitted at entry, prints "= ?" */
	ETRACE_SC_ENTER_SENT = 1 << 1,   /* an ETRACE_REC_ENTER record for this call went first */
	ETRACE_SC_ENTER_LOST = 1 << 2,   /* the ENTER record could not be delivered */
	ETRACE_SC_KILLED = 1 << 3,       /* SIGKILL ends the process in this call: it never returns */
};

struct etrace_record_header {
	etrace_u16 kind;
	etrace_u16 flags;
	etrace_u32 size;        /* whole record, header and payloads included */
	etrace_u64 ts_ns;       /* bpf_ktime_get_ns() when the record was made */
	etrace_u32 tgid;
	etrace_u32 tid;
	etrace_u32 lost_before; /* records of this thread dropped since its previous delivered one */
	etrace_u32 order;       /* submit order over all CPUs (wraps): merges the per-CPU rings */
	/* The thread as its own pid namespace sees it, and its cgroup, read when the record was
	 * made; filled when an option shows them (--pidns-translation, --json, --container),
	 * zero otherwise. tgid and tid above are the initial namespace's. */
	etrace_u32 ns_tid;
	etrace_u32 ns_tgid;
	etrace_u32 pidns_ino;   /* inode of its pid namespace (/proc/PID/ns/pid) */
	etrace_u32 pad0;
	etrace_u64 cgroup_id;   /* its cgroup v2 id (the cgroup directory's inode) */
};

struct etrace_syscall_record {
	struct etrace_record_header hdr;
	etrace_s64 nr;
	etrace_u64 args[6];
	etrace_s64 ret;
	etrace_u64 enter_ts_ns;
	etrace_u16 npayloads;
	etrace_u16 pad0;
	etrace_u32 seq;         /* the thread's call number (etrace_inflight.seq) */
	/* -c without -w: how much the thread's scheduler runtime grew during the call, the system
	 * CPU time strace's summary shows. The kernel brings that runtime up to date at ticks and
	 * context switches, so for one short call this is a sample (0, or a tick's worth), and sums
	 * over many calls estimate their CPU time, as strace's rusage-based figure does. */
	etrace_u64 cpu_ns;
	/* followed by npayloads payloads */
};

enum etrace_payload_type {
	ETRACE_PL_BYTES = 1,   /* raw bytes */
	ETRACE_PL_STRING = 2,  /* NUL-terminated string, len includes the NUL when it was found */
	ETRACE_PL_STRVEC = 3,  /* argv-like: aux = number of strings captured; each NUL-terminated */
	ETRACE_PL_COUNT = 4,   /* only a count in aux (envp length); no bytes */
	ETRACE_PL_FDINFO = 5,  /* -y: a struct etrace_fdinfo (and its name) for the fd in aux */
	ETRACE_PL_IOV = 6,     /* an iovec array's buffers: aux pieces, each etrace_iov_piece + bytes */
	ETRACE_PL_MSGHDR = 7,  /* an etrace_msghdr_head, the name, iov pieces, then the control bytes */
	ETRACE_PL_MMSGHDR = 8, /* aux entries, each a u64 msg_len then an ETRACE_PL_MSGHDR blob */
};

enum etrace_payload_flags {
	ETRACE_PLF_FAULT = 1 << 0,     /* the memory could not be read: print the address */
	ETRACE_PLF_TRUNCATED = 1 << 1, /* more bytes (or strings) existed than were captured */
	ETRACE_PLF_AT_EXIT = 1 << 2,   /* captured at syscall exit (an output) */
};

struct etrace_payload {
	etrace_u8 arg;    /* which syscall argument (0-5) the bytes belong to */
	etrace_u8 type;   /* enum etrace_payload_type */
	etrace_u16 flags; /* enum etrace_payload_flags */
	etrace_u32 len;   /* bytes that follow */
	etrace_u64 aux;   /* type-specific: STRVEC count, COUNT value, BYTES: length asked for */
};

/* -y: what an fd referred to, read from the task's file table by the kernel side, for the
 * fds a call names or creates, so that decorations survive a process that is gone by the time
 * its lines are printed. The payload's aux is the fd number; its arg is the argument index
 * (0-5: the state at entry, before the call ran) or ETRACE_FDINFO_RESULT (the state at exit of
 * an fd the call created: its return value, or each fd of the pair it wrote). FDINFO payloads
 * never carry ETRACE_PLF_AT_EXIT: arg says when, and it is not an argument index.
 *
 * A payload holds the first ETRACE_FDINFO_FILE_BYTES bytes of the struct for a file that is
 * not a socket and the whole struct for a socket, then name_len bytes of name: the dentry
 * name of an anon inode ("[eventpoll]", "inotify"), or an AF_UNIX socket's bound sun_path
 * (a leading NUL for the abstract namespace). */
#define ETRACE_FDINFO_RESULT 6
#define ETRACE_FDINFO_FILE_BYTES 24
#define ETRACE_FDINFO_NAME_MAX 108 /* sizeof(sun_path) */

struct etrace_fdinfo {
	etrace_u64 ino;       /* i_ino: pipe:[ino], socket:[ino] */
	etrace_u32 mode;      /* i_mode: S_IFMT tells socket, fifo, regular, device... */
	etrace_u32 magic;     /* the file system's s_magic: pipefs, sockfs, anon_inodefs */
	etrace_u32 rdev;      /* i_rdev in the kernel's encoding: major << 20 | minor */
	etrace_u16 name_len;  /* bytes of name after the struct's captured part */
	etrace_u16 pad0;
	/* sockets only from here */
	etrace_u16 family;    /* AF_* */
	etrace_u16 type;      /* SOCK_* */
	etrace_u16 protocol;  /* IPPROTO_* / NETLINK_* */
	etrace_u8 state;      /* skc_state (TCP_LISTEN, TCP_CLOSE, ...) */
	etrace_u8 pad1;
	etrace_u16 lport;     /* AF_INET/AF_INET6, host order; 0 = not bound */
	etrace_u16 rport;     /* host order; 0 = not connected */
	etrace_u32 pad2;
	etrace_u64 peer;      /* AF_UNIX: the peer's inode (0: none); AF_NETLINK: the port id */
	etrace_u8 laddr[16];  /* network order: AF_INET in the first 4 bytes */
	etrace_u8 raddr[16];
};

/* One buffer of an ETRACE_PL_IOV payload, followed by `captured` bytes padded to 8. */
struct etrace_iov_piece {
	etrace_u64 iov_base; /* the iovec's pointer: NULL prints as NULL, an unreadable one as itself */
	etrace_u64 iov_len;  /* the iovec's length */
	etrace_u32 shown;    /* bytes the call moved through it (reads: within the return value) */
	etrace_u16 captured; /* bytes that follow (at most -s; below 8K) */
	etrace_u16 flags;    /* ETRACE_IOV_FAULT */
};
#define ETRACE_IOV_FAULT 1 /* the buffer could not be read: iov_base shows as an address */

/* ETRACE_PL_MSGHDR: the struct msghdr as the process passed it, then what it points to, each
 * part padded to 8: msg_name's bytes, msg_iov's buffers (etrace_iov_piece each), msg_control. */
#define ETRACE_MSGHDR_BYTES 56 /* struct user_msghdr on x86_64 */
struct etrace_msghdr_head {
	etrace_u8 msghdr[ETRACE_MSGHDR_BYTES];
	etrace_u32 name_len;    /* bytes of msg_name that follow */
	etrace_u32 iov_pieces;  /* etrace_iov_piece entries after the name */
	etrace_u32 control_len; /* bytes of msg_control after the pieces */
	etrace_u32 more_iov;    /* msg_iovlen was larger than the pieces captured */
};

struct etrace_task_exit_record {
	struct etrace_record_header hdr;
	etrace_s32 exit_code;   /* wait status: (code << 8) | termsig, 0x80 = core dumped */
	etrace_u32 group_dead;  /* the last thread of its process */
};

#define ETRACE_SIGINFO_BYTES 48

enum etrace_signal_flags {
	/* Reported when sent, not delivered: its disposition ignores it (SIGCHLD's default), so
	 * it is never delivered; strace shows it once the call it interrupted returns. */
	ETRACE_SIG_GENERATED = 1 << 0,
};

struct etrace_signal_record {
	struct etrace_record_header hdr;
	etrace_s32 sig;
	etrace_u32 in_call_seq; /* GENERATED: the target's call in progress (0: none) */
	etrace_u8 siginfo[ETRACE_SIGINFO_BYTES]; /* struct kernel_siginfo as the kernel holds it */
};

struct etrace_fork_record {
	struct etrace_record_header hdr;
	etrace_u32 child_tgid;
	etrace_u32 child_tid;
	/* The child's ids in the parent's pid namespace (what fork returns there), when the
	 * header's namespace fields are filled. */
	etrace_u32 child_ns_tgid;
	etrace_u32 child_ns_tid;
};

/* --rate-limit: a process made `calls` traced calls beyond its limit, counted and not recorded,
 * since its previous recorded call. Sent before the first call recorded in its next one-second
 * window (by whichever thread makes it), at its exit, or read from the map when tracing ends
 * (tid = tgid then). */
struct etrace_rate_record {
	struct etrace_record_header hdr;
	etrace_u64 calls;
};

/* Per-thread state between sys_enter and sys_exit (the `inflight` map's value). Userspace
 * reads it to show calls still running as "<unfinished ...>". Small input payloads ride in
 * inline_buf, serialized exactly as in a record, and leave with the exit record. */
#define ETRACE_INLINE_BYTES 256

struct etrace_inflight {
	etrace_u64 enter_ts;
	etrace_u64 args[6];
	etrace_s64 nr;
	etrace_u32 lost;         /* records of this thread dropped since the last delivered one */
	etrace_u16 active;       /* inside a traced call */
	etrace_u16 flags;        /* ETRACE_SC_ENTER_SENT / ETRACE_SC_ENTER_LOST */
	etrace_u16 inline_len;   /* bytes of serialized payloads in inline_buf */
	etrace_u16 inline_count; /* how many payloads */
	etrace_u32 tgid;
	etrace_u8 refetch;       /* captures to retry at exit: they faulted at entry */
	etrace_u8 hooks;         /* trampolines: ETRACE_HOOK_* */
	etrace_u8 reserved;
	etrace_u8 skip_exit;     /* exit_only: drop the next exit if it is of call `nr` (begun before attach) */
	etrace_u32 tid;
	etrace_u32 seq;          /* calls this thread has entered */
	etrace_u32 seen_seq;     /* seq when the in-flight iterator last saw the call running */
	etrace_u64 sp;           /* user stack pointer at entry (rt_sigreturn's frame) */
	etrace_u64 enter_runtime;/* the thread's se.sum_exec_runtime at entry (cpu_time only) */
	etrace_u8 inline_buf[ETRACE_INLINE_BYTES];
};

/* etrace_inflight.hooks, with BPF trampolines (fentry/fexit on __x64_sys_NAME). Calls begun before
 * their trampoline never pass through it: the syscalls' exit tracepoints stay attached until no
 * thread can be inside such a call, and skip the exits a trampoline has reported. */
enum etrace_hook_flags {
	ETRACE_HOOK_EXITED = 1,  /* the current call's exit went through its trampoline */
	ETRACE_HOOK_CLEAN = 2,   /* a trampoline ran for the thread once all were attached */
	ETRACE_HOOK_EARLY = 4,   /* may be inside a call begun before the trampolines */
};

/* Reasons a record was not delivered, indexes of the `drops` per-CPU counter array. */
enum etrace_drop_reason {
	ETRACE_DROP_RINGBUF_FULL = 0,
	ETRACE_DROP_INFLIGHT_FULL = 1, /* too many threads in a syscall at once to track */
	ETRACE_DROP_NR = 2,
};

#endif
