// strace's -e read=FDS / -e write=FDS dumps: after the call's line, every byte the call read
// or wrote, 16 to a line:
//  | 00000  68 65 6c 6c 6f 20 77 6f  72 6c 64 2c 20 74 68 69  hello world, thi |
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace etrace {

// The dump lines for `data` (each ending in '\n'); empty data gives no line.
std::string hex_dump(std::string_view data);

// Which syscalls read= / write= dump, and where their fd and buffer are: read, pread64,
// recvfrom (read=); write, pwrite64, sendto (write=). The fd is always argument 0.
struct DumpTarget {
  bool is_read = false;
  int buf_arg = 1;
};
std::optional<DumpTarget> dump_target(std::string_view syscall_name);

}  // namespace etrace
