// Running etrace and the test programs as a user would, for the root-only integration tests.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace etrace::it {

struct RunResult {
  int exit_code = -1;  // shell-style: 128+N when killed by signal N
  std::string out;     // stdout
  std::string err;     // stderr
};

// Runs argv to completion (killed after timeout_s), capturing stdout and stderr.
RunResult run(const std::vector<std::string>& argv, int timeout_s = 60);

// A background process; killed (SIGKILL) and reaped on destruction.
class Background {
 public:
  explicit Background(const std::vector<std::string>& argv, const std::string& stdout_path = "/dev/null",
                      const std::string& stderr_path = "/dev/null");
  ~Background();
  int pid() const { return pid_; }
  void signal(int sig);
  int wait(int timeout_s = 30);  // shell-style status, -1 on timeout

 private:
  int pid_ = -1;
  bool reaped_ = false;
};

std::string etrace_bin();
std::string prog(const std::string& name);
std::string temp_path(const std::string& stem);
std::string read_file(const std::string& path);
std::vector<std::string> lines_of(const std::string& text);
// True when every line of `wanted` appears in `have`, in order (other lines may come between).
::testing::AssertionResult contains_in_order(const std::vector<std::string>& have,
                                             const std::vector<std::string>& wanted);
// Collapses the padding before " = " so lines compare without caring about column 40.
std::string squeeze(const std::string& line);

#define ETRACE_REQUIRE_ROOT() \
  do {                        \
    if (geteuid() != 0) GTEST_SKIP() << "needs root to load BPF"; \
  } while (0)

}  // namespace etrace::it
