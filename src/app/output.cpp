#include "app/output.h"

#include <cerrno>
#include <unistd.h>

namespace etrace {

void Output::flush() {
  std::size_t done = 0;
  while (done < buf_.size()) {
    ssize_t n = ::write(fd_, buf_.data() + done, buf_.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      break;  // a closed pipe or full disk: drop the rest rather than spin
    }
    done += static_cast<std::size_t>(n);
  }
  buf_.clear();
}

}  // namespace etrace
