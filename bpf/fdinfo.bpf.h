/* -y / -yy: what an fd refers to, read from the calling task's file table at the moment of the
 * call (include/etrace/event.h, struct etrace_fdinfo). Userspace turns it into pipe:[ino],
 * TCP:[a:p->b:q], UNIX-STREAM:[ino->peer,"path"], anon_inode:[eventpoll] when the process is
 * gone before its lines are printed and /proc can no longer say. */
#ifndef ETRACE_FDINFO_BPF_H
#define ETRACE_FDINFO_BPF_H

#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>

#include "etrace/config.h"
#include "etrace/event.h"
#include "capture.bpf.h"
#include "compat.bpf.h"
#include "maps.bpf.h"

/* A static knob, written through the skeleton's rodata before load with -y/-yy: without it the
 * verifier prunes all of this, and no plan asks for ETRACE_CAP_FDINFO anyway. */
const volatile bool fd_info = false;

/* vmlinux.h has types, not macros. */
#define FDINFO_S_IFMT 0170000
#define FDINFO_S_IFSOCK 0140000
#define FDINFO_ANON_INODE_FS_MAGIC 0x09041934
#define FDINFO_AF_UNIX 1
#define FDINFO_AF_INET 2
#define FDINFO_AF_INET6 10
#define FDINFO_AF_NETLINK 16

/* The name fits in 128 bytes after the struct; the mask below restates that for the verifier. */
_Static_assert(ETRACE_FDINFO_NAME_MAX < 128, "fdinfo name mask");
_Static_assert(sizeof(struct etrace_payload) + sizeof(struct etrace_fdinfo) + 128 < ETRACE_SCRATCH_HALF,
	       "an fdinfo payload fits after any payload start");

/* fd's struct file in the current task's table, or NULL (closed, out of range). */
static __always_inline struct file *fdinfo__file(__s32 fd)
{
	if (fd < 0)
		return NULL;
	struct task_struct *task = bpf_get_current_task_btf();
	struct fdtable *fdt = BPF_CORE_READ(task, files, fdt);
	if (!fdt)
		return NULL;
	if ((__u32)fd >= BPF_CORE_READ(fdt, max_fds))
		return NULL;
	struct file **fds = BPF_CORE_READ(fdt, fd);
	struct file *file = NULL;
	if (!fds || bpf_probe_read_kernel(&file, sizeof(file), fds + fd))
		return NULL;
	return file;
}

/* Fills the socket part of `fi`; returns how many name bytes it wrote at `name`. */
static __always_inline __u32 fdinfo__socket(struct etrace_fdinfo *fi, struct file *file, __u8 *name)
{
	struct socket *sock = BPF_CORE_READ(file, private_data);
	struct sock *sk = sock ? BPF_CORE_READ(sock, sk) : NULL;
	if (!sk)
		return 0;
	fi->family = BPF_CORE_READ(sk, __sk_common.skc_family);
	fi->state = BPF_CORE_READ(sk, __sk_common.skc_state);
	fi->type = compat__sk_type(sk);
	fi->protocol = compat__sk_protocol(sk);
	switch (fi->family) {
	case FDINFO_AF_INET: {
		__u32 l = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
		__u32 r = BPF_CORE_READ(sk, __sk_common.skc_daddr);
		__builtin_memcpy(fi->laddr, &l, 4);
		__builtin_memcpy(fi->raddr, &r, 4);
		break;
	}
	case FDINFO_AF_INET6:
		BPF_CORE_READ_INTO(&fi->laddr, sk, __sk_common.skc_v6_rcv_saddr);
		BPF_CORE_READ_INTO(&fi->raddr, sk, __sk_common.skc_v6_daddr);
		break;
	case FDINFO_AF_UNIX: {
		struct unix_sock *u = (void *)sk;
		struct sock *peer = BPF_CORE_READ(u, peer);
		if (peer)
			fi->peer = compat__sock_ino(peer);
		struct unix_address *a = BPF_CORE_READ(u, addr);
		if (!a)
			return 0;
		/* addr->len counts sun_family and, for a path, the NUL. */
		int len = BPF_CORE_READ(a, len) - (int)sizeof(__u16);
		if (len <= 0)
			return 0;
		__u32 n = len > ETRACE_FDINFO_NAME_MAX ? ETRACE_FDINFO_NAME_MAX : (__u32)len;
		n = capture__bound(n, 127);
		if (bpf_core_read(name, n, &a->name[0].sun_path))
			return 0;
		return n;
	}
	case FDINFO_AF_NETLINK:
		fi->peer = BPF_CORE_READ((struct netlink_sock *)sk, portid);
		return 0;
	default:
		return 0;
	}
	fi->lport = BPF_CORE_READ(sk, __sk_common.skc_num);
	fi->rport = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
	return 0;
}

/* Appends one ETRACE_PL_FDINFO payload for `fd` at s->buf + off; returns the offset after it
 * (unchanged when the fd is not open). A global function: verified once, like capture__one. */
__noinline __u32 capture__fdinfo(struct scratch *s, __u32 off, __s32 fd, __u32 argi)
{
	if (!fd_info || !s || off >= ETRACE_SCRATCH_HALF)
		return off;
	struct file *file = fdinfo__file(fd);
	if (!file)
		return off;
	off = capture__bound(off, ETRACE_SCRATCH_HALF - 1);
	struct etrace_payload *pl = (void *)(s->buf + off);
	struct etrace_fdinfo *fi = (void *)(s->buf + off + sizeof(*pl));
	__builtin_memset(fi, 0, sizeof(*fi));

	struct inode *inode = BPF_CORE_READ(file, f_inode);
	fi->ino = BPF_CORE_READ(inode, i_ino);
	fi->mode = BPF_CORE_READ(inode, i_mode);
	fi->rdev = BPF_CORE_READ(inode, i_rdev);
	fi->magic = (__u32)BPF_CORE_READ(inode, i_sb, s_magic);

	__u32 head = ETRACE_FDINFO_FILE_BYTES;
	__u32 name_len = 0;
	if ((fi->mode & FDINFO_S_IFMT) == FDINFO_S_IFSOCK) {
		head = sizeof(*fi);
		name_len = fdinfo__socket(fi, file, s->buf + off + sizeof(*pl) + sizeof(*fi));
	} else if (fi->magic == FDINFO_ANON_INODE_FS_MAGIC) {
		const unsigned char *nm = BPF_CORE_READ(file, f_path.dentry, d_name.name);
		long n = bpf_probe_read_kernel_str(s->buf + off + sizeof(*pl) + head, ETRACE_FDINFO_NAME_MAX, nm);
		name_len = n > 1 ? (__u32)(n - 1) : 0; /* without the NUL */
	}
	fi->name_len = (__u16)name_len;
	pl->arg = (__u8)argi;
	pl->type = ETRACE_PL_FDINFO;
	pl->flags = 0;
	pl->aux = (__u64)(__s64)fd;
	pl->len = head + name_len;
	return off + sizeof(*pl) + capture__round8(head + name_len);
}

#endif
