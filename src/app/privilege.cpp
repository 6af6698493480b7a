#include "app/privilege.h"

#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <fmt/format.h>

namespace etrace {

Credentials current_credentials() {
  Credentials c;
  uid_t r, e, s;
  if (getresuid(&r, &e, &s) == 0) c.ruid = r, c.euid = e, c.suid = s;
  gid_t rg, eg, sg;
  if (getresgid(&rg, &eg, &sg) == 0) c.rgid = rg, c.egid = eg, c.sgid = sg;
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3]{};
  if (syscall(SYS_capget, &header, data) == 0) {
    auto join = [](std::uint32_t lo, std::uint32_t hi) { return std::uint64_t{hi} << 32 | lo; };
    c.permitted = join(data[0].permitted, data[1].permitted);
    c.effective = join(data[0].effective, data[1].effective);
    c.inheritable = join(data[0].inheritable, data[1].inheritable);
  }
  for (int cap = 0; cap < 64; ++cap) {
    const int set = prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, cap, 0, 0);
    if (set < 0) break;  // past the kernel's last capability
    if (set) c.ambient |= std::uint64_t{1} << cap;
  }
  return c;
}

std::string privilege_gain(const Credentials& c) {
  constexpr const char* kHow =
      "remove the set-user-ID bit and file capabilities from etrace and grant access with sudo instead "
      "(see README, \"Giving a team access\")";
  if (c.euid != c.ruid || c.suid != c.ruid)
    return fmt::format("refusing to run set-user-ID (real uid {}, effective uid {}): it would give every user "
                       "that uid's access to all processes and files; {}",
                       c.ruid, c.euid, kHow);
  if (c.egid != c.rgid || c.sgid != c.rgid)
    return fmt::format("refusing to run set-group-ID (real gid {}, effective gid {}): it would give every user "
                       "that group's access; {}",
                       c.rgid, c.egid, kHow);
  // Root had every capability already; anyone else may hold only those handed down to it.
  const std::uint64_t gained = (c.permitted | c.effective) & ~(c.ambient | c.inheritable);
  if (c.ruid != 0 && gained != 0)
    return fmt::format("refusing to run with capabilities its user (uid {}) was not given (0x{:x}, from file "
                       "capabilities on etrace): they would let every user trace all processes; {}",
                       c.ruid, gained, kHow);
  return {};
}

}  // namespace etrace
