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

// -u USER: who the command runs as, resolved before anything starts.
struct RunAs {
  uid_t uid = 0;
  gid_t gid = 0;
  std::string name;  // for initgroups()
};

// The user named by -u (a name from the password database, or a uid that has an entry there;
// strace takes only names); throws Fatal
// ("Cannot find user 'x'", as strace says it) when there is none.
RunAs resolve_user(const std::string& name);

// The environment the command gets: etrace's own, with each -E applied in order
// ("VAR=VAL" sets VAR, "VAR" removes it).
std::vector<std::string> command_environment(const std::vector<std::string>& base,
                                             const std::vector<std::string>& changes);

struct LaunchOptions {
  std::vector<std::string> env_changes;  // -E, in order
  const RunAs* user = nullptr;           // -u
};

class PendingChild {
 public:
  // Forks; the child waits until release(), then (as `opts.user`, with `opts.env_changes`)
  // execs `path` with `argv`.
  PendingChild(const std::string& path, const std::vector<std::string>& argv, const LaunchOptions& opts = {});
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
