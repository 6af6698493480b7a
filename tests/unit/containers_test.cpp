// Finding containers in a cgroup v2 tree: the names docker, podman, containerd, CRI-O and
// systemd-nspawn give their cgroups, in a fake tree made for each test.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "proc/containers.h"

namespace etrace {
namespace {

namespace fs = std::filesystem;

const std::string kDocker = "3f2a9c0d1e2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5";
const std::string kDocker2 = "3f2a9c77777777777777777777777777777777777777777777777777777777aa";
const std::string kPodman = "aa00bb11cc22dd33ee44ff5566778899aabbccddeeff00112233445566778899";
const std::string kCri = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

class ContainerTree : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("etrace-cgroups-" + std::to_string(getpid()));
    fs::remove_all(root_);
    mk("system.slice/docker-" + kDocker + ".scope/init");
    mk("system.slice/docker-" + kDocker2 + ".scope");
    mk("machine.slice/libpod-" + kPodman + ".scope/container");
    mk("machine.slice/libpod-conmon-" + kPodman + ".scope");
    mk("machine.slice/machine-web\\x2d1.scope/payload");
    mk("kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod12.slice/cri-containerd-" + kCri + ".scope");
    mk("docker/" + std::string(64, 'e'));
    mk("user.slice/user-1000.slice/session-3.scope");
  }
  void TearDown() override { fs::remove_all(root_); }
  void mk(const std::string& rel) { fs::create_directories(root_ / rel); }
  std::string root() const { return root_.native(); }
  fs::path root_;
};

TEST(Containers, Cgroup2MountFromProcMounts) {
  EXPECT_EQ(cgroup2_mount("sysfs /sys sysfs rw 0 0\n"
                          "tmpfs /sys/fs/cgroup tmpfs ro 0 0\n"
                          "cgroup2 /sys/fs/cgroup/unified cgroup2 rw,nosuid 0 0\n"
                          "cgroup /sys/fs/cgroup/memory cgroup rw,memory 0 0\n"),
            "/sys/fs/cgroup/unified");
  EXPECT_EQ(cgroup2_mount("none /a\\040b cgroup2 rw 0 0\n"), "/a b");
  EXPECT_EQ(cgroup2_mount("cgroup /sys/fs/cgroup/cpu cgroup rw 0 0\n"), "");
}

TEST(Containers, DirectoryNames) {
  auto ref = container_of_dir("docker-" + kDocker + ".scope", "system.slice");
  ASSERT_TRUE(ref);
  EXPECT_EQ(ref->runtime, "docker");
  EXPECT_EQ(ref->id, kDocker);
  EXPECT_EQ(container_of_dir("cri-containerd-" + kCri + ".scope", "x")->runtime, "containerd");
  EXPECT_EQ(container_of_dir("crio-" + kCri + ".scope", "x")->runtime, "cri-o");
  EXPECT_EQ(container_of_dir("libpod-" + kPodman, "libpod_parent")->runtime, "podman");
  EXPECT_EQ(container_of_dir("machine-web\\x2d1.scope", "machine.slice")->id, "web-1");
  EXPECT_EQ(container_of_dir(kCri, "docker")->runtime, "docker");
  EXPECT_FALSE(container_of_dir("libpod-conmon-" + kPodman + ".scope", "machine.slice"));
  EXPECT_FALSE(container_of_dir("docker-1234.scope", "system.slice"));  // not a 64-digit id
  EXPECT_FALSE(container_of_dir("session-3.scope", "user-1000.slice"));
  EXPECT_FALSE(container_of_dir("docker.service", "system.slice"));
}

TEST_F(ContainerTree, FullIdPrefixAndName) {
  auto full = find_container(root(), kDocker);
  ASSERT_TRUE(full.match) << full.error;
  EXPECT_EQ(full.match->path, root() + "/system.slice/docker-" + kDocker + ".scope");
  auto prefix = find_container(root(), "aa00bb");
  ASSERT_TRUE(prefix.match) << prefix.error;
  EXPECT_EQ(prefix.match->ref.runtime, "podman");
  EXPECT_EQ(prefix.match->path, root() + "/machine.slice/libpod-" + kPodman + ".scope");
  auto cri = find_container(root(), kCri.substr(0, 5));
  ASSERT_TRUE(cri.match) << cri.error;
  EXPECT_EQ(cri.match->ref.runtime, "containerd");
  auto machine = find_container(root(), "web-1");
  ASSERT_TRUE(machine.match) << machine.error;
  EXPECT_EQ(machine.match->path, root() + "/machine.slice/machine-web\\x2d1.scope");
  auto cgroupfs = find_container(root(), "eeee");
  ASSERT_TRUE(cgroupfs.match) << cgroupfs.error;
  EXPECT_EQ(cgroupfs.match->path, root() + "/docker/" + std::string(64, 'e'));
}

TEST_F(ContainerTree, AmbiguousAndMissingAreOneLine) {
  auto two = find_container(root(), "3f2a9c");
  EXPECT_FALSE(two.match);
  EXPECT_EQ(two.error, "--container: '3f2a9c' is ambiguous: it begins 2 container ids (3f2a9c0d1e2b, 3f2a9c777777); "
                       "give more of the id");
  // A longer prefix tells them apart.
  EXPECT_TRUE(find_container(root(), "3f2a9c0").match);
  auto none = find_container(root(), "feed");
  EXPECT_FALSE(none.match);
  EXPECT_NE(none.error.find("no container 'feed' under " + root()), std::string::npos) << none.error;
  EXPECT_EQ(none.error.find('\n'), std::string::npos);
  EXPECT_FALSE(find_container(root(), "web").match);  // a machine's name is not a prefix
}

TEST_F(ContainerTree, CgroupIdsNameTheirContainer) {
  ContainerNames names(root());
  struct stat st {};
  ASSERT_EQ(stat((root() + "/system.slice/docker-" + kDocker + ".scope/init").c_str(), &st), 0);
  EXPECT_EQ(names.id_of(st.st_ino), kDocker);
  ASSERT_EQ(stat((root() + "/machine.slice/machine-web\\x2d1.scope").c_str(), &st), 0);
  EXPECT_EQ(names.id_of(st.st_ino), "web-1");
  ASSERT_EQ(stat((root() + "/user.slice/user-1000.slice/session-3.scope").c_str(), &st), 0);
  EXPECT_EQ(names.id_of(st.st_ino), "");
}

}  // namespace
}  // namespace etrace
