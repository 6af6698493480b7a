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
