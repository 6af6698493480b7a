// 'T' (0x54): terminals, and the FIO* requests that share the type byte.
#include <asm/termbits.h>
#include <sys/ioctl.h>

#include "decode/ioctl.h"

namespace etrace {

namespace {

void print_winsize(const structs::Bytes& b, const IoctlArg& a) {
  static constexpr std::string_view kFields[] = {"ws_row", "ws_col", "ws_xpixel", "ws_ypixel"};
  a.e().begin_struct();
  for (std::size_t i = 0; i < 4; ++i) {
    a.e().field(kFields[i]);
    a.e().uinteger(b.u16(i * 2));
  }
  a.e().end_struct();
}

// [TIOCM_DTR|TIOCM_RTS]
void print_modem_flags(const structs::Bytes& b, const IoctlArg& a) {
  a.e().begin_array();
  a.e().element();
  print_flags(a.e(), "modem_flags", b.u32(0));
  a.e().end_array();
}

}  // namespace

bool ioctl_term(const IoctlArg& a) {
  switch (a.req) {
    case TIOCGWINSZ: a.name(); a.struct_out(8, print_winsize); return true;
    case TIOCSWINSZ: a.name(); a.struct_in(8, print_winsize); return true;
    case TCXONC: a.name(); print_enum(a.e(), "tcxonc_options", a.addr()); return true;
    case TCFLSH: a.name(); print_enum(a.e(), "tcflsh_options", a.addr()); return true;
    case TCSBRK: case TCSBRKP: case TIOCSCTTY: a.name(); a.e().integer(a.ival()); return true;
    case TIOCMGET: a.name(); a.struct_out(4, print_modem_flags); return true;
    case TIOCMBIS: case TIOCMBIC: case TIOCMSET: a.name(); a.struct_in(4, print_modem_flags); return true;
    // An int the call fills, then the ones it reads.
    case TIOCGPGRP: case TIOCGSID: case TIOCGETD: case TIOCGSOFTCAR: case TIOCGPTN: case FIONREAD:
    case TIOCOUTQ: case TIOCGEXCL: case TIOCGDEV:
      a.name();
      a.int_out();
      return true;
    case TIOCSPGRP: case TIOCSETD: case FIONBIO: case FIOASYNC: case TIOCPKT: case TIOCSSOFTCAR:
    case TIOCSPTLCK:
      a.name();
      a.int_in();
      return true;
    case TIOCSTI:  // one character
      a.name();
      if (!a.deref() || a.in.empty()) a.pointer();
      else a.e().string(a.in.substr(0, 1), false);
      return true;
    // No argument.
    case TIOCSBRK: case TIOCCBRK: case TIOCCONS: case TIOCNOTTY: case TIOCEXCL: case TIOCNXCL: case FIOCLEX:
    case FIONCLEX: case TIOCVHANGUP: case TIOCSSERIAL:
      return true;
    default: return false;
  }
}

}  // namespace etrace
