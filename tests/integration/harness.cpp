#include "harness.h"

#include <fcntl.h>
#include <linux/close_range.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

namespace etrace::it {

namespace {

int shell_code(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

std::vector<char*> c_argv(const std::vector<std::string>& argv) {
  std::vector<char*> out;
  for (const auto& a : argv) out.push_back(const_cast<char*>(a.c_str()));
  out.push_back(nullptr);
  return out;
}

}  // namespace

RunResult run(const std::vector<std::string>& argv, int timeout_s) {
  int out_pipe[2], err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) || pipe2(err_pipe, O_CLOEXEC)) return {};
  pid_t pid = fork();
  if (pid == 0) {
    dup2(out_pipe[1], 1);
    dup2(err_pipe[1], 2);
    int devnull = open("/dev/null", O_RDONLY);
    dup2(devnull, 0);
    // Only 0-2: descriptors the test runner inherited would shift the fds traced programs get.
    close_range(3, ~0u, 0);
    auto args = c_argv(argv);
    execv(args[0], args.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  RunResult r;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  const time_t deadline = time(nullptr) + timeout_s;
  int open_count = 2;
  while (open_count > 0) {
    if (time(nullptr) > deadline) {
      kill(pid, SIGKILL);
      break;
    }
    if (poll(fds, 2, 1000) <= 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
      char buf[65536];
      ssize_t n = read(fds[i].fd, buf, sizeof(buf));
      if (n <= 0) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_count;
        continue;
      }
      (i == 0 ? r.out : r.err).append(buf, static_cast<std::size_t>(n));
    }
  }
  for (auto& f : fds)
    if (f.fd >= 0) close(f.fd);
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_code = shell_code(status);
  return r;
}

Background::Background(const std::vector<std::string>& argv, const std::string& stdout_path,
                       const std::string& stderr_path) {
  pid_ = fork();
  if (pid_ == 0) {
    int o = open(stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int e = open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(o, 1);
    dup2(e, 2);
    close_range(3, ~0u, 0);
    auto args = c_argv(argv);
    execv(args[0], args.data());
    _exit(127);
  }
}

Background::~Background() {
  if (pid_ > 0 && !reaped_) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

void Background::signal(int sig) { kill(pid_, sig); }

int Background::wait(int timeout_s) {
  for (int i = 0; i < timeout_s * 20; ++i) {
    int status;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      reaped_ = true;
      return shell_code(status);
    }
    usleep(50 * 1000);
  }
  return -1;
}

// ETRACE_TEST_BIN runs the same tests on another build of etrace (the ASan+UBSan one).
std::string etrace_bin() {
  const char* other = std::getenv("ETRACE_TEST_BIN");
  return other && *other ? other : ETRACE_BIN;
}
std::string prog(const std::string& name) { return std::string(ETRACE_PROGS_DIR) + "/" + name; }

std::string temp_path(const std::string& stem) {
  static int counter = 0;
  return "/tmp/etrace-it-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + "-" + stem;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  std::string line;
  while (std::getline(ss, line)) out.push_back(line);
  return out;
}

std::string squeeze(const std::string& line) {
  static const std::regex pad(R"(\) +=)");
  return std::regex_replace(line, pad, ") =");
}

::testing::AssertionResult contains_in_order(const std::vector<std::string>& have,
                                             const std::vector<std::string>& wanted) {
  std::size_t i = 0;
  for (const auto& w : wanted) {
    const std::string sw = squeeze(w);
    while (i < have.size() && squeeze(have[i]) != sw) ++i;
    if (i == have.size()) {
      std::string dump;
      for (const auto& h : have) dump += "  | " + h + "\n";
      return ::testing::AssertionFailure() << "missing (in order): " << w << "\ntrace:\n" << dump;
    }
    ++i;
  }
  return ::testing::AssertionSuccess();
}

}  // namespace etrace::it
