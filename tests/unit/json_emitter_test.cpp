// The JSON Lines backend: every produced line is parsed back with nlohmann::json and its keys
// checked, so the test fails on malformed JSON as well as on a wrong value.
#include "format/json_emitter.h"

#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace etrace {
namespace {

using nlohmann::json;

std::vector<json> parse_lines(const std::string& out) {
  std::vector<json> lines;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) lines.push_back(json::parse(line));  // throws on bad JSON
  EXPECT_TRUE(out.empty() || out.back() == '\n');
  return lines;
}

LineInfo info(std::uint32_t pid = 1234, std::uint32_t tid = 1234) {
  LineInfo i;
  i.tgid = pid;
  i.tid = tid;
  i.ts_ns = 5'000'000'123;
  i.nr = 257;
  return i;
}

class JsonEmitterTest : public ::testing::Test {
 protected:
  std::string out;
  JsonEmitter e{out};
};

// openat(AT_FDCWD</tmp>, "/etc/passwd", O_RDONLY|O_CLOEXEC) = 3</etc/passwd>
TEST_F(JsonEmitterTest, SuccessfulCall) {
  e.begin_call(info(), "openat");
  e.arg("dirfd");
  e.symbol("AT_FDCWD", -100);
  e.arg("pathname");
  e.string("/etc/passwd", false);
  e.arg("flags");
  const std::string_view names[] = {"O_RDONLY", "O_CLOEXEC"};
  e.flags(names, 02000000, 0);
  CallResult r;
  r.kind = CallResult::Kind::Fd;
  r.value = 3;
  r.decoration = "/etc/passwd";
  e.end_call(r);

  auto lines = parse_lines(out);
  ASSERT_EQ(lines.size(), 1u);
  const json& l = lines[0];
  EXPECT_EQ(l["type"], "syscall");
  EXPECT_EQ(l["pid"], 1234);
  EXPECT_EQ(l["tid"], 1234);
  EXPECT_EQ(l["ts_ns"], 5'000'000'123);
  EXPECT_EQ(l["nr"], 257);
  EXPECT_EQ(l["syscall"], "openat");
  EXPECT_EQ(l["args"]["dirfd"], json::parse(R"({"raw":-100,"name":"AT_FDCWD"})"));
  EXPECT_EQ(l["args"]["pathname"], "/etc/passwd");
  EXPECT_EQ(l["args"]["flags"], json::parse(R"({"raw":524288,"names":["O_RDONLY","O_CLOEXEC"]})"));
  EXPECT_EQ(l["ret"], 3);
  EXPECT_EQ(l["ret_decoration"], "/etc/passwd");
  EXPECT_FALSE(l.contains("error"));
  // Argument order is kept, as a reader of the line expects.
  EXPECT_EQ(out.find("\"dirfd\"") < out.find("\"pathname\""), true);
}

TEST_F(JsonEmitterTest, FailedCallCarriesErrno) {
  e.begin_call(info(), "openat");
  e.arg("dirfd");
  e.fd(3, "/tmp");
  e.arg("pathname");
  e.string("missing", false);
  CallResult r;
  r.value = -2;
  r.errno_name = "ENOENT";
  r.errno_text = "No such file or directory";
  e.end_call(r);
  auto l = parse_lines(out).at(0);
  EXPECT_EQ(l["ret"], -1);
  EXPECT_EQ(l["ret_raw"], -2);
  EXPECT_EQ(l["error"], "ENOENT");
  EXPECT_EQ(l["error_text"], "No such file or directory");
  EXPECT_EQ(l["args"]["dirfd"], json::parse(R"({"fd":3,"decoration":"/tmp"})"));
}

// newfstatat(3, "", {st_mode=S_IFREG|0644, st_size=41727, ...}, AT_EMPTY_PATH) and
// pipe2([3, 4], O_CLOEXEC), execve(..., 0x7ffd /* 23 vars */)
TEST_F(JsonEmitterTest, StructsArraysEllipsisAndComments) {
  e.begin_call(info(), "newfstatat");
  e.arg("dirfd");
  e.fd(3, "");
  e.arg("statbuf");
  e.begin_struct();
  e.field("st_mode");
  const std::string_view mode[] = {"S_IFREG"};
  e.flags(mode, 0100644, 0644);
  e.field("st_size");
  e.integer(41727);
  e.ellipsis();
  e.end_struct();
  e.arg("fds");
  e.begin_array();
  e.element();
  e.fd(3, "pipe:[7791]");
  e.element();
  e.integer(4);
  e.ellipsis();
  e.end_array();
  e.arg("envp");
  e.pointer(0x7ffd1000);
  e.comment("23 vars");
  e.arg("buf");
  e.pointer(0);
  e.arg("mode");
  e.octal(0644);
  e.end_call(CallResult{});

  auto l = parse_lines(out).at(0);
  const json& a = l["args"];
  EXPECT_EQ(a["dirfd"], 3);
  EXPECT_EQ(a["statbuf"]["st_mode"], json::parse(R"({"raw":33188,"names":["S_IFREG"],"unknown":420})"));
  EXPECT_EQ(a["statbuf"]["st_size"], 41727);
  EXPECT_EQ(a["statbuf"]["..."], true);
  EXPECT_EQ(a["fds"], json::parse(R"([{"fd":3,"decoration":"pipe:[7791]"},4,"..."])"));
  EXPECT_EQ(a["envp"], json::parse(R"({"value":"0x7ffd1000","comment":"23 vars"})"));
  EXPECT_TRUE(a["buf"].is_null());
  EXPECT_EQ(a["mode"], 420);
  EXPECT_EQ(l["ret"], 0);
}

TEST_F(JsonEmitterTest, StringsValidInvalidAndTruncated) {
  e.begin_call(info(), "write");
  e.arg("plain");
  e.string("caf\xc3\xa9\n", false);
  e.arg("binary");
  e.string(std::string_view("\x00\xff\x01", 3), false);
  e.arg("cut");
  e.string("abc", true);
  e.arg("cut_binary");
  e.string("\xc3", true);
  e.end_call(CallResult{});
  auto a = parse_lines(out).at(0)["args"];
  EXPECT_EQ(a["plain"], "caf\xc3\xa9\n");
  EXPECT_EQ(a["binary"], json::parse(R"({"hex":"00ff01"})"));
  EXPECT_EQ(a["cut"], json::parse(R"({"str":"abc","truncated":true})"));
  EXPECT_EQ(a["cut_binary"], json::parse(R"({"hex":"c3","truncated":true})"));
}

// socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) and prlimit64's RLIM64_INFINITY: a value shown in
// parts under -X verbose is one flag set here; an unsigned value keeps its unsigned number.
TEST_F(JsonEmitterTest, FlagPartsAreOneSetAndUnsignedSymbolsStayUnsigned) {
  e.begin_call(info(), "socket");
  e.arg("type");
  const std::string_view type[] = {"SOCK_STREAM"}, flags[] = {"SOCK_CLOEXEC"};
  const Emitter::FlagPart parts[] = {{type, 1, 0}, {flags, 02000000, 0}};
  e.flag_parts(parts);
  e.arg("rlim_max");
  e.symbol("RLIM64_INFINITY", -1, Emitter::Radix::Udec);
  e.end_call({});
  auto a = parse_lines(out).at(0)["args"];
  EXPECT_EQ(a["type"], json::parse(R"({"raw":524289,"names":["SOCK_STREAM","SOCK_CLOEXEC"]})"));
  EXPECT_EQ(a["rlim_max"], json::parse(R"({"raw":18446744073709551615,"name":"RLIM64_INFINITY"})"));
}

TEST_F(JsonEmitterTest, SignalExitLostLines) {
  e.signal_line(info(), "SIGCHLD");
  e.begin_struct();
  e.field("si_signo");
  e.symbol("SIGCHLD", 17);
  e.field("si_pid");
  e.integer(9324);
  e.end_struct();
  e.end_signal();
  e.exit_line(info(), 0, false, "", false);
  e.exit_line(info(77, 77), 0, true, "SIGKILL", false);
  e.lost_line(info(), 1234);

  auto lines = parse_lines(out);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0]["type"], "signal");
  EXPECT_EQ(lines[0]["signal"], "SIGCHLD");
  EXPECT_EQ(lines[0]["siginfo"]["si_signo"]["name"], "SIGCHLD");
  EXPECT_EQ(lines[0]["siginfo"]["si_pid"], 9324);
  EXPECT_EQ(lines[1]["type"], "exit");
  EXPECT_EQ(lines[1]["status"], 0);
  EXPECT_FALSE(lines[1].contains("killed"));
  EXPECT_EQ(lines[2]["killed"], true);
  EXPECT_EQ(lines[2]["signal"], "SIGKILL");
  EXPECT_EQ(lines[2]["core"], false);
  EXPECT_EQ(lines[2]["pid"], 77);
  EXPECT_EQ(lines[3]["type"], "lost");
  EXPECT_EQ(lines[3]["count"], 1234);
}

// read(3, <unfinished ...> then <... read resumed>"hi", 10) = 2; exit_group(0) = ?
TEST_F(JsonEmitterTest, UnfinishedResumedAndNoReturn) {
  e.begin_call(info(), "read");
  e.arg("fd");
  e.fd(3, "");
  e.end_unfinished();
  e.begin_resumed(info(), "read");
  e.arg("buf");
  e.string("hi", false);
  e.arg("count");
  e.uinteger(10);
  CallResult r;
  r.value = 2;
  e.end_call(r);
  e.begin_call(info(), "exit_group");
  e.arg("status");
  e.integer(0);
  CallResult none;
  none.kind = CallResult::Kind::Unknown;
  e.end_call(none);

  auto lines = parse_lines(out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["type"], "unfinished");
  EXPECT_EQ(lines[0]["args"]["fd"], 3);
  EXPECT_FALSE(lines[0].contains("ret"));
  EXPECT_EQ(lines[1]["type"], "resumed");
  EXPECT_EQ(lines[1]["syscall"], "read");
  EXPECT_EQ(lines[1]["args"]["buf"], "hi");
  EXPECT_EQ(lines[1]["ret"], 2);
  EXPECT_TRUE(lines[2]["ret"].is_null());
}

// sendfile(4, 3, [0] => [16], 16) = 16: the value written back sits beside the one that went in.
TEST_F(JsonEmitterTest, ValueWrittenBackHasItsOwnKey) {
  e.begin_call(info(), "sendfile");
  e.arg("offset");
  e.begin_array();
  e.element();
  e.uinteger(0);
  e.end_array();
  e.changed("offset");
  e.begin_array();
  e.element();
  e.uinteger(16);
  e.end_array();
  e.arg("count");
  e.uinteger(16);
  CallResult r;
  r.value = 16;
  e.end_call(r);
  auto lines = parse_lines(out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["args"].dump(), R"({"count":16,"offset":[0],"offset_out":[16]})");
}

TEST_F(JsonEmitterTest, ContainerLeftOpenDoesNotSwallowNextArgument) {
  e.begin_call(info(), "x");
  e.arg("a");
  e.begin_struct();
  e.field("f");
  e.integer(1);
  e.arg("b");  // no end_struct
  e.integer(2);
  e.end_call(CallResult{});
  auto a = parse_lines(out).at(0)["args"];
  EXPECT_EQ(a["a"]["f"], 1);
  EXPECT_EQ(a["b"], 2);
}

// -e write=1 with --json: the bytes follow the call as their own line, in hex (binary-safe).
TEST(JsonDumpLine, CarriesTheCallsBytesInHex) {
  const auto lines = parse_lines(json_dump_line(info(1234, 1235), "write", 1, std::string("hi\n\0\xff", 5)));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["type"], "dump");
  EXPECT_EQ(lines[0]["pid"], 1234);
  EXPECT_EQ(lines[0]["tid"], 1235);
  EXPECT_EQ(lines[0]["ts_ns"], 5'000'000'123);
  EXPECT_EQ(lines[0]["syscall"], "write");
  EXPECT_EQ(lines[0]["fd"], 1);
  EXPECT_EQ(lines[0]["hex"], "68690a00ff");
}

TEST(Utf8Test, Validation) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("ascii"));
  EXPECT_TRUE(is_valid_utf8("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"));
  EXPECT_FALSE(is_valid_utf8("\xc3"));              // cut short
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xe0\x80\xaf"));      // overlong
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xff"));
}

// A traced program's strings leave as ASCII: control bytes, DEL and C1 (CSI is U+009B) as
// \\uXXXX, and they parse back to the same text.
TEST_F(JsonEmitterTest, StringsFromTheProgramLeaveAsAscii) {
  const std::string name = "\x1b]0;T\a\x1b[2J\r\n\x7f\xc2\x9b" "2J \xc3\xa9";
  e.begin_call(info(), "openat");
  e.arg("pathname");
  e.string(name, false);
  e.arg("flags");
  e.verbatim(name);
  CallResult r;
  r.value = 3;
  r.decoration = name;
  e.end_call(r);
  for (char c : out) EXPECT_TRUE(c == '\n' || (c >= 0x20 && c < 0x7f)) << int(c) << " in " << out;
  EXPECT_NE(out.find(R"(\u001b]0;T\u0007\u001b[2J\r\n\u007f\u009b2J \u00e9)"), std::string::npos) << out;
  auto l = parse_lines(out).at(0);
  EXPECT_EQ(l["args"]["pathname"], name);
  EXPECT_EQ(l["args"]["flags"], name);
  EXPECT_EQ(l["ret_decoration"], name);
}

}  // namespace
}  // namespace etrace
