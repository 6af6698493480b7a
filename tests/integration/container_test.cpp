// Containers made here as a runtime makes them, with no runtime: a process in a cgroup named
// like docker's scope (docker-<64 hex>.scope, under a directory the test creates in the cgroup2
// tree), in its own pid namespace (unshare --pid --fork --mount-proc). etrace finds it by an id
// prefix and must show the pids, command name and container id the container itself reports.
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "harness.h"

namespace etrace::it {
namespace {

std::string cgroup2_dir() {
  for (const auto& line : lines_of(read_file("/proc/self/mounts"))) {
    std::istringstream in(line);
    std::string dev, dir, type;
    in >> dev >> dir >> type;
    if (type == "cgroup2") return dir;
  }
  return {};
}

bool has_unshare() { return run({"/usr/bin/unshare", "--pid", "--fork", "--mount-proc", "true"}).exit_code == 0; }

// Polls `what` every 100 ms for up to `seconds`.
template <typename Fn>
bool wait_until(Fn&& what, int seconds) {
  for (int i = 0; i < seconds * 10; ++i) {
    if (what()) return true;
    usleep(100 * 1000);
  }
  return what();
}

// The process in `procs` (a cgroup.procs file) that lives in a pid namespace below ours: its
// /proc status has two NSpid numbers.
int inner_pid(const std::string& procs) {
  for (const auto& p : lines_of(read_file(procs))) {
    for (const auto& line : lines_of(read_file("/proc/" + p + "/status")))
      if (line.rfind("NSpid:", 0) == 0 && std::count(line.begin(), line.end(), '\t') == 2) return std::stoi(p);
  }
  return 0;
}

class Container : public ::testing::Test {
 protected:
  void SetUp() override {
    if (geteuid() != 0) {
      GTEST_SKIP() << "needs root to load BPF";
    }
    root_ = cgroup2_dir();
    if (root_.empty()) {
      GTEST_SKIP() << "no cgroup v2 hierarchy mounted";
    }
    if (!has_unshare()) {
      GTEST_SKIP() << "unshare --pid cannot run here";
    }
    char hex[65];
    std::snprintf(hex, sizeof(hex), "e7ace%08x%051x", static_cast<unsigned>(getpid()), 0xc0ffeeu);
    id_ = hex;
    slice_ = root_ + "/etrace-it-" + std::to_string(getpid()) + ".slice";
    scope_ = slice_ + "/docker-" + id_ + ".scope";
    ASSERT_EQ(mkdir(slice_.c_str(), 0755), 0) << slice_;
    ASSERT_EQ(mkdir(scope_.c_str(), 0755), 0) << scope_;
  }
  void TearDown() override {
    if (!scope_.empty()) {
      EXPECT_EQ(rmdir(scope_.c_str()), 0) << "cgroup left behind: " << scope_;
    }
    if (!slice_.empty()) {
      EXPECT_EQ(rmdir(slice_.c_str()), 0) << "cgroup left behind: " << slice_;
    }
  }
  std::string root_, id_, slice_, scope_;
};

TEST_F(Container, TracedByIdPrefixWithItsOwnPids) {
  const std::string marker = temp_path("container-stop");
  const std::string said = temp_path("container-said");
  unlink(marker.c_str());
  Background box({"/bin/sh", "-c",
                  "echo $$ > " + scope_ + "/cgroup.procs && exec /usr/bin/unshare --pid --fork --mount-proc " +
                      prog("in_container") + " " + marker},
                 said);
  ASSERT_TRUE(wait_until([&] { return read_file(said).find("nspid=") != std::string::npos; }, 30)) << read_file(said);
  const int host_pid = inner_pid(scope_ + "/cgroup.procs");
  ASSERT_GT(host_pid, 0);
  std::string nspid, comm;
  {
    std::istringstream in(read_file(said));
    std::string a, b;
    in >> a >> b;
    nspid = a.substr(6);
    comm = b.substr(5);
  }
  ASSERT_EQ(nspid, "1") << "the first process of a new pid namespace";

  const std::string json_out = temp_path("container.json");
  const std::string text_out = temp_path("container.txt");
  Background json({etrace_bin(), "--container", id_.substr(0, 12), "--json", "-e", "trace=getpid,kill", "-o", json_out});
  Background text({etrace_bin(), "--container", id_.substr(0, 12), "--pidns-translation", "-Y", "-e",
                   "trace=getpid,kill", "-o", text_out});
  const bool seen = wait_until(
      [&] {
        return read_file(json_out).find("\"getpid\"") != std::string::npos &&
               read_file(text_out).find("getpid()") != std::string::npos;
      },
      60);
  std::ofstream(marker) << "stop\n";
  EXPECT_EQ(box.wait(30), 0);
  json.signal(SIGINT);
  text.signal(SIGINT);
  json.wait(10);
  text.wait(10);
  ASSERT_TRUE(seen) << read_file(json_out) << read_file(text_out);

  const std::string host = std::to_string(host_pid);
  int getpids = 0;
  for (const auto& line : lines_of(read_file(json_out))) {
    auto j = nlohmann::json::parse(line);
    if (j.value("type", "") != "syscall") continue;
    EXPECT_EQ(j["pid"], host_pid) << line;
    EXPECT_EQ(j["pidns_pid"], std::stoi(nspid)) << line;
    EXPECT_EQ(j["container_id"], id_) << line;
    if (j["syscall"] == "getpid") {
      ++getpids;
      EXPECT_EQ(j["ret"], std::stoi(nspid)) << line;
    }
  }
  EXPECT_GT(getpids, 0);
  // strace's words: the number the process sees, then etrace's, with -Y's command name.
  std::string t;
  for (const auto& line : lines_of(read_file(text_out))) t += squeeze(line) + "\n";
  EXPECT_NE(t.find(host + "<" + comm + "> getpid() = " + nspid + " /* " + host + " in strace's PID NS */"),
            std::string::npos)
      << t;
  EXPECT_NE(t.find(host + "<" + comm + "> kill(" + nspid + " /* " + host + " in strace's PID NS */, 0) = 0"),
            std::string::npos)
      << t;
  for (const auto& p : {marker, said, json_out, text_out}) unlink(p.c_str());
}

TEST_F(Container, UnknownOrAmbiguousIdIsOneLine) {
  const std::string twin = slice_ + "/docker-" + id_.substr(0, 13) + std::string(51, 'a') + ".scope";
  ASSERT_EQ(mkdir(twin.c_str(), 0755), 0);
  auto amb = run({etrace_bin(), "--container", id_.substr(0, 12), "-e", "trace=getpid"});
  auto none = run({etrace_bin(), "--container", "feedfacefeed", "-e", "trace=getpid"});
  rmdir(twin.c_str());
  EXPECT_EQ(amb.exit_code, 1);
  EXPECT_EQ(lines_of(amb.err).size(), 1u) << amb.err;
  EXPECT_NE(amb.err.find("is ambiguous"), std::string::npos) << amb.err;
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_EQ(none.err, "etrace: --container: no container 'feedfacefeed' under " + root_ +
                          " (searched for docker-, libpod-, cri-containerd-, crio-ID.scope, machine-NAME.scope and "
                          "the cgroupfs forms)\n");
}

// etrace inside a pid namespace of its own: getpid() there is 1, not the tgid the kernel
// reports, and etrace must still leave its own calls out. etrace runs in a cgroup the test makes
// and traces that cgroup, where only it and the ticker runs live.
TEST(PidNamespace, EtraceInsideOneDoesNotTraceItself) {
  ETRACE_REQUIRE_ROOT();
  const std::string root = cgroup2_dir();
  if (root.empty()) GTEST_SKIP() << "no cgroup v2 hierarchy mounted";
  if (!has_unshare()) GTEST_SKIP() << "unshare --pid cannot run here";
  const std::string cg = root + "/etrace-it-self-" + std::to_string(getpid());
  ASSERT_EQ(mkdir(cg.c_str(), 0755), 0) << cg;
  const std::string out = temp_path("self-ns.txt");
  Background tracer({"/bin/sh", "-c",
                     "echo $$ > " + cg + "/cgroup.procs && exec /usr/bin/unshare --pid --fork --mount-proc " +
                         etrace_bin() + " -f --cgroup " + cg + " -e trace=access,write,epoll_wait,epoll_pwait,ppoll -o " +
                         out});
  const std::string tick = "echo $$ > " + cg + "/cgroup.procs && exec " + prog("ticker") + " 2";
  const bool seen = wait_until(
      [&] {
        run({"/bin/sh", "-c", tick});
        return read_file(out).find("/etrace-tick-main") != std::string::npos;
      },
      60);
  run({"/bin/sh", "-c", tick});  // etrace's writes of these lines would be traced, were it not left out
  std::istringstream kids(read_file("/proc/" + std::to_string(tracer.pid()) + "/task/" +
                                    std::to_string(tracer.pid()) + "/children"));
  int etrace_pid = 0;
  kids >> etrace_pid;
  ASSERT_GT(etrace_pid, 0);
  kill(etrace_pid, SIGINT);  // unshare waits for etrace, its child
  EXPECT_NE(tracer.wait(20), -1) << "etrace did not stop";
  const std::string text = read_file(out);
  EXPECT_TRUE(seen) << text.substr(0, 2000);
  for (const auto& line : lines_of(text))
    EXPECT_NE(line.rfind(std::to_string(etrace_pid) + " ", 0), 0u) << "etrace traced itself: " << line;
  unlink(out.c_str());
  EXPECT_EQ(rmdir(cg.c_str()), 0) << "cgroup left behind: " << cg;
}

}  // namespace
}  // namespace etrace::it
