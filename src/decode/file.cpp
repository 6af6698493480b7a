// File descriptor calls as strace 6.1 shows them: epoll_pwait and epoll_pwait2.
#include "decode/families.h"
#include "decode/printers.h"

namespace etrace::file {

namespace {

// strace shows every argument of the epoll waits when they return, and what a failed call
// points to as addresses: its timeout (epoll_pwait2) and its signal mask too.
void epoll_wait_like(const CallView& v, bool timeout_struct) {
  print_args(v, 0, timeout_struct ? 3 : 4);
  for (int i = timeout_struct ? 3 : 4; i < 5; ++i) {
    if (v.succeeded()) {
      print_arg(v, i);
      continue;
    }
    v.out.arg(v.spec.args[static_cast<std::size_t>(i)].name);
    v.out.pointer(v.arg(i));
  }
  print_args(v, 5, 6);
}

}  // namespace

void args_epoll_pwait(const CallView& v) { epoll_wait_like(v, false); }
void args_epoll_pwait2(const CallView& v) { epoll_wait_like(v, true); }

}  // namespace etrace::file
