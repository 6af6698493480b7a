// Output: lines leave in big writes; a write that fails is said once and stops the writing.
#include "app/output.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <fcntl.h>
#include <string>
#include <unistd.h>

namespace etrace {
namespace {

TEST(Output, WritesWhatWasBufferedOnFlush) {
  int p[2];
  ASSERT_EQ(pipe(p), 0);
  {
    Output out(p[1], "a pipe");
    out.buffer() += "write(1, \"hi\", 2) = 2\n";
    out.maybe_flush();  // small and fresh: stays buffered
    out.flush();
    EXPECT_EQ(out.error(), 0);
  }
  close(p[1]);
  char buf[64] = {};
  const ssize_t n = read(p[0], buf, sizeof(buf));
  close(p[0]);
  EXPECT_EQ(std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0), "write(1, \"hi\", 2) = 2\n");
}

TEST(Output, AFailedWriteIsReportedOnceAndDropsTheRest) {
  const int fd = open("/dev/full", O_WRONLY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  testing::internal::CaptureStderr();
  {
    Output out(fd, "'/dev/full'");
    out.buffer() += "one line\n";
    out.flush();
    EXPECT_EQ(out.error(), ENOSPC);
    EXPECT_TRUE(out.buffer().empty());
    out.buffer() += "another line\n";
    out.flush();  // not tried again, not said again
    EXPECT_EQ(out.error(), ENOSPC);
  }
  const std::string err = testing::internal::GetCapturedStderr();
  close(fd);
  EXPECT_EQ(err,
            "etrace: cannot write the trace to '/dev/full': No space left on device; the trace is incomplete from "
            "here (free space on its filesystem, or choose another -o)\n");
  EXPECT_TRUE(Output::any_failed());
}

}  // namespace
}  // namespace etrace
