// Starting the traced command so that tracing begins exactly at its execve: the child is
// forked first and waits on a pipe until the BPF side has its pid, then execs.
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

namespace etrace {

// The file execve will run for `name`: as given when it contains '/', else searched in PATH
// as execvp does. Throws Fatal ("Can't stat 'x': No such file or directory") when not found.
std::string resolve_command(const std::string& name);

class PendingChild {
 public:
  // Forks; the child waits until release(), then execs `path` with `argv`.
  PendingChild(const std::string& path, const std::vector<std::string>& argv);
  ~PendingChild();
  PendingChild(const PendingChild&) = delete;
  PendingChild& operator=(const PendingChild&) = delete;

  pid_t pid() const { return pid_; }
  void release();  // let it exec
  void abandon();  // make it exit without exec (tracing could not start)

 private:
  pid_t pid_ = -1;
  int go_fd_ = -1;
};

// Exit status of a shell for a wait status: code, or 128+signal.
int shell_status(int wait_status);

}  // namespace etrace
