/* Copying argument memory of the traced process into a record being built in the per-CPU
 * scratch buffer. Every payload starts at an offset <= ETRACE_SCRATCH_HALF and holds at most
 * ETRACE_SCRATCH_HALF - sizeof(struct etrace_payload) bytes, so header + data always end
 * inside the scratch buffer: that is the bound the verifier checks. */
#ifndef ETRACE_CAPTURE_BPF_H
#define ETRACE_CAPTURE_BPF_H

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

#include "etrace/capture_plan.h"
#include "etrace/config.h"
#include "etrace/event.h"
#include "maps.bpf.h"

_Static_assert((ETRACE_SCRATCH_HALF & (ETRACE_SCRATCH_HALF - 1)) == 0, "half must be a power of two");
_Static_assert(ETRACE_SCRATCH_HALF * 2 == ETRACE_SCRATCH_SIZE, "payload bound assumes two halves");
_Static_assert((ETRACE_SCRATCH_SIZE & (ETRACE_SCRATCH_SIZE - 1)) == 0, "record size mask");

/* Payloads start below HALF (8-aligned) and end before SCRATCH_SIZE - 8, so a whole record's
 * size is always < ETRACE_SCRATCH_SIZE and `size & (ETRACE_SCRATCH_SIZE - 1)` is exact. */
#define PAYLOAD_MAX (ETRACE_SCRATCH_HALF - sizeof(struct etrace_payload) - 8)
#define ARGV_MAX_STRINGS 64
#define ENVP_MAX_COUNT 4096

/* Restates `v < mask + 1` for the verifier. Clang drops a C mask it can prove redundant (it
 * already tested the bound, but on another copy of the register), so the mask is in asm. */
static __always_inline __u32 capture__bound(__u32 v, const __u32 mask)
{
	__u64 x = v;
	asm volatile("%[x] &= %[m]" : [x] "+r"(x) : [m] "i"(mask));
	return (__u32)x;
}

static __always_inline __u32 capture__round8(__u32 n) { return (n + 7) & ~7u; }

static __always_inline __u32 capture__clamp(__u64 want, __u32 max)
{
	__u64 n = want < max ? want : max;
	return n < PAYLOAD_MAX ? (__u32)n : (__u32)PAYLOAD_MAX;
}

/* Reads *n bytes at user address ptr into data; when that faults, the bytes before the end of
 * ptr's page, and *n says how many. A struct a caller put right before unmapped memory may be
 * shorter than the size asked for (a buffer for a smaller version of it, or an output the
 * kernel fills partly): its decoder gets what there is, and shows the address when the struct
 * does not fit in it, as strace does. data has room for PAYLOAD_MAX >= 4095 bytes. */
static __always_inline long capture__read_to_page_end(__u8 *data, __u32 *n, __u64 ptr)
{
	long err = bpf_probe_read_user(data, *n, (void *)ptr);
	if (!err)
		return 0;
	__u32 room = 4096 - (__u32)(ptr & 4095);
	if (room >= *n)
		return err;
	*n = capture__bound(room, 4095);
	return bpf_probe_read_user(data, *n, (void *)ptr);
}
_Static_assert(PAYLOAD_MAX >= 4095, "a page's tail fits a payload");

/* Context shared with the bpf_loop callbacks for argv-like arrays (verified once, not per
 * unrolled iteration). */
struct strvec_ctx {
	__u8 *buf;
	__u32 off;      /* where the next string goes, relative to buf */
	__u32 start;    /* first data byte of this payload */
	__u64 base;     /* user address of the pointer array */
	__u32 max;      /* bytes per string */
	__u32 count;
	bool truncated;
	bool fault;
};

static long capture__strvec_cb(__u64 i, struct strvec_ctx *c)
{
	__u64 p = 0;
	if (bpf_probe_read_user(&p, sizeof(p), (void *)(c->base + i * 8))) {
		c->fault = true;
		return 1;
	}
	if (!p)
		return 1;
	__u32 off = c->off;
	__u32 max = c->max;
	if (off >= ETRACE_SCRATCH_HALF || max > PAYLOAD_MAX) {
		c->truncated = true;
		return 1;
	}
	if (max + (off - c->start) > PAYLOAD_MAX) {
		c->truncated = true;
		return 1;
	}
	off = capture__bound(off, ETRACE_SCRATCH_HALF - 1);
	long n = bpf_probe_read_user_str(c->buf + off, max, (void *)p);
	if (n <= 0) {
		c->fault = true;
		return 1;
	}
	c->off = off + (__u32)n;
	c->count++;
	return 0;
}

#define IOV_MAX_PIECES 16
#define IOV_PIECE_MAX (ETRACE_SCRATCH_HALF / 2 - 1)
_Static_assert((IOV_PIECE_MAX & (IOV_PIECE_MAX + 1)) == 0, "a piece's bound is a mask");

struct iov_ctx {
	__u8 *buf;
	__u32 off;      /* where the next piece goes */
	__u32 start;    /* first data byte of this payload */
	__u64 base;     /* user address of the iovec array */
	__u64 budget;   /* bytes the call moved and not yet given to a piece */
	__u32 max;      /* bytes per piece */
	__u32 count;
	bool fault;     /* the array or a buffer could not be read: try again at exit */
};

static long capture__iov_cb(__u64 i, struct iov_ctx *c)
{
	struct {
		__u64 base;
		__u64 len;
	} iov;
	if (bpf_probe_read_user(&iov, sizeof(iov), (void *)(c->base + i * 16))) {
		c->fault = true; /* no piece at all: the array shows as its address */
		return 1;
	}
	__u32 off = c->off;
	if (off >= ETRACE_SCRATCH_HALF || off < c->start)
		return 1;
	__u64 shown = iov.len < c->budget ? iov.len : c->budget;
	c->budget -= shown;
	__u64 take = shown < c->max ? shown : c->max;
	__u64 room = PAYLOAD_MAX - (off - c->start);
	if (room < sizeof(struct etrace_iov_piece))
		return 1;
	room -= sizeof(struct etrace_iov_piece);
	if (take > room)
		take = room;
	if (take > IOV_PIECE_MAX)
		take = IOV_PIECE_MAX;
	off = capture__bound(off, ETRACE_SCRATCH_HALF - 1);
	struct etrace_iov_piece *piece = (void *)(c->buf + off);
	piece->iov_base = iov.base;
	piece->iov_len = iov.len;
	piece->shown = (__u32)shown;
	piece->flags = 0;
	/* off < HALF and n <= HALF / 2: the piece ends inside the scratch buffer. */
	__u32 n = capture__bound((__u32)take, IOV_PIECE_MAX);
	if (n && bpf_probe_read_user(c->buf + off + sizeof(*piece), n, (void *)iov.base)) {
		n = 0;
		c->fault = true;
		piece->flags = ETRACE_IOV_FAULT;
	}
	piece->captured = (__u16)n;
	c->off = off + sizeof(*piece) + capture__round8(n);
	c->count++;
	return 0;
}

/* Walks linux_dirent64 records (d_reclen is the u16 at offset 16) through `len` bytes. */
struct dirent_ctx {
	__u64 base;
	__u64 len;
	__u64 pos;
	__u32 count;
};

static long capture__dirent_cb(__u64 i, struct dirent_ctx *c)
{
	__u16 reclen = 0;
	if (c->pos + 19 > c->len || bpf_probe_read_user(&reclen, sizeof(reclen), (void *)(c->base + c->pos + 16)) ||
	    !reclen)
		return 1;
	c->count++;
	c->pos += reclen;
	return c->pos >= c->len;
}

struct ptrcount_ctx {
	__u64 base;
	__u32 count;
};

static long capture__ptrcount_cb(__u64 i, struct ptrcount_ctx *c)
{
	__u64 p = 0;
	if (bpf_probe_read_user(&p, sizeof(p), (void *)(c->base + i * 8)) || !p)
		return 1;
	c->count++;
	return 0;
}

/* Appends one payload for `cap` at buf + off; returns the offset after it (unchanged when
 * nothing was captured). */
#define MMSG_MAX_ENTRIES 4

/* One msghdr blob at buf + off: its etrace_msghdr_head, then msg_name's bytes, msg_iov's
 * buffers (up to `max` bytes each, within `budget` bytes moved; -1: no bound) and msg_control.
 * Returns the offset after it, or `off` when the msghdr could not be read. A global function:
 * verified once whatever calls it. */
__noinline __u32 capture__msghdr(struct scratch *s, __u32 off, __u64 ptr, __u32 max, __s64 budget)
{
	if (!s || off >= ETRACE_SCRATCH_HALF)
		return off;
	off = capture__bound(off, ETRACE_SCRATCH_HALF - 1);
	__u8 *buf = s->buf;
	struct etrace_msghdr_head *h = (void *)(buf + off);
	if (bpf_probe_read_user(h->msghdr, sizeof(h->msghdr), (void *)ptr))
		return off;
	struct {
		__u64 name;
		__u32 namelen;
		__u32 pad;
		__u64 iov;
		__u64 iovlen;
		__u64 control;
		__u64 controllen;
	} *m = (void *)h->msghdr;
	__u64 name = m->name, iovp = m->iov, iovlen = m->iovlen, control = m->control;
	__u32 namelen = m->namelen;
	__u64 controllen = m->controllen;
	__u32 cur = off + sizeof(*h);
	h->name_len = 0;
	h->iov_pieces = 0;
	h->control_len = 0;
	h->more_iov = iovlen > IOV_MAX_PIECES;
	/* msg_name: a sockaddr, at most 128 bytes. */
	__u32 nlen = namelen > 128 ? 128 : namelen;
	if (name && nlen && cur < ETRACE_SCRATCH_HALF) {
		cur = capture__bound(cur, ETRACE_SCRATCH_HALF - 1);
		nlen = capture__bound(nlen, 0xff);
		if (!bpf_probe_read_user(buf + cur, nlen, (void *)name)) {
			h->name_len = nlen;
			cur += capture__round8(nlen);
		}
	}
	if (iovp && iovlen) {
		struct iov_ctx c = {
			.buf = buf, .off = cur, .start = off, .base = iovp,
			.budget = budget < 0 ? ~0ull : (__u64)budget, .max = max,
		};
		bpf_loop(iovlen > IOV_MAX_PIECES ? IOV_MAX_PIECES : (__u32)iovlen, capture__iov_cb, &c, 0);
		h->iov_pieces = c.count;
		cur = c.off;
	}
	/* msg_control: the ancillary data, at most 248 bytes. */
	__u32 clen = controllen > 248 ? 248 : (__u32)controllen;
	if (control && clen && cur < ETRACE_SCRATCH_HALF) {
		cur = capture__bound(cur, ETRACE_SCRATCH_HALF - 1);
		clen = capture__bound(clen, 0xff);
		if (!bpf_probe_read_user(buf + cur, clen, (void *)control)) {
			h->control_len = clen;
			cur += capture__round8(clen);
		}
	}
	return cur;
}

/* A global (not inlined) function: the verifier checks it once, on its own, instead of at
 * each of the twelve places the capture loops would otherwise unroll it (start-up time). */
#define CAPTURE_AT_EXIT (1u << 31) /* or'ed into capture__one's offset: BPF calls take 5 args */

/* -y: one ETRACE_PL_FDINFO payload for `fd` (bpf/fdinfo.bpf.h, which defines it). */
__u32 capture__fdinfo(struct scratch *s, __u32 off, __s32 fd, __u32 argi);

/* ETRACE_CAP_FDINFO: the fd an argument names, the one the call returned, or the pair it wrote
 * (two payloads). */
static __always_inline __u32 capture__fdinfo_of(struct scratch *s, __u32 off, const struct etrace_capture *cap,
						const __u64 *args, __s64 ret)
{
	__u8 argi = cap->arg;
	if (argi > 5)
		return off;
	switch (cap->len_arg) {
	case ETRACE_FDINFO_FROM_ARG:
		return capture__fdinfo(s, off, (__s32)args[argi], argi);
	case ETRACE_FDINFO_FROM_RET:
		return capture__fdinfo(s, off, (__s32)ret, ETRACE_FDINFO_RESULT);
	case ETRACE_FDINFO_FROM_PAIR: {
		__s32 pair[2];
		if (!args[argi] || bpf_probe_read_user(pair, sizeof(pair), (void *)args[argi]))
			return off;
		off = capture__fdinfo(s, off, pair[0], ETRACE_FDINFO_RESULT);
		return capture__fdinfo(s, off, pair[1], ETRACE_FDINFO_RESULT);
	}
	case ETRACE_FDINFO_FROM_CMSG: {
		/* struct user_msghdr: msg_control at 32, msg_controllen at 40; then the first cmsghdr
		 * (len u64, level and type i32) and its fds. Up to four: -y's common case is one. */
		struct {
			__u64 control;
			__u64 controllen;
		} mc;
		struct {
			__u64 len;
			__s32 level;
			__s32 type;
			__s32 fds[4];
		} cm = {};
		if (!args[argi] || bpf_probe_read_user(&mc, sizeof(mc), (void *)(args[argi] + 32)) || !mc.control ||
		    mc.controllen < 20 || bpf_probe_read_user(&cm, 16, (void *)mc.control))
			return off;
		if (cm.level != 1 /* SOL_SOCKET */ || cm.type != 1 /* SCM_RIGHTS */ || cm.len < 20 || cm.len > mc.controllen)
			return off;
		__u32 n = (__u32)((cm.len - 16) / 4);
		if (n > 4)
			n = 4;
		__u32 size = capture__bound(n * 4, 31);
		if (size < 4 || size > sizeof(cm.fds) || bpf_probe_read_user(cm.fds, size, (void *)(mc.control + 16)))
			return off;
#pragma unroll
		for (int k = 0; k < 4; k++)
			if (k < n)
				off = capture__fdinfo(s, off, cm.fds[k], ETRACE_FDINFO_RESULT);
		return off;
	}
	default:
		return off;
	}
}

__noinline __u32 capture__one(struct scratch *s, __u32 off_flags, const struct etrace_capture *cap,
			      const struct etrace_inflight *st, __s64 ret)
{
	bool at_exit = off_flags & CAPTURE_AT_EXIT;
	__u32 off = off_flags & ~CAPTURE_AT_EXIT;
	if (!s || !cap || !st || off >= ETRACE_SCRATCH_HALF)
		return off;
	__u8 *buf = s->buf;
	const __u64 *args = st->args;
	off = capture__bound(off, ETRACE_SCRATCH_HALF - 1);
	if (cap->type == ETRACE_CAP_FDINFO) /* before the NULL test: fd 0 is an fd */
		return capture__fdinfo_of(s, off, cap, args, ret);
	__u8 argi = cap->arg;
	if (argi > 5)
		return off;
	__u64 ptr = args[argi];
	if (!ptr && cap->type != ETRACE_CAP_STACK)
		return off;

	struct etrace_payload *pl = (void *)(buf + off);
	__u8 *data = buf + off + sizeof(*pl);
	pl->arg = argi;
	pl->type = ETRACE_PL_BYTES;
	pl->flags = at_exit ? ETRACE_PLF_AT_EXIT : 0;
	pl->aux = 0;
	__u32 n = 0;
	long err = 0;

	switch (cap->type) {
	case ETRACE_CAP_STRING: {
		__u32 max = capture__clamp(cap->max, cap->max);
		pl->type = ETRACE_PL_STRING;
		long r = bpf_probe_read_user_str(data, max, (void *)ptr);
		if (r < 0) {
			err = r;
		} else {
			n = (__u32)r;
			/* A string that fills the buffer was cut, unless the byte where the read
			 * stopped is its own NUL (a 4095-byte path in a 4096-byte capture is whole). */
			if (n == max) {
				__u8 last = 1;
				if (bpf_probe_read_user(&last, 1, (void *)(ptr + max - 1)) || last)
					pl->flags |= ETRACE_PLF_TRUNCATED;
			}
		}
		break;
	}
	case ETRACE_CAP_BUF_ARG: {
		__u8 li = cap->len_arg;
		if (li > 5)
			return off;
		__u64 want = args[li];
		if (cap->elem_size)
			want = (want > 0xffffff ? 0xffffff : want) * cap->elem_size;
		pl->aux = want;
		n = capture__clamp(want, cap->max);
		if (want > n)
			pl->flags |= ETRACE_PLF_TRUNCATED;
		err = bpf_probe_read_user(data, n, (void *)ptr);
		break;
	}
	case ETRACE_CAP_BUF_ARG_READABLE: {
		__u8 li = cap->len_arg;
		if (li > 5)
			return off;
		__u64 want = args[li];
		pl->aux = want;
		n = capture__clamp(want, cap->max);
		if (want > n)
			pl->flags |= ETRACE_PLF_TRUNCATED;
		err = bpf_probe_read_user(data, n, (void *)ptr);
		/* A bounded read spans at most two pages: when it faults, the rest of ptr's own page
		 * (4 KiB on x86_64) may still be readable, and is what strace's reads would show. */
		__u32 head = 4096 - (__u32)(ptr & 4095);
		if (err && head < n) {
			n = capture__bound(capture__clamp(head, cap->max), 8191);
			pl->flags |= ETRACE_PLF_TRUNCATED;
			err = bpf_probe_read_user(data, n, (void *)ptr);
		}
		break;
	}
	case ETRACE_CAP_BUF_RET:
		if (ret <= 0)
			return off;
		pl->aux = (__u64)ret;
		n = capture__clamp((__u64)ret, cap->max);
		if ((__u64)ret > n)
			pl->flags |= ETRACE_PLF_TRUNCATED;
		err = bpf_probe_read_user(data, n, (void *)ptr);
		break;
	case ETRACE_CAP_FIXED:
		n = capture__clamp(cap->max, cap->max);
		err = capture__read_to_page_end(data, &n, ptr);
		pl->aux = n;
		break;
	case ETRACE_CAP_BUF_LEN_PTR: {
		__u8 li = cap->len_arg;
		if (li > 5 || !args[li])
			return off;
		int len = 0;
		if (bpf_probe_read_user(&len, sizeof(len), (void *)args[li]) || len <= 0)
			return off;
		pl->aux = (__u64)len;
		n = capture__clamp((__u64)len, cap->max);
		/* The kernel writes back the address's full length even when the caller offered
		 * less (accept with a 16-byte buffer at the end of a page gets 24 back). */
		err = capture__read_to_page_end(data, &n, ptr);
		break;
	}
	case ETRACE_CAP_STRVEC: {
		struct strvec_ctx c = {
			.buf = buf, .off = off + sizeof(*pl), .start = off + sizeof(*pl),
			.base = ptr, .max = cap->max,
		};
		pl->type = ETRACE_PL_STRVEC;
		__u32 limit = cap->len_arg ? cap->len_arg : ARGV_MAX_STRINGS;
		bpf_loop(limit, capture__strvec_cb, &c, 0);
		if (c.count == limit) {
			/* There may be more: say so only if the next pointer is not NULL. */
			__u64 p = 0;
			bpf_probe_read_user(&p, sizeof(p), (void *)(ptr + limit * 8));
			if (p)
				c.truncated = true;
		}
		if (c.truncated)
			pl->flags |= ETRACE_PLF_TRUNCATED;
		if (c.fault && !c.count)
			pl->flags |= ETRACE_PLF_FAULT;
		pl->aux = c.count;
		n = c.off - c.start;
		break;
	}
	case ETRACE_CAP_STACK:
		n = capture__clamp(cap->max, cap->max);
		pl->aux = n;
		err = bpf_probe_read_user(data, n, (void *)(st->sp + cap->elem_size));
		break;
	case ETRACE_CAP_IOV: {
		__u8 li = cap->len_arg;
		if (li > 5)
			return off;
		struct iov_ctx c = {
			.buf = buf, .off = off + sizeof(*pl), .start = off + sizeof(*pl), .base = ptr,
			.budget = at_exit ? (ret > 0 ? (__u64)ret : 0) : ~0ull, .max = cap->max,
		};
		__u64 want = args[li];
		__u32 pieces = want > IOV_MAX_PIECES ? IOV_MAX_PIECES : (__u32)want;
		if (want > IOV_MAX_PIECES)
			pl->flags |= ETRACE_PLF_TRUNCATED;
		pl->type = ETRACE_PL_IOV;
		bpf_loop(pieces, capture__iov_cb, &c, 0);
		if (c.fault)
			pl->flags |= ETRACE_PLF_FAULT;
		pl->aux = c.count;
		n = c.off - c.start;
		break;
	}
	case ETRACE_CAP_MSGHDR: {
		pl->type = ETRACE_PL_MSGHDR;
		__u32 first = off + sizeof(*pl);
		__u32 last = capture__msghdr(s, first, ptr, cap->max, at_exit ? ret : -1);
		if (last == first) {
			err = -1;
			break;
		}
		n = last - first;
		break;
	}
	case ETRACE_CAP_MMSGHDR: {
		/* sendmmsg/recvmmsg: each entry's msg_len (8 bytes) then its msghdr blob. */
		__u8 li = cap->len_arg;
		if (li > 5)
			return off;
		pl->type = ETRACE_PL_MMSGHDR;
		__u64 vlen = args[li];
		__u64 count = at_exit ? (ret > 0 ? ((__u64)ret < vlen ? (__u64)ret : vlen) : 0) : vlen;
		if (count > MMSG_MAX_ENTRIES) {
			count = MMSG_MAX_ENTRIES;
			pl->flags |= ETRACE_PLF_TRUNCATED;
		}
		__u32 first = off + sizeof(*pl);
		__u32 cur = first;
		__u32 entries = 0;
#pragma unroll
		for (int k = 0; k < MMSG_MAX_ENTRIES; k++) {
			if (k >= count || cur >= ETRACE_SCRATCH_HALF)
				break;
			cur = capture__bound(cur, ETRACE_SCRATCH_HALF - 1);
			__u32 msg_len = 0;
			bpf_probe_read_user(&msg_len, sizeof(msg_len), (void *)(ptr + k * 64 + ETRACE_MSGHDR_BYTES));
			*(__u64 *)(buf + cur) = msg_len;
			__u32 next = capture__msghdr(s, cur + 8, ptr + k * 64, cap->max, at_exit ? msg_len : -1);
			if (next == cur + 8)
				break;
			cur = next;
			entries++;
		}
		pl->aux = entries;
		n = cur - first;
		break;
	}
	case ETRACE_CAP_DEREF: {
		__u64 inner = 0;
		if (bpf_probe_read_user(&inner, sizeof(inner), (void *)(ptr + cap->elem_size)) || !inner)
			return off;
		n = capture__clamp(cap->max, cap->max);
		pl->aux = inner;
		err = bpf_probe_read_user(data, n, (void *)inner);
		break;
	}
	case ETRACE_CAP_DIRENT_COUNT: {
		/* getdents64's "/ * N entries * /" counts what the call returned, not what fitted in
		 * the capture. */
		if (ret <= 0)
			return off;
		struct dirent_ctx c = { .base = ptr, .len = (__u64)ret };
		bpf_loop(65536, capture__dirent_cb, &c, 0);
		pl->type = ETRACE_PL_COUNT;
		pl->aux = c.count;
		break;
	}
	case ETRACE_CAP_UPTO: {
		__u8 li = cap->len_arg;
		__u64 want = cap->max;
		if (li < 6) {
			__u32 req = (__u32)args[li];
			/* _IOC_SIZE: bits 16-29; the direction is bits 30-31 (1: _IOC_WRITE only). */
			want = req >> 16 ? (req >> 16) & 0x3fff : cap->elem_size;
			if (at_exit && req >> 30 == 1)
				return off;
		}
		if (!want)
			return off;
		pl->aux = want;
		n = capture__clamp(want, cap->max);
		err = bpf_probe_read_user(data, n, (void *)ptr);
		if (err) {
			/* strace's tests (and careful programs) put a struct at the end of a mapping:
			 * what lies before the page's end may still be the whole struct. */
			__u32 room = 4096 - (__u32)(ptr & 4095);
			if (room < n) {
				/* The mask keeps the bound Linux 6.1's verifier loses through the min. */
				n = capture__bound(room, 8191);
				err = bpf_probe_read_user(data, n, (void *)ptr);
			}
		}
		if (!err && want > n)
			pl->flags |= ETRACE_PLF_TRUNCATED;
		break;
	}
	case ETRACE_CAP_PTR_COUNT: {
		struct ptrcount_ctx c = { .base = ptr };
		bpf_loop(ENVP_MAX_COUNT, capture__ptrcount_cb, &c, 0);
		pl->type = ETRACE_PL_COUNT;
		pl->aux = c.count;
		break;
	}
	default:
		return off;
	}
	if (err) {
		pl->flags |= ETRACE_PLF_FAULT;
		n = 0;
	}
	pl->len = n;
	return off + sizeof(*pl) + capture__round8(n);
}

#endif
