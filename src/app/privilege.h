// etrace sees every process's memory and writes files where it is told: run with more
// privilege than its caller has (a set-user-ID root install, file capabilities), it would hand
// that privilege to whoever runs it (-u root, -o /etc/..., -p of root's processes, a command
// that inherits root). So it refuses to run in that case, first thing in main, and says how to
// grant access safely instead (sudo rules for a group; README "Giving a team access").
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace etrace {

// What the kernel says about the running process's identity.
struct Credentials {
  std::uint32_t ruid = 0, euid = 0, suid = 0;
  std::uint32_t rgid = 0, egid = 0, sgid = 0;
  std::uint64_t permitted = 0, effective = 0, inheritable = 0, ambient = 0;  // capability sets
};

// The current process's credentials (getresuid, getresgid, capget, PR_CAP_AMBIENT).
Credentials current_credentials();

// Why these credentials hold privilege the caller did not have: "" when they do not. The
// caller's privilege is its real uid and gid; for a caller that is not root, the capabilities
// it could pass on (ambient or inheritable). Set-user-ID and set-group-ID bits and file
// capabilities gained at exec are what it catches.
std::string privilege_gain(const Credentials& c);

}  // namespace etrace
