#include "app/launch.h"

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "app/fatal.h"
#include "format/escape.h"

extern char** environ;

namespace etrace {

RunAs resolve_user(const std::string& name) {
  errno = 0;
  const passwd* pw = getpwnam(name.c_str());
  // A uid: only one that fits uid_t and is not (uid_t)-1; 4294967296 must not wrap to root.
  std::uint32_t uid = 0;
  const char* end = name.data() + name.size();
  if (!pw && !name.empty()) {
    auto [p, ec] = std::from_chars(name.data(), end, uid);
    if (ec == std::errc() && p == end && uid != UINT32_MAX) pw = getpwuid(static_cast<uid_t>(uid));
  }
  if (!pw) throw Fatal("Cannot find user '" + name + "'");
  return {pw->pw_uid, pw->pw_gid, pw->pw_name};
}

std::vector<std::string> command_environment(const std::vector<std::string>& base,
                                             const std::vector<std::string>& changes) {
  std::vector<std::string> env = base;
  for (const auto& c : changes) {
    const auto eq = c.find('=');
    const std::string var = c.substr(0, eq);
    std::erase_if(env, [&](const std::string& e) { return e.compare(0, var.size(), var) == 0 && e.size() > var.size() && e[var.size()] == '='; });
    if (eq != std::string::npos) env.push_back(c);
  }
  return env;
}

std::string resolve_command(const std::string& name) {
  struct stat st;
  auto fail = [&](int err) {
    throw Fatal("Can't stat '" + name + "': " + std::strerror(err));
  };
  if (name.find('/') != std::string::npos) {
    if (stat(name.c_str(), &st) != 0) fail(errno);
    return name;
  }
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t colon = dirs.find(':', start);
    if (colon == std::string::npos) colon = dirs.size();
    std::string dir = dirs.substr(start, colon - start);
    std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
    if (stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(candidate.c_str(), X_OK) == 0)
      return candidate;
    start = colon + 1;
  }
  fail(ENOENT);
  return {};
}

PendingChild::PendingChild(const std::string& path, const std::vector<std::string>& argv,
                           const LaunchOptions& opts) {
  // Everything that allocates happens before fork.
  std::vector<std::string> base;
  for (char** e = environ; e && *e; ++e) base.emplace_back(*e);
  const std::vector<std::string> env = command_environment(base, opts.env_changes);
  std::vector<char*> envp;
  for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  // The child's own messages, escaped now: the names are the operator's, or found on PATH.
  const std::string shown_user = opts.user ? printable(opts.user->name) : std::string();
  const std::string shown_path = printable(path);
  int fds[2], ready[2];
  if (pipe2(fds, O_CLOEXEC) != 0) throw Fatal(std::string("pipe: ") + std::strerror(errno));
  if (pipe2(ready, O_CLOEXEC) != 0) {
    close(fds[0]);
    close(fds[1]);
    throw Fatal(std::string("pipe: ") + std::strerror(errno));
  }
  pid_ = fork();
  if (pid_ < 0) {
    for (int fd : {fds[0], fds[1], ready[0], ready[1]}) close(fd);
    throw Fatal(std::string("fork: ") + std::strerror(errno));
  }
  if (pid_ == 0) {
    close(fds[1]);
    close(ready[0]);
    // -u before tracing starts: strace shows its command from the execve on, not the user
    // switch (initgroups reads /etc/group, asks nscd, ...).
    if (opts.user) {
      if (initgroups(opts.user->name.c_str(), opts.user->gid) != 0 || setgid(opts.user->gid) != 0 ||
          setuid(opts.user->uid) != 0) {
        dprintf(2, "etrace: cannot run as '%s': %s\n", shown_user.c_str(), std::strerror(errno));
        _exit(126);
      }
    }
    // Ready, then wait for the go: the parent attaches in between. The read is the only call
    // in progress then, and exit-only tracing skips its exit (Session::skip_next_exit).
    (void)!write(ready[1], "r", 1);
    char go = 0;
    ssize_t n;
    do n = read(fds[0], &go, 1);
    while (n < 0 && errno == EINTR);
    if (n != 1 || go != 'g') _exit(127);
    execve(path.c_str(), args.data(), opts.env_changes.empty() ? environ : envp.data());
    const int err = errno;
    // The trace shows the failed execve; say it on stderr too, as strace does.
    dprintf(2, "etrace: exec '%s': %s\n", shown_path.c_str(), std::strerror(err));
    _exit(err == ENOENT ? 127 : 126);
  }
  close(fds[0]);
  close(ready[1]);
  go_fd_ = fds[1];
  char r = 0;
  ssize_t n;
  do n = read(ready[0], &r, 1);
  while (n < 0 && errno == EINTR);
  close(ready[0]);
  if (n != 1) {  // the child could not become the user: it said why
    close(go_fd_);
    go_fd_ = -1;
    int status = 0;
    waitpid(pid_, &status, 0);
    throw Fatal("", WIFEXITED(status) ? WEXITSTATUS(status) : 126);
  }
}

void PendingChild::release() {
  if (go_fd_ < 0) return;
  const char go = 'g';
  (void)!write(go_fd_, &go, 1);
  close(go_fd_);
  go_fd_ = -1;
}

void PendingChild::abandon() {
  if (go_fd_ >= 0) {
    close(go_fd_);
    go_fd_ = -1;
    int status;
    waitpid(pid_, &status, 0);
  }
}

PendingChild::~PendingChild() { abandon(); }

int shell_status(int wait_status) {
  if (WIFEXITED(wait_status)) return WEXITSTATUS(wait_status);
  if (WIFSIGNALED(wait_status)) return 128 + WTERMSIG(wait_status);
  return 1;
}

}  // namespace etrace
