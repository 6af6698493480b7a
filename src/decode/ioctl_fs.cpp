// File system requests: 'f' (FS_IOC_GETFLAGS/SETFLAGS, FS_IOC_FIEMAP) and 'X' (FIFREEZE, FITRIM,
// FS_IOC_FSGETXATTR/FSSETXATTR).
#include <linux/fiemap.h>
#include <linux/fs.h>

#include "decode/ioctl.h"

namespace etrace {

namespace {

void field_u(const IoctlArg& a, std::string_view name, std::uint64_t v) {
  a.e().field(name);
  a.e().uinteger(v);
}

void field_x(const IoctlArg& a, std::string_view name, std::uint64_t v) {
  a.e().field(name);
  structs::emit_hex(a.e(), v);
}

// [FS_APPEND_FL|FS_NOATIME_FL]
void print_fs_flags(const structs::Bytes& b, const IoctlArg& a) {
  a.e().begin_array();
  a.e().element();
  print_flags(a.e(), "fs_ioc_flags", b.u32(0));
  a.e().end_array();
}

// struct fiemap as the call gets it: the range and the flags, not the extents.
void print_fiemap_in(const structs::Bytes& b, const IoctlArg& a) {
  a.e().begin_struct();
  field_u(a, "fm_start", b.u64(0));
  field_u(a, "fm_length", b.u64(8));
  a.e().field("fm_flags");
  print_flags(a.e(), "fiemap_flags", b.u32(16));
  field_u(a, "fm_extent_count", b.u32(24));
  a.e().end_struct();
}

void print_fstrim_range(const structs::Bytes& b, const IoctlArg& a) {
  a.e().begin_struct();
  field_x(a, "start", b.u64(0));
  field_u(a, "len", b.u64(8));
  field_u(a, "minlen", b.u64(16));
  a.e().end_struct();
}

// struct fsxattr; fsx_nextents only as FS_IOC_FSGETXATTR returns it.
void print_fsxattr(const structs::Bytes& b, const IoctlArg& a, bool got) {
  a.e().begin_struct();
  a.e().field("fsx_xflags");
  print_flags(a.e(), "fs_xflags", b.u32(0));
  field_u(a, "fsx_extsize", b.u32(4));
  if (got) field_u(a, "fsx_nextents", b.u32(8));
  field_x(a, "fsx_projid", b.u32(12));
  field_u(a, "fsx_cowextsize", b.u32(16));
  a.e().end_struct();
}

}  // namespace

bool ioctl_fs_f(const IoctlArg& a) {
  switch (a.req) {
    case FS_IOC_GETFLAGS: case FS_IOC32_GETFLAGS: a.name(); a.struct_out(4, print_fs_flags); return true;
    case FS_IOC_SETFLAGS: case FS_IOC32_SETFLAGS: a.name(); a.struct_in(4, print_fs_flags); return true;
    case FS_IOC_FIEMAP:  // what the call returns (the extents) shows only with -v: not decoded here
      a.name();
      a.struct_in(sizeof(fiemap), print_fiemap_in);
      return true;
    default: return false;
  }
}

bool ioctl_fs_x(const IoctlArg& a) {
  switch (a.req) {
    case FITRIM: a.name(); a.struct_in(sizeof(fstrim_range), print_fstrim_range); return true;
    case FS_IOC_FSGETXATTR:
      a.name();
      a.struct_out(sizeof(fsxattr), [](const structs::Bytes& b, const IoctlArg& x) { print_fsxattr(b, x, true); });
      return true;
    case FS_IOC_FSSETXATTR:
      a.name();
      a.struct_in(sizeof(fsxattr), [](const structs::Bytes& b, const IoctlArg& x) { print_fsxattr(b, x, false); });
      return true;
    case FIFREEZE: case FITHAW: return true;
    default: return false;
  }
}

}  // namespace etrace
