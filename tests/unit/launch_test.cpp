// -u USER: a name or a uid, and nothing that merely looks like one.
#include <gtest/gtest.h>

#include "app/fatal.h"
#include "app/launch.h"

namespace etrace {
namespace {

TEST(Launch, UserByNameOrUid) {
  EXPECT_EQ(resolve_user("root").uid, 0u);
  EXPECT_EQ(resolve_user("0").name, "root");
}

// A uid past uid_t wrapped around: 4294967296 ran the command as root; a longer one crashed.
TEST(Launch, UidsOutOfRangeAreUnknownUsers) {
  for (const char* bad : {"4294967296", "4294967295", "99999999999999999999", "-1", "+0", " 0"}) {
    try {
      const RunAs r = resolve_user(bad);
      ADD_FAILURE() << bad << " resolved to uid " << r.uid;
    } catch (const Fatal& e) {
      EXPECT_EQ(std::string(e.what()), std::string("Cannot find user '") + bad + "'");
    } catch (const std::exception& e) {
      ADD_FAILURE() << bad << ": " << e.what();
    }
  }
}

}  // namespace
}  // namespace etrace
