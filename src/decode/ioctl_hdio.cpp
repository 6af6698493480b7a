// 0x03: the old IDE driver's HDIO_* requests. Most take an unsigned long by value (SET) or
// fill one (GET).
#include <linux/hdreg.h>

#include "decode/ioctl.h"

namespace etrace {

namespace {

// [n] of the unsigned long a GET request filled, shown by `show`.
template <typename Show>
void filled_ulong(const IoctlArg& a, Show show) {
  if (!a.deref() || a.out.size() < 8) return a.pointer();
  a.e().begin_array();
  a.e().element();
  show(structs::Bytes(a.out).u64(0));
  a.e().end_array();
}

// [0xdeadbeef, 0, 0x1]: HDIO_DRIVE_RESET's and HDIO_SCAN_HWIF's three ints.
void print_three_ints(const structs::Bytes& b, const IoctlArg& a) {
  a.e().begin_array();
  for (std::size_t i = 0; i < 3; ++i) {
    a.e().element();
    structs::emit_hex(a.e(), b.u32(i * 4));
  }
  a.e().end_array();
}

void print_geometry(const structs::Bytes& b, const IoctlArg& a) {
  a.e().begin_struct();
  a.e().field("heads");
  a.e().uinteger(b.get<std::uint8_t>(0));
  a.e().field("sectors");
  a.e().uinteger(b.get<std::uint8_t>(1));
  a.e().field("cylinders");
  a.e().uinteger(b.u16(2));
  a.e().field("start");
  a.e().uinteger(b.u64(8));
  a.e().end_struct();
}

// HDIO_DRIVE_CMD's header as the call gets it.
void print_drive_cmd(const structs::Bytes& b, const IoctlArg& a) {
  a.e().begin_struct();
  a.e().field("command");
  print_enum(a.e(), "ata_commands", b.get<std::uint8_t>(0));
  static constexpr std::string_view kFields[] = {"sector_number", "feature", "sector_count"};
  for (std::size_t i = 0; i < 3; ++i) {
    a.e().field(kFields[i]);
    a.e().uinteger(b.get<std::uint8_t>(i + 1));
  }
  a.e().end_struct();
}

}  // namespace

bool ioctl_hdio(const IoctlArg& a) {
  auto decimal = [&](std::uint64_t n) { a.e().uinteger(n); };
  switch (a.req) {
    case HDIO_GETGEO: a.name(); a.struct_out(16, print_geometry); return true;
    case HDIO_DRIVE_CMD: a.name(); a.struct_in(4, print_drive_cmd); return true;
    case HDIO_DRIVE_RESET: case HDIO_SCAN_HWIF: a.name(); a.struct_in(12, print_three_ints); return true;
    case HDIO_GET_32BIT: case HDIO_GET_ACOUSTIC: case HDIO_GET_ADDRESS: case HDIO_GET_DMA:
    case HDIO_GET_KEEPSETTINGS: case HDIO_GET_MULTCOUNT: case HDIO_GET_NOWERR: case HDIO_GET_UNMASKINTR:
    case HDIO_GET_WCACHE:
      a.name();
      filled_ulong(a, decimal);
      return true;
    case HDIO_GET_BUSSTATE:
      a.name();
      filled_ulong(a, [&](std::uint64_t n) { print_enum(a.e(), "hdio_busstates", n); });
      return true;
    case HDIO_GET_NICE:
      a.name();
      filled_ulong(a, [&](std::uint64_t n) { print_flags(a.e(), "hdio_ide_nice", n); });
      return true;
    case HDIO_GET_IDENTITY: case HDIO_OBSOLETE_IDENTITY:  // the drive's identity, bytes as they are
      a.name();
      if (!a.deref() || a.out.empty()) a.pointer();
      else print_cut_string(a.v, a.out, false);
      return true;
    case HDIO_SET_32BIT: case HDIO_SET_ACOUSTIC: case HDIO_SET_ADDRESS: case HDIO_SET_DMA:
    case HDIO_SET_KEEPSETTINGS: case HDIO_SET_MULTCOUNT: case HDIO_SET_NOWERR: case HDIO_SET_PIO_MODE:
    case HDIO_SET_UNMASKINTR: case HDIO_SET_WCACHE: case HDIO_UNREGISTER_HWIF:
      a.name();
      a.e().uinteger(a.addr());
      return true;
    case HDIO_SET_BUSSTATE: a.name(); print_enum(a.e(), "hdio_busstates", a.addr()); return true;
    case HDIO_SET_NICE: a.name(); print_flags(a.e(), "hdio_ide_nice", a.addr()); return true;
    default: return false;
  }
}

}  // namespace etrace
