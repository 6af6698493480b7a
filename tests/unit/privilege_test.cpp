// The refusal to run with privilege the caller lacks: set-user-ID, set-group-ID, file capabilities.
#include <gtest/gtest.h>

#include "app/privilege.h"

namespace etrace {
namespace {

constexpr std::uint64_t kBpfPerfmon = (1ull << 39) | (1ull << 38);
constexpr std::uint64_t kAll = (1ull << 41) - 1;

Credentials user(std::uint32_t uid, std::uint32_t gid) {
  Credentials c;
  c.ruid = c.euid = c.suid = uid;
  c.rgid = c.egid = c.sgid = gid;
  return c;
}

TEST(Privilege, RootAndPlainUsersRun) {
  Credentials root = user(0, 0);
  root.permitted = root.effective = kAll;
  EXPECT_EQ(privilege_gain(root), "");
  EXPECT_EQ(privilege_gain(user(1000, 1000)), "");
}

TEST(Privilege, SetUserIdRootIsRefused) {
  Credentials c = user(65534, 65534);
  c.euid = c.suid = 0;
  c.permitted = c.effective = kAll;
  const std::string why = privilege_gain(c);
  EXPECT_NE(why.find("set-user-ID (real uid 65534, effective uid 0)"), std::string::npos) << why;
  EXPECT_NE(why.find("sudo"), std::string::npos) << why;
  EXPECT_EQ(why.find('\n'), std::string::npos);
}

TEST(Privilege, SavedUidAloneIsRefused) {
  Credentials c = user(1000, 1000);
  c.suid = 0;  // could switch back to root at any time
  EXPECT_NE(privilege_gain(c), "");
}

TEST(Privilege, SetGroupIdIsRefused) {
  Credentials c = user(1000, 1000);
  c.egid = c.sgid = 0;
  EXPECT_NE(privilege_gain(c).find("set-group-ID (real gid 1000, effective gid 0)"), std::string::npos);
}

TEST(Privilege, FileCapabilitiesGainedAtExecAreRefused) {
  Credentials c = user(65534, 65534);
  c.permitted = c.effective = kBpfPerfmon;
  const std::string why = privilege_gain(c);
  EXPECT_NE(why.find("capabilities its user (uid 65534) was not given (0xc000000000, "), std::string::npos) << why;
  c.effective = 0;  // permitted alone can be raised to effective at will
  EXPECT_NE(privilege_gain(c), "");
}

TEST(Privilege, CapabilitiesHandedDownByTheCallerAreAllowed) {
  Credentials ambient = user(1000, 1000);
  ambient.permitted = ambient.effective = ambient.ambient = ambient.inheritable = kBpfPerfmon;
  EXPECT_EQ(privilege_gain(ambient), "");
  Credentials inheritable = user(1000, 1000);
  inheritable.permitted = inheritable.effective = inheritable.inheritable = kBpfPerfmon;
  EXPECT_EQ(privilege_gain(inheritable), "");
  inheritable.permitted |= 1ull << 21;  // CAP_SYS_ADMIN on top: not handed down
  EXPECT_NE(privilege_gain(inheritable), "");
}

TEST(Privilege, ThisTestRunsWithoutGainedPrivilege) { EXPECT_EQ(privilege_gain(current_credentials()), ""); }

}  // namespace
}  // namespace etrace
