// 0x12: block devices (BLK*).
#include <linux/blktrace_api.h>
#include <linux/fs.h>
#include <linux/blkpg.h>
#include <linux/blkzoned.h>

#include "decode/ioctl.h"

namespace etrace {

namespace {

// [n] of an integer type T the call reads or fills.
template <typename T>
void number_from(const IoctlArg& a, std::string_view bytes) {
  if (!a.deref() || bytes.size() < sizeof(T)) return a.pointer();
  a.e().begin_array();
  a.e().element();
  const T n = structs::Bytes(bytes).get<T>(0);
  if constexpr (std::is_signed_v<T>) a.e().integer(n);
  else a.e().uinteger(n);
  a.e().end_array();
}

// [start, length]: BLKDISCARD's range.
void print_u64_pair(const structs::Bytes& b, const IoctlArg& a) {
  a.e().begin_array();
  for (std::size_t i = 0; i < 2; ++i) {
    a.e().element();
    a.e().uinteger(b.u64(i * 8));
  }
  a.e().end_array();
}

}  // namespace

bool ioctl_block(const IoctlArg& a) {
  switch (a.req) {
    case BLKRASET: case BLKFRASET: a.name(); a.e().uinteger(a.addr()); return true;  // the value itself
    case BLKSECTGET: case BLKROTATIONAL: a.name(); number_from<std::uint16_t>(a, a.out); return true;
    case BLKROGET: case BLKBSZGET: case BLKSSZGET: case BLKALIGNOFF: a.name(); a.int_out(); return true;
    case BLKROSET: case BLKBSZSET: a.name(); a.int_in(); return true;
    case BLKPBSZGET: case BLKIOMIN: case BLKIOOPT: case BLKDISCARDZEROES: case BLKGETZONESZ: case BLKGETNRZONES:
      a.name();
      number_from<std::uint32_t>(a, a.out);
      return true;
    case BLKRAGET: case BLKFRAGET: a.name(); number_from<std::int64_t>(a, a.out); return true;
    case BLKGETSIZE: case BLKGETSIZE64: case BLKGETDISKSEQ: a.name(); number_from<std::uint64_t>(a, a.out); return true;
    case BLKDISCARD: case BLKSECDISCARD: case BLKZEROOUT: a.name(); a.struct_in(16, print_u64_pair); return true;
    // Structs etrace does not decode yet (BLKPG's points to another): their address.
    case BLKPG: case BLKTRACESETUP: a.name(); a.pointer(); return true;
    case BLKRRPART: case BLKFLSBUF: case BLKTRACESTART: case BLKTRACESTOP: case BLKTRACETEARDOWN: return true;
    default: return false;
  }
}

}  // namespace etrace
