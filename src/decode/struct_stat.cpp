// File metadata: struct stat (x86_64), statx, statfs, getdents/getdents64 buffers, and the
// struct flock of fcntl's record locks.
#include <fmt/format.h>

#include "decode/struct_util.h"
#include "xlat/xlat.h"

namespace etrace::structs {

namespace {

// The tables live in xlat/file.cpp; a missing one is a bug the xlat tests catch, so print the number.
const XlatTable& table(std::string_view name) {
  static constexpr XlatTable kNone{"", XlatKind::Flags, {}};
  const XlatTable* t = find_xlat(name);
  return t ? *t : kNone;
}

void flags_from(Emitter& out, const XlatTable& t, std::uint64_t v) {
  FlagSplit s = xlat_split_flags(t, v);
  out.flags(s.names, v, s.rest);
}

void enum_from(Emitter& out, const XlatTable& t, std::uint64_t v, std::string_view unknown) {
  std::string_view n = xlat_name(t, v);
  if (!n.empty()) return out.symbol(n, static_cast<std::int64_t>(v));
  emit_hex(out, v);
  out.comment(unknown);
}

// glibc's major()/minor() split of a dev_t.
void emit_makedev(Emitter& out, std::uint64_t dev) {
  const std::uint64_t major = ((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffull);
  const std::uint64_t minor = (dev & 0xff) | ((dev >> 12) & ~0xffull);
  auto hex = [](std::uint64_t v) { return v ? fmt::format("{:#x}", v) : std::string("0"); };
  out.symbol(fmt::format("makedev({}, {})", hex(major), hex(minor)), static_cast<std::int64_t>(dev));
}

// st_atime=1795712894 /* 2026-11-26T17:08:14.220800468+0000 */, then st_atime_nsec=...
void emit_time_pair(Emitter& out, std::string_view sec_name, std::string_view nsec_name, std::int64_t sec,
                    std::uint64_t nsec) {
  out.field(sec_name);
  out.integer(sec);
  if (sec || nsec) {
    std::string t = time_text(sec, nsec);
    if (!t.empty()) out.comment(t);
  }
  out.field(nsec_name);
  out.uinteger(nsec);
}

bool is_device(std::uint32_t mode) { return (mode & 0170000) == 0020000 || (mode & 0170000) == 0060000; }

}  // namespace

bool print_stat(const Bytes& b, DecodeContext& ctx, Emitter& out) {
  if (b.size() < 144) return false;
  const std::uint32_t mode = b.u32(24);
  out.begin_struct();
  if (ctx.opts.verbose) {
    out.field("st_dev");
    emit_makedev(out, b.u64(0));
    out.field("st_ino");
    out.uinteger(b.u64(8));
  }
  out.field("st_mode");
  emit_mode(out, mode);
  if (ctx.opts.verbose) {
    out.field("st_nlink");
    out.uinteger(b.u64(16));
    out.field("st_uid");
    out.uinteger(b.u32(28));
    out.field("st_gid");
    out.uinteger(b.u32(32));
    out.field("st_blksize");
    out.integer(b.s64(56));
    out.field("st_blocks");
    out.integer(b.s64(64));
  }
  if (is_device(mode)) {
    out.field("st_rdev");
    emit_makedev(out, b.u64(40));
  } else {
    out.field("st_size");
    out.integer(b.s64(48));
  }
  if (ctx.opts.verbose) {
    emit_time_pair(out, "st_atime", "st_atime_nsec", b.s64(72), b.u64(80));
    emit_time_pair(out, "st_mtime", "st_mtime_nsec", b.s64(88), b.u64(96));
    emit_time_pair(out, "st_ctime", "st_ctime_nsec", b.s64(104), b.u64(112));
  } else {
    out.ellipsis();
  }
  out.end_struct();
  return true;
}

namespace {

// struct statx_timestamp: {tv_sec=..., tv_nsec=...} /* date */
void emit_statx_time(Emitter& out, std::string_view name, const Bytes& b, std::size_t off) {
  const std::int64_t sec = b.s64(off);
  const std::uint32_t nsec = b.u32(off + 8);
  out.field(name);
  out.begin_struct();
  out.field("tv_sec");
  out.integer(sec);
  out.field("tv_nsec");
  out.uinteger(nsec);
  out.end_struct();
  if (sec || nsec) {
    std::string t = time_text(sec, nsec);
    if (!t.empty()) out.comment(t);
  }
}

}  // namespace

bool print_statx(const Bytes& b, DecodeContext& ctx, Emitter& out) {
  if (b.size() < 160) return false;
  constexpr std::uint32_t kAtime = 0x20, kMtime = 0x40, kCtime = 0x80, kBtime = 0x800, kMntId = 0x1000,
                          kDioAlign = 0x2000;
  const std::uint32_t mask = b.u32(0);
  const bool v = ctx.opts.verbose;
  out.begin_struct();
  out.field("stx_mask");
  emit_flags(out, "statx_mask", mask);
  if (v) {
    out.field("stx_blksize");
    out.uinteger(b.u32(4));
  }
  out.field("stx_attributes");
  flags_from(out, table("statx_attributes"), b.u64(8));
  if (v) {
    out.field("stx_nlink");
    out.uinteger(b.u32(16));
    out.field("stx_uid");
    out.uinteger(b.u32(20));
    out.field("stx_gid");
    out.uinteger(b.u32(24));
  }
  out.field("stx_mode");
  emit_mode(out, b.u16(28));
  if (v) {
    out.field("stx_ino");
    out.uinteger(b.u64(32));
  }
  out.field("stx_size");
  out.uinteger(b.u64(40));
  if (!v) {
    out.ellipsis();
    out.end_struct();
    return true;
  }
  out.field("stx_blocks");
  out.uinteger(b.u64(48));
  out.field("stx_attributes_mask");
  flags_from(out, table("statx_attributes"), b.u64(56));
  // Each time only when stx_mask says the kernel filled it, as strace prints them.
  if (mask & kAtime) emit_statx_time(out, "stx_atime", b, 64);
  if (mask & kBtime) emit_statx_time(out, "stx_btime", b, 80);
  if (mask & kCtime) emit_statx_time(out, "stx_ctime", b, 96);
  if (mask & kMtime) emit_statx_time(out, "stx_mtime", b, 112);
  const char* const devs[] = {"stx_rdev_major", "stx_rdev_minor", "stx_dev_major", "stx_dev_minor"};
  for (int i = 0; i < 4; ++i) {
    out.field(devs[i]);
    out.uinteger(b.u32(128 + 4 * static_cast<std::size_t>(i)));
  }
  if (mask & kMntId) {
    out.field("stx_mnt_id");
    emit_hex(out, b.u64(144));
  }
  if (mask & kDioAlign) {
    out.field("stx_dio_mem_align");
    out.uinteger(b.u32(152));
    out.field("stx_dio_offset_align");
    out.uinteger(b.u32(156));
  }
  out.end_struct();
  return true;
}

bool print_statfs(const Bytes& b, DecodeContext&, Emitter& out) {
  if (b.size() < 88) return false;
  out.begin_struct();
  out.field("f_type");
  enum_from(out, table("fs_magic"), b.u64(0), "???_MAGIC");
  const char* const counts[] = {"f_bsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree"};
  for (int i = 0; i < 6; ++i) {
    out.field(counts[i]);
    out.integer(b.s64(8 + 8 * static_cast<std::size_t>(i)));
  }
  out.field("f_fsid");
  out.begin_struct();
  out.field("val");
  out.begin_array();
  out.element();
  emit_hex(out, b.u32(56));
  out.element();
  emit_hex(out, b.u32(60));
  out.end_array();
  out.end_struct();
  out.field("f_namelen");
  out.integer(b.s64(64));
  out.field("f_frsize");
  out.integer(b.s64(72));
  out.field("f_flags");
  flags_from(out, table("statfs_flags"), b.u64(80));
  out.end_struct();
  return true;
}

namespace {

// struct flock { short l_type; short l_whence; off_t l_start; off_t l_len; pid_t l_pid; }
bool print_flock_fields(const Bytes& b, Emitter& out, bool with_pid) {
  if (b.size() < 32) return false;
  out.begin_struct();
  out.field("l_type");
  enum_from(out, table("flock_types"), b.u16(0), "F_???");
  out.field("l_whence");
  enum_from(out, table("seek_whence"), b.u16(2), "SEEK_???");
  out.field("l_start");
  out.integer(b.s64(8));
  out.field("l_len");
  out.integer(b.s64(16));
  if (with_pid) {
    out.field("l_pid");
    out.integer(b.s32(24));
  }
  out.end_struct();
  return true;
}

}  // namespace

bool print_flock(const Bytes& b, DecodeContext&, Emitter& out) { return print_flock_fields(b, out, false); }
bool print_flock_getlk(const Bytes& b, DecodeContext&, Emitter& out) { return print_flock_fields(b, out, true); }

namespace {

// Records of both dirent layouts: d_reclen is the u16 at offset 16; `header` bytes at least.
std::size_t count_records(const Bytes& b, std::size_t header) {
  std::size_t n = 0;
  for (std::size_t off = 0; off + header <= b.size();) {
    const std::uint16_t reclen = b.u16(off + 16);
    if (reclen == 0) break;
    ++n;
    off += reclen;
  }
  return n;
}

}  // namespace

// struct linux_dirent64 { u64 d_ino; s64 d_off; u16 d_reclen; u8 d_type; char d_name[]; }
std::size_t count_dirents64(const Bytes& b) { return count_records(b, 19); }

bool print_dirents64(const Bytes& b, DecodeContext&, Emitter& out) {
  out.begin_array();
  for (std::size_t off = 0; off + 19 <= b.size();) {
    const std::uint16_t reclen = b.u16(off + 16);
    if (reclen == 0) break;
    out.element();
    out.begin_struct();
    out.field("d_ino");
    out.uinteger(b.u64(off));
    out.field("d_off");
    out.integer(b.s64(off + 8));
    out.field("d_reclen");
    out.uinteger(reclen);
    out.field("d_type");
    enum_from(out, table("dirent_types"), static_cast<std::uint8_t>(b.view()[off + 18]), "DT_???");
    out.field("d_name");
    emit_cstring(out, b.sub(off + 19, reclen > 19 ? reclen - 19u : 0u));
    out.end_struct();
    off += reclen;
  }
  out.end_array();
  return true;
}

// struct linux_dirent { unsigned long d_ino, d_off; u16 d_reclen; char d_name[]; ... u8 d_type (last byte) }
std::size_t count_dirents(const Bytes& b) { return count_records(b, 18); }

bool print_dirents(const Bytes& b, DecodeContext&, Emitter& out) {
  out.begin_array();
  for (std::size_t off = 0; off + 18 <= b.size();) {
    const std::uint16_t reclen = b.u16(off + 16);
    if (reclen == 0) break;
    out.element();
    out.begin_struct();
    out.field("d_ino");
    out.uinteger(b.u64(off));
    out.field("d_off");
    out.uinteger(b.u64(off + 8));
    out.field("d_reclen");
    out.uinteger(reclen);
    out.field("d_name");
    emit_cstring(out, b.sub(off + 18, reclen > 19 ? reclen - 19u : 0u));
    out.field("d_type");
    const std::size_t type_at = off + reclen - 1;
    enum_from(out, table("dirent_types"),
              type_at < b.size() ? static_cast<std::uint8_t>(b.view()[type_at]) : 0, "DT_???");
    out.end_struct();
    off += reclen;
  }
  out.end_array();
  return true;
}

}  // namespace etrace::structs
