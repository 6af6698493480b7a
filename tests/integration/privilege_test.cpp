// An etrace installed set-user-ID root or with file capabilities refuses to run for a user
// who lacks that privilege: it would otherwise hand root's view of the machine to anyone.
// Each case first checks, with a control program given the same bit, that the privilege
// really takes effect in the test's directory (no nosuid mount, xattrs supported).
#include <linux/capability.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <filesystem>

#include "harness.h"

namespace etrace::it {
namespace {

namespace fs = std::filesystem;

// A directory only root may write to, removed with everything in it.
class RootDir {
 public:
  RootDir() {
    path_ = temp_path("privilege");
    fs::create_directory(path_);
    chmod(path_.c_str(), 0755);
  }
  ~RootDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

std::string copy_of(const std::string& from, const std::string& to, mode_t mode) {
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
  chmod(to.c_str(), mode);
  return to;
}

// The file capabilities `setcap cap_bpf,cap_perfmon+ep` writes.
bool give_bpf_capabilities(const std::string& path) {
  vfs_cap_data caps{};
  caps.magic_etc = VFS_CAP_REVISION_2 | VFS_CAP_FLAGS_EFFECTIVE;
  caps.data[1].permitted = (1u << (CAP_BPF - 32)) | (1u << (CAP_PERFMON - 32));
  return setxattr(path.c_str(), "security.capability", &caps, XATTR_CAPS_SZ_2, 0) == 0;
}

RunResult as_nobody(std::vector<std::string> argv) {
  argv.insert(argv.begin(), {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"});
  return run(argv);
}

#define REQUIRE_SETPRIV()                                                             \
  do {                                                                                \
    ETRACE_REQUIRE_ROOT();                                                            \
    if (access("/usr/bin/setpriv", X_OK) != 0) GTEST_SKIP() << "needs setpriv";       \
  } while (0)

void expect_refused(const RunResult& r, const std::string& why) {
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(lines_of(r.err).size(), 1u) << r.err;
  EXPECT_EQ(r.err.rfind("etrace: refusing to run " + why, 0), 0u) << r.err;
  EXPECT_NE(r.err.find("sudo"), std::string::npos) << r.err;
}

TEST(Privilege, SetUserIdRootInstallRefusesOtherUsers) {
  REQUIRE_SETPRIV();
  RootDir dir;
  const std::string id = copy_of("/usr/bin/id", dir / "id", 04755);
  if (as_nobody({id, "-u"}).out != "0\n") GTEST_SKIP() << "set-user-ID bits do not take effect under /tmp";
  const std::string etrace = copy_of(etrace_bin(), dir / "etrace", 04755);
  expect_refused(as_nobody({etrace, "-e", "trace=none", "/bin/sh", "-p", "-c", "id -u; wc -c /etc/shadow"}),
                 "set-user-ID (real uid 65534, effective uid 0)");
  // -o would have created a root-owned file where nobody may write.
  expect_refused(as_nobody({etrace, "-o", dir / "out", "true"}), "set-user-ID");
  EXPECT_FALSE(fs::exists(dir / "out"));
  // Attaching to root's processes: refused before the pid is even looked at.
  expect_refused(as_nobody({etrace, "-p", "1"}), "set-user-ID");
  // The same binary, run by root itself, works.
  RunResult ok = run({etrace, "-e", "trace=none", "true"});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

TEST(Privilege, SetGroupIdInstallRefusesOtherUsers) {
  REQUIRE_SETPRIV();
  RootDir dir;
  const std::string etrace = copy_of(etrace_bin(), dir / "etrace", 02755);
  expect_refused(as_nobody({etrace, "-e", "trace=none", "true"}), "set-group-ID (real gid 65534, effective gid 0)");
}

TEST(Privilege, FileCapabilitiesRefuseUsersWhoLackThem) {
  REQUIRE_SETPRIV();
  RootDir dir;
  const std::string cat = copy_of("/bin/cat", dir / "cat", 0755);
  if (!give_bpf_capabilities(cat)) GTEST_SKIP() << "no file capabilities here: " << strerror(errno);
  if (as_nobody({cat, "/proc/self/status"}).out.find("CapEff:\t000000c000000000") == std::string::npos)
    GTEST_SKIP() << "file capabilities do not take effect under /tmp";
  const std::string etrace = copy_of(etrace_bin(), dir / "etrace", 0755);
  ASSERT_TRUE(give_bpf_capabilities(etrace));
  // A directory nobody may write to: only the refusal keeps the file from being made.
  const std::string open_dir = dir / "open";
  fs::create_directory(open_dir);
  chmod(open_dir.c_str(), 01777);
  const std::string out = open_dir + "/trace.txt";
  expect_refused(as_nobody({etrace, "-o", out, "-e", "trace=none", "true"}),
                 "with capabilities its user (uid 65534) was not given (0xc000000000");
  EXPECT_FALSE(fs::exists(out));
  expect_refused(as_nobody({etrace, "-p", "1"}), "with capabilities");
}

}  // namespace
}  // namespace etrace::it
