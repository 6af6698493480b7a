// Whole lines compared with what /usr/bin/strace 6.1 printed for the same calls.
#include <gtest/gtest.h>

#include "format/text_emitter.h"

namespace etrace {
namespace {

TEST(TextEmitter, PadsReturnValueToColumn40) {
  std::string out;
  TextEmitter e(out, {});
  e.begin_call({}, "close");
  e.arg("fd");
  e.integer(3);
  e.end_call({});
  EXPECT_EQ(out, "close(3)                                = 0\n");
}

TEST(TextEmitter, LongLinesGetOneSpace) {
  std::string out;
  TextEmitter e(out, {});
  e.begin_call({}, "openat");
  e.arg("dirfd");
  e.symbol("AT_FDCWD", -100);
  e.arg("pathname");
  e.string("/usr/lib/locale/locale-archive", false);
  std::string_view names[] = {"O_RDONLY", "O_CLOEXEC"};
  e.arg("flags");
  e.flags(names, 0x80000, 0);
  CallResult r;
  r.value = -1;
  r.errno_name = "ENOENT";
  r.errno_text = "No such file or directory";
  e.end_call(r);
  EXPECT_EQ(out,
            "openat(AT_FDCWD, \"/usr/lib/locale/locale-archive\", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No "
            "such file or directory)\n");
}

TEST(TextEmitter, PidPrefixes) {
  std::string out;
  TextEmitter bracket(out, {});
  LineInfo info;
  info.tid = 4786;
  info.show_pid = true;
  bracket.begin_call(info, "write");
  bracket.arg("fd");
  bracket.integer(1);
  bracket.arg("buf");
  bracket.string("a\n", false);
  bracket.arg("count");
  bracket.uinteger(2);
  CallResult two;
  two.value = 2;
  bracket.end_call(two);
  EXPECT_EQ(out, "[pid  4786] write(1, \"a\\n\", 2)          = 2\n");

  out.clear();
  TextOptions o;
  o.pid_style = TextOptions::PidStyle::Column;
  TextEmitter column(out, o);
  info.tid = 5418;
  column.exit_line(info, 0, false, {}, false);
  EXPECT_EQ(out, "5418  +++ exited with 0 +++\n");
}

// strace -f -o FILE: "%-5d " before every line, whichever thread it is (the emitter keeps the
// last tid's prefix; switching threads must not reuse it).
TEST(TextEmitter, PidColumnFollowsTheThread) {
  std::string out;
  TextOptions o;
  o.pid_style = TextOptions::PidStyle::Column;
  TextEmitter column(out, o);
  LineInfo info;
  info.show_pid = true;
  for (std::uint32_t tid : {5418u, 77u, 5418u, 123456u}) {
    info.tid = tid;
    column.exit_line(info, 0, false, {}, false);
  }
  EXPECT_EQ(out,
            "5418  +++ exited with 0 +++\n"
            "77    +++ exited with 0 +++\n"
            "5418  +++ exited with 0 +++\n"
            "123456 +++ exited with 0 +++\n");
}

TEST(TextEmitter, StructsArraysAndComments) {
  std::string out;
  TextEmitter e(out, {});
  e.begin_call({}, "execve");
  e.arg("pathname");
  e.string("/usr/bin/cat", false);
  e.arg("argv");
  e.begin_array();
  e.element();
  e.string("cat", false);
  e.element();
  e.string("/etc/", true);
  e.end_array();
  e.arg("envp");
  e.pointer(0x7ffca290a278);
  e.comment("37 vars");
  e.end_call({});
  EXPECT_EQ(out, "execve(\"/usr/bin/cat\", [\"cat\", \"/etc/\"...], 0x7ffca290a278 /* 37 vars */) = 0\n");

  out.clear();
  e.signal_line({}, "SIGCHLD");
  e.begin_struct();
  e.field("si_signo");
  e.symbol("SIGCHLD", 17);
  e.field("si_pid");
  e.integer(5418);
  e.end_struct();
  e.end_signal();
  EXPECT_EQ(out, "--- SIGCHLD {si_signo=SIGCHLD, si_pid=5418} ---\n");
}

TEST(TextEmitter, UnfinishedAndResumed) {
  std::string out;
  TextEmitter e(out, {});
  LineInfo info;
  info.tid = 77;
  info.show_pid = true;
  e.begin_call(info, "read");
  e.arg("fd");
  e.integer(0);
  e.arg("buf");
  e.end_unfinished();
  e.begin_resumed(info, "read");
  e.arg("buf");
  e.string("x", false);
  e.arg("count");
  e.integer(1);
  CallResult one;
  one.value = 1;
  e.end_call(one);
  EXPECT_EQ(out,
            "[pid    77] read(0,  <unfinished ...>\n"
            "[pid    77] <... read resumed>\"x\", 1)   = 1\n");
}

}  // namespace
}  // namespace etrace

#include <cstdlib>
#include <ctime>

namespace etrace {
namespace {

void write_hi(TextEmitter& e, const LineInfo& info) {
  e.begin_call(info, "write");
  e.arg("fd");
  e.integer(1);
  e.arg("buf");
  e.string("hi\n", false);
  e.arg("count");
  e.uinteger(3);
  CallResult three;
  three.value = 3;
  e.end_call(three);
}

// Epoch seconds 1795714553 is 17:35:53 UTC; strace ran with TZ unset on a UTC machine.
constexpr std::uint64_t kTs = 1795714553ull * 1000000000ull + 761866000ull;

struct Utc {
  Utc() {
    setenv("TZ", "UTC", 1);
    tzset();
  }
};

// strace -tt -T -n: "17:35:53.761866 [   1] write(1, "hi\n", 3) = 3 <0.000004>"
TEST(TextEmitterTime, MicrosecondClockNumbersAndDuration) {
  Utc utc;
  std::string out;
  TextOptions o;
  o.timestamps = 2;
  o.durations = true;
  o.numbers = true;
  TextEmitter e(out, o);
  LineInfo info;
  info.ts_ns = kTs;
  info.nr = 1;
  info.duration_ns = 4200;
  write_hi(e, info);
  EXPECT_EQ(out, "17:35:53.761866 [   1] write(1, \"hi\\n\", 3) = 3 <0.000004>\n");
  out.clear();
  info.nr = 231;
  e.exit_line(info, 0, false, {}, false);
  EXPECT_EQ(out, "17:35:53.761866 [ 231] +++ exited with 0 +++\n");
}

// strace -t: "17:35:53 write(...)"; -ttt: "1795714553.784875 write(1, "hi\n", 3)   = 3"
TEST(TextEmitterTime, SecondsAndEpoch) {
  Utc utc;
  std::string out;
  TextOptions o;
  o.timestamps = 1;
  TextEmitter t(out, o);
  LineInfo info;
  info.ts_ns = kTs;
  t.exit_line(info, 0, false, {}, false);
  EXPECT_EQ(out, "17:35:53 +++ exited with 0 +++\n");
  out.clear();
  o.timestamps = 3;
  TextEmitter ttt(out, o);
  info.ts_ns = 1795714553ull * 1000000000ull + 784875000ull;
  write_hi(ttt, info);
  EXPECT_EQ(out, "1795714553.784875 write(1, \"hi\\n\", 3)   = 3\n");
}

// strace -r: "     0.000000 write(1, "hi\n", 3)       = 3" then "     0.000114 +++ exited with 0 +++"
TEST(TextEmitterTime, Relative) {
  std::string out;
  TextOptions o;
  o.relative = true;
  TextEmitter e(out, o);
  LineInfo info;
  info.ts_ns = 5000000000ull;
  write_hi(e, info);
  info.ts_ns += 114000;
  e.exit_line(info, 0, false, {}, false);
  EXPECT_EQ(out,
            "     0.000000 write(1, \"hi\\n\", 3)       = 3\n"
            "     0.000114 +++ exited with 0 +++\n");
}

// strace -r -t: "17:55:20 (+     0.000000) execve(...)", then "17:55:20 (+     0.000297) brk(NULL)"
TEST(TextEmitterTime, RelativeBesideAbsolute) {
  Utc utc;
  std::string out;
  TextOptions o;
  o.timestamps = 1;
  o.relative = true;
  TextEmitter e(out, o);
  LineInfo info;
  info.ts_ns = kTs;
  e.exit_line(info, 0, false, {}, false);
  info.ts_ns += 297000;
  e.exit_line(info, 0, false, {}, false);
  EXPECT_EQ(out,
            "17:35:53 (+     0.000000) +++ exited with 0 +++\n"
            "17:35:53 (+     0.000297) +++ exited with 0 +++\n");
}

// strace -a 10: "write(1, "hi\n", 3) = 3"
TEST(TextEmitterTime, ColumnOption) {
  std::string out;
  TextOptions o;
  o.column = 10;
  TextEmitter e(out, o);
  write_hi(e, {});
  EXPECT_EQ(out, "write(1, \"hi\\n\", 3) = 3\n");
}

// strace -f -Y: "[pid 22216<true>] exit_group(0)         = ?"; strace -f -Y -o: "7175<true> +++ exited with 0 +++"
TEST(TextEmitterTime, CommBesideThePid) {
  std::string out;
  TextOptions o;
  o.comm_of = [](std::uint32_t tid) { return tid == 22216 || tid == 7175 ? std::string("true") : std::string(); };
  TextEmitter e(out, o);
  LineInfo info;
  info.tid = 22216;
  info.show_pid = true;
  e.begin_call(info, "exit_group");
  e.arg("status");
  e.integer(0);
  CallResult unknown;
  unknown.kind = CallResult::Kind::Unknown;
  e.end_call(unknown);
  EXPECT_EQ(out, "[pid 22216<true>] exit_group(0)         = ?\n");
  out.clear();
  o.pid_style = TextOptions::PidStyle::Column;
  TextEmitter c(out, o);
  info.tid = 7175;
  c.exit_line(info, 0, false, {}, false);
  info.tid = 7176;  // no comm known: the plain form
  c.exit_line(info, 0, false, {}, false);
  EXPECT_EQ(out, "7175<true> +++ exited with 0 +++\n7176  +++ exited with 0 +++\n");
}

// A program names itself: strace -f -Y shows getpid() = 9056<\33]0;T\7\33[2J\r> and escapes
// '<' and '>' (a\76b\74c\"d\\e) so the brackets stay unambiguous.
TEST(TextEmitterTime, CommIsEscapedAsStraceEscapesIt) {
  std::string out;
  TextOptions o;
  o.comm_of = [](std::uint32_t tid) {
    return tid == 1 ? std::string("\x1b]0;T\a\x1b[2J\r\n") : std::string("a>b<c\"d\\e\xc3\xa9\x7f" "1");
  };
  TextEmitter e(out, o);
  LineInfo info;
  info.tid = 1;
  info.show_pid = true;
  e.exit_line(info, 0, false, {}, false);
  info.tid = 2;
  e.exit_line(info, 0, false, {}, false);
  EXPECT_EQ(out,
            "[pid     1<\\33]0;T\\7\\33[2J\\r\\n>] +++ exited with 0 +++\n"
            "[pid     2<a\\76b\\74c\\\"d\\\\e\\303\\251\\1771>] +++ exited with 0 +++\n");
  for (char c : out) EXPECT_TRUE(c == '\n' || (c >= 0x20 && c < 0x7f)) << int(c);
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

// The head of a read that blocks: "read(0, " (strace leaves the ", " before the buffer).
void read_head(TextEmitter& e, const LineInfo& info) {
  e.begin_call(info, "read");
  e.arg("fd");
  e.integer(0);
  e.arg("");
}

// ... and its tail once it returned.
void read_tail(TextEmitter& e, std::string_view data, std::int64_t count, std::int64_t ret) {
  e.arg("buf");
  e.string(data, false);
  e.arg("count");
  e.integer(count);
  CallResult r;
  r.value = ret;
  e.end_call(r);
}

// strace prints a call's start at entry; the line completes in place when nothing else is
// printed before the call returns, else it ends with " <unfinished ...>" and resumes later.
TEST(TextEmitterOpenLine, CompletesInPlaceWhenNothingIntervenes) {
  std::string out;
  TextEmitter e(out, {});
  LineInfo info;
  info.tid = 7;
  read_head(e, info);
  ASSERT_TRUE(e.hold_open());
  EXPECT_EQ(out, "read(0, ");  // visible while the call blocks
  out.clear();                 // the head was flushed to the terminal meanwhile
  ASSERT_TRUE(e.resume_open(info));
  read_tail(e, "x", 1, 1);
  // Together: "read(0, \"x\", 1)                         = 1", padded as one line.
  EXPECT_EQ("read(0, " + out, "read(0, \"x\", 1)                         = 1\n");
}

TEST(TextEmitterOpenLine, CompletedInPlaceWithTheCallsDuration) {
  std::string out;
  TextOptions o;
  o.durations = true;
  TextEmitter e(out, o);
  LineInfo head;
  head.tid = 7;
  read_head(e, head);
  ASSERT_TRUE(e.hold_open());
  LineInfo done = head;
  done.duration_ns = 999'501'000;
  ASSERT_TRUE(e.resume_open(done));
  read_tail(e, "hi\n", 131072, 3);
  // strace -T: read(0, "hi\n", 131072)                 = 3 <0.999501>
  EXPECT_EQ(out, "read(0, \"hi\\n\", 131072)                 = 3 <0.999501>\n");
}

TEST(TextEmitterOpenLine, DetachingEndsItAsStraceDoes) {
  std::string out;
  TextEmitter e(out, {});
  LineInfo info;
  info.tid = 7;
  read_head(e, info);
  e.hold_open();
  e.close_open_detached();
  e.close_open();  // nothing left open
  EXPECT_EQ(out, "read(0,  <detached ...>\n");
}

TEST(TextEmitterOpenLine, AnotherLineClosesItAsUnfinished) {
  std::string out;
  TextEmitter e(out, {});
  LineInfo a;
  a.tid = 7;
  a.show_pid = true;
  LineInfo b = a;
  b.tid = 8;
  read_head(e, a);
  e.hold_open();
  e.exit_line(b, 0, false, {}, false);
  EXPECT_FALSE(e.resume_open(a));
  EXPECT_EQ(out,
            "[pid     7] read(0,  <unfinished ...>\n"
            "[pid     8] +++ exited with 0 +++\n");
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

// -X raw / -X verbose, against strace 6.1:
//   openat(-100, "/etc/ld.so.cache", 0x80000) = 3
//   openat(-100 /* AT_FDCWD */, "/etc/ld.so.cache", 0x80000 /* O_RDONLY|O_CLOEXEC */) = 3
TEST(TextEmitterXlat, RawAndVerboseConstants) {
  for (auto [style, want] : {std::pair{TextOptions::Xlat::Raw, "openat(-100, \"/etc/ld.so.cache\", 0x80000) = 3\n"},
                             std::pair{TextOptions::Xlat::Verbose,
                                       "openat(-100 /* AT_FDCWD */, \"/etc/ld.so.cache\", 0x80000 /* "
                                       "O_RDONLY|O_CLOEXEC */) = 3\n"}}) {
    std::string out;
    TextOptions o;
    o.xlat = style;
    o.column = 0;
    TextEmitter e(out, o);
    e.begin_call({}, "openat");
    e.arg("dirfd");
    e.symbol("AT_FDCWD", -100, Emitter::Radix::Dec);
    e.arg("pathname");
    e.string("/etc/ld.so.cache", false);
    e.arg("flags");
    std::string_view names[] = {"O_RDONLY", "O_CLOEXEC"};
    e.flags(names, 0x80000, 0);
    CallResult r;
    r.value = 3;
    e.end_call(r);
    EXPECT_EQ(out, want);
  }
}

}  // namespace
}  // namespace etrace
