#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <string>

#include "app/descendants.h"

namespace etrace {
namespace {

TEST(Descendants, FindsChildrenAndGrandchildren) {
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  const pid_t child = fork();
  if (child == 0) {
    const pid_t grandchild = fork();
    if (grandchild == 0) {
      pause();
      _exit(0);
    }
    (void)!write(ready[1], &grandchild, sizeof(grandchild));
    pause();
    _exit(0);
  }
  pid_t grandchild = 0;
  ASSERT_EQ(read(ready[0], &grandchild, sizeof(grandchild)), static_cast<ssize_t>(sizeof(grandchild)));
  const auto found = descendants_of(getpid());
  EXPECT_NE(std::find(found.begin(), found.end(), child), found.end());
  EXPECT_NE(std::find(found.begin(), found.end(), grandchild), found.end());
  const auto below_child = descendants_of(child);
  EXPECT_EQ(std::find(below_child.begin(), below_child.end(), child), below_child.end());
  kill(grandchild, SIGKILL);
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
  close(ready[0]);
  close(ready[1]);
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

TEST(KernelThreads, FlagsFieldOfStatTellsThem) {
  // The starts of a kernel thread's and an init's /proc/N/stat; a name with ") " in it does not
  // shift the fields.
  EXPECT_TRUE(stat_is_kernel_thread("2 (kthreadd) S 0 0 0 0 -1 2129984 0 0 0 0 0 0 0 0 20 0 1 0 18"));
  EXPECT_FALSE(stat_is_kernel_thread("1 (systemd) S 0 1 1 0 -1 4194560 22855 2380153 107 1060 34 47"));
  EXPECT_FALSE(stat_is_kernel_thread("77 (a) S 0 0 0 0 -1 2129984) S 1 77 77 0 -1 4194560 0 0"));
  EXPECT_FALSE(stat_is_kernel_thread("garbage"));
  EXPECT_FALSE(is_kernel_thread(getpid()));
  std::ifstream kthreadd("/proc/2/stat");
  std::string line;
  if (std::getline(kthreadd, line) && line.find("(kthreadd)") != std::string::npos) {
    EXPECT_TRUE(is_kernel_thread(2));
  }
}

}  // namespace
}  // namespace etrace
