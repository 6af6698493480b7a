// Guards for tracing a live host (README, "Tracing a live host"), each on real programs.
#include <unistd.h>

#include <functional>
#include <sstream>

#include "harness.h"

namespace etrace::it {
namespace {

bool wait_for(const std::function<bool()>& done, int timeout_ms = 15000) {
  for (int waited = 0; waited < timeout_ms; waited += 50) {
    if (done()) return true;
    usleep(50 * 1000);
  }
  return done();
}

int nice_of(int pid) {
  const std::string stat = read_file("/proc/" + std::to_string(pid) + "/stat");
  std::istringstream in(stat.substr(stat.rfind(')') + 2));
  std::string field;
  for (int i = 3; i <= 19 && in >> field; ++i) {
  }
  return std::stoi(field);  // field 19: nice
}

// --nice sets etrace's own priority; it wins over ETRACE_NICE, which still works alone.
TEST(Guards, NiceSetsTheTracersPriority) {
  ETRACE_REQUIRE_ROOT();
  struct Case {
    std::vector<std::string> prefix;
    int expected;
  };
  for (const Case& c : {Case{{etrace_bin(), "--nice", "7"}, 7}, Case{{"/usr/bin/env", "ETRACE_NICE=3", etrace_bin()}, 3},
                        Case{{"/usr/bin/env", "ETRACE_NICE=3", etrace_bin(), "--nice=-4"}, -4}}) {
    const std::string out = temp_path("nice.txt");
    std::vector<std::string> argv = c.prefix;
    argv.insert(argv.end(), {"-o", out, "-e", "trace=clock_nanosleep,nanosleep", "/bin/sleep", "1"});
    Background tracer(argv);
    ASSERT_TRUE(wait_for([&] { return read_file(out).find("nanosleep(") != std::string::npos; }));
    // env execs etrace: the pid stays the same.
    EXPECT_EQ(nice_of(tracer.pid()), c.expected) << argv[1];
    EXPECT_EQ(tracer.wait(10), 0);
    unlink(out.c_str());
  }
}

}  // namespace
}  // namespace etrace::it
