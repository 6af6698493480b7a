#include "proc/procfs.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <array>
#include <climits>
#include <cstdlib>
#include <cstring>

namespace etrace {
namespace {

class RealProcFs final : public ProcFs {
 public:
  ~RealProcFs() override {
    if (diag_fd_ >= 0) ::close(diag_fd_);
  }

  std::optional<std::string> read_link(const std::string& path) override {
    std::array<char, PATH_MAX> buf;
    ssize_t n = ::readlink(path.c_str(), buf.data(), buf.size());
    if (n < 0) return std::nullopt;
    return std::string(buf.data(), static_cast<std::size_t>(n));
  }

  std::optional<std::string> read_file(const std::string& path) override {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    std::string out;
    std::array<char, 16384> buf;
    // procfs files report size 0: read until EOF.
    for (;;) {
      ssize_t n = ::read(fd, buf.data(), buf.size());
      if (n < 0) {
        ::close(fd);
        return std::nullopt;
      }
      if (n == 0) break;
      out.append(buf.data(), static_cast<std::size_t>(n));
    }
    ::close(fd);
    return out;
  }

  std::optional<std::vector<std::string>> list_dir(const std::string& path) override {
    DIR* d = ::opendir(path.c_str());
    if (!d) return std::nullopt;
    std::vector<std::string> names;
    while (dirent* e = ::readdir(d)) {
      if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
      names.emplace_back(e->d_name);
    }
    ::closedir(d);
    return names;
  }

  std::optional<std::string> get_xattr(const std::string& path, const std::string& name) override {
    std::array<char, 256> buf;
    ssize_t n = ::getxattr(path.c_str(), name.c_str(), buf.data(), buf.size());
    if (n < 0) return std::nullopt;
    std::string v(buf.data(), static_cast<std::size_t>(n));
    while (!v.empty() && v.back() == '\0') v.pop_back();
    return v;
  }

  std::optional<FileStat> stat(const std::string& path) override {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    return FileStat{st.st_mode, st.st_rdev, st.st_ino};
  }

  std::optional<std::string> real_path(const std::string& path) override {
    char* p = ::realpath(path.c_str(), nullptr);
    if (!p) return std::nullopt;
    std::string out(p);
    std::free(p);
    return out;
  }

  std::optional<UnixSockInfo> unix_diag(std::uint64_t inode) override;

 private:
  int diag_socket();
  int diag_fd_ = -1;
  bool diag_failed_ = false;
};

int RealProcFs::diag_socket() {
  if (diag_fd_ >= 0 || diag_failed_) return diag_fd_;
  diag_fd_ = ::socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
  if (diag_fd_ < 0) {
    diag_failed_ = true;
    return -1;
  }
  // The resolver runs on the printing path: a slow answer must not stall the trace.
  timeval tv{0, 100 * 1000};
  ::setsockopt(diag_fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  return diag_fd_;
}

std::optional<UnixSockInfo> RealProcFs::unix_diag(std::uint64_t inode) {
  int fd = diag_socket();
  if (fd < 0 || inode > UINT32_MAX) return std::nullopt;
  struct {
    nlmsghdr nlh;
    unix_diag_req req;
  } msg{};
  static std::uint32_t seq = 0;
  msg.nlh.nlmsg_len = sizeof msg;
  msg.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  msg.nlh.nlmsg_flags = NLM_F_REQUEST;
  msg.nlh.nlmsg_seq = ++seq;
  msg.req.sdiag_family = AF_UNIX;
  msg.req.udiag_states = ~0u;
  msg.req.udiag_ino = static_cast<std::uint32_t>(inode);
  msg.req.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER;
  msg.req.udiag_cookie[0] = msg.req.udiag_cookie[1] = ~0u;  // INET_DIAG_NOCOOKIE
  sockaddr_nl kernel{};
  kernel.nl_family = AF_NETLINK;
  if (::sendto(fd, &msg, sizeof msg, 0, reinterpret_cast<sockaddr*>(&kernel), sizeof kernel) < 0)
    return std::nullopt;

  alignas(nlmsghdr) std::array<char, 8192> buf;
  for (;;) {  // skip stale answers to an earlier request that timed out
    ssize_t n = ::recv(fd, buf.data(), buf.size(), 0);
    if (n <= 0) return std::nullopt;
    auto* h = reinterpret_cast<nlmsghdr*>(buf.data());
    int len = static_cast<int>(n);
    // NLMSG_OK compares the header's __u32 length with an int length: clang warns inside the macro.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wsign-compare"
    for (; NLMSG_OK(h, len); h = NLMSG_NEXT(h, len)) {
#pragma GCC diagnostic pop
      if (h->nlmsg_seq != seq) continue;
      if (h->nlmsg_type != SOCK_DIAG_BY_FAMILY) return std::nullopt;  // NLMSG_ERROR: not found
      auto* m = static_cast<unix_diag_msg*>(NLMSG_DATA(h));
      if (m->udiag_ino != inode) return std::nullopt;
      UnixSockInfo info;
      int rlen = static_cast<int>(h->nlmsg_len - NLMSG_LENGTH(sizeof *m));
      for (auto* a = reinterpret_cast<rtattr*>(m + 1); RTA_OK(a, rlen); a = RTA_NEXT(a, rlen)) {
        if (a->rta_type == UNIX_DIAG_NAME)
          info.name.assign(static_cast<const char*>(RTA_DATA(a)), RTA_PAYLOAD(a));
        else if (a->rta_type == UNIX_DIAG_PEER && RTA_PAYLOAD(a) >= sizeof(std::uint32_t))
          info.peer = *static_cast<const std::uint32_t*>(RTA_DATA(a));
      }
      // A path name may carry its terminating NUL; an abstract one starts with NUL instead.
      while (info.name.size() > 1 && info.name[0] != '\0' && info.name.back() == '\0')
        info.name.pop_back();
      return info;
    }
  }
}

}  // namespace

std::unique_ptr<ProcFs> make_real_procfs() { return std::make_unique<RealProcFs>(); }

}  // namespace etrace
