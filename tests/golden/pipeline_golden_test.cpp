// Raw records, as the BPF side writes them, replayed through the whole userspace path
// (validation, pairing, pid prefixes, decoding, text) and compared byte for byte with what
// /usr/bin/strace 6.1 printed for the same calls on this machine (pids and addresses as there).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstring>

#include "app/pipeline.h"
#include "format/json_emitter.h"
#include "format/text_emitter.h"
#include "support/record_builder.h"

namespace etrace {
namespace {

using testing::RecordBuilder;

constexpr long kWrite = 1, kExitGroup = 231, kOpenat = 257;

std::string replay(const std::vector<std::vector<std::uint8_t>>& records, TextOptions topts = {},
                   PipelineOptions popts = {}) {
  std::string out;
  TextEmitter text(out, topts);
  Pipeline pipeline(popts, text);
  for (const auto& r : records) EXPECT_TRUE(pipeline.on_record(r));
  return out;
}

TEST(Golden, SingleProcessLinesAsStracePrintsThem) {
  // strace -e trace=write,exit_group sh -c 'echo b' printed these three lines.
  const std::string out = replay({
      RecordBuilder::syscall(5417, 5417, kWrite, {1, 0x55d0, 2}, 2).payload(1, ETRACE_PL_BYTES, "b\n", 2).build(),
      RecordBuilder::syscall(5417, 5417, kExitGroup, {0}, 0).flags(ETRACE_SC_NO_RETURN).build(),
      RecordBuilder::task_exit(5417, 5417, 0, true),
  });
  EXPECT_EQ(out,
            "write(1, \"b\\n\", 2)                      = 2\n"
            "exit_group(0)                           = ?\n"
            "+++ exited with 0 +++\n");
}

TEST(Golden, FollowedChildGetsPidPrefixesWhileTwoTasksLive) {
  // strace -f (terminal): the child's lines carry "[pid  4786] " while both processes live.
  PipelineOptions popts;
  popts.follow = true;
  const std::string out = replay(
      {
          RecordBuilder::fork(4785, 4785, 4786),
          RecordBuilder::syscall(4786, 4786, kWrite, {1, 0x55d0, 2}, 2).payload(1, ETRACE_PL_BYTES, "a\n", 2).build(),
          RecordBuilder::task_exit(4786, 4786, 0, true),
          RecordBuilder::syscall(4785, 4785, kWrite, {1, 0x55d0, 2}, 2).payload(1, ETRACE_PL_BYTES, "b\n", 2).build(),
      },
      {}, popts);
  EXPECT_EQ(out,
            "[pid  4786] write(1, \"a\\n\", 2)          = 2\n"
            "[pid  4786] +++ exited with 0 +++\n"
            "write(1, \"b\\n\", 2)                      = 2\n");
}

TEST(Golden, OutputFileWithFollowPutsThePidOnEveryLine) {
  // strace -f -o FILE: "5418  write(1, "a\n", 2)                = 2".
  TextOptions topts;
  topts.pid_style = TextOptions::PidStyle::Column;
  PipelineOptions popts;
  popts.follow = true;
  popts.pid_on_every_line = true;
  const std::string out = replay(
      {RecordBuilder::syscall(5418, 5418, kWrite, {1, 0x55d0, 2}, 2).payload(1, ETRACE_PL_BYTES, "a\n", 2).build(),
       RecordBuilder::task_exit(5418, 5418, 0, true)},
      topts, popts);
  EXPECT_EQ(out,
            "5418  write(1, \"a\\n\", 2)                = 2\n"
            "5418  +++ exited with 0 +++\n");
}

TEST(Golden, FailedOpenKilledProcessAndAGap) {
  const std::string out = replay({
      RecordBuilder::syscall(77, 77, kOpenat, {static_cast<std::uint64_t>(-100), 0x55d0, 0x80000}, -2)
          .payload(1, ETRACE_PL_STRING, std::string_view("/usr/lib/locale/locale-archive\0", 31))
          .build(),
      RecordBuilder::syscall(77, 77, kWrite, {1, 0x55d0, 2}, 2)
          .lost_before(1234)
          .payload(1, ETRACE_PL_BYTES, "b\n", 2)
          .build(),
      RecordBuilder::task_exit(77, 77, 15, true),
  });
  EXPECT_EQ(out,
            "openat(AT_FDCWD, \"/usr/lib/locale/locale-archive\", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file "
            "or directory)\n"
            "<... 1234 events lost ...>\n"
            "write(1, \"b\\n\", 2)                      = 2\n"
            "+++ killed by SIGTERM +++\n");
}

TEST(Golden, JsonLinesCarryRawAndSymbolicValues) {
  std::string out;
  JsonEmitter json(out);
  Pipeline pipeline({}, json);
  pipeline.on_record(RecordBuilder::syscall(77, 77, kOpenat, {static_cast<std::uint64_t>(-100), 0x55d0, 0x80000}, 3)
                         .payload(1, ETRACE_PL_STRING, std::string_view("/etc/passwd\0", 12))
                         .build());
  const auto line = nlohmann::json::parse(out);
  EXPECT_EQ(line["syscall"], "openat");
  EXPECT_EQ(line["pid"], 77);
  EXPECT_EQ(line["ret"], 3);
  EXPECT_EQ(line["args"]["pathname"], "/etc/passwd");
  EXPECT_EQ(line["args"]["flags"]["raw"], 0x80000);
  EXPECT_EQ(line["args"]["flags"]["names"], nlohmann::json::array({"O_RDONLY", "O_CLOEXEC"}));
}

// The schema: a failed call's "ret" is -1 as strace shows it, "ret_raw" keeps -errno.
TEST(Golden, JsonFailedCallKeepsMinusErrnoInRetRaw) {
  std::string out;
  JsonEmitter json(out);
  Pipeline pipeline({}, json);
  pipeline.on_record(RecordBuilder::syscall(77, 77, kOpenat, {static_cast<std::uint64_t>(-100), 0x55d0, 0}, -13)
                         .payload(1, ETRACE_PL_STRING, std::string_view("/etc/shadow\0", 12))
                         .build());
  const auto line = nlohmann::json::parse(out);
  EXPECT_EQ(line["ret"], -1);
  EXPECT_EQ(line["ret_raw"], -13);
  EXPECT_EQ(line["error"], "EACCES");
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

TEST(Golden, RtSigreturnShowsTheRestoredMask) {
  // strace: rt_sigreturn({mask=[USR2]})             = 0   (SIGUSR2 is 12: bit 11)
  const std::uint64_t mask = 1ull << 11;
  const std::string out = replay({testing::RecordBuilder::syscall(9, 9, 15, {0}, 0)
                                      .payload(0, ETRACE_PL_BYTES, {reinterpret_cast<const char*>(&mask), 8}, 8)
                                      .build()});
  EXPECT_EQ(out, "rt_sigreturn({mask=[USR2]})             = 0\n");
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

std::string iov_piece(std::uint64_t iov_len, std::uint32_t shown, std::string_view data,
                      std::uint64_t base = 0x7ffd1000, std::uint16_t flags = 0) {
  etrace_iov_piece piece{base, iov_len, shown, static_cast<std::uint16_t>(data.size()), flags};
  std::string out(reinterpret_cast<const char*>(&piece), sizeof(piece));
  out += data;
  out.resize((out.size() + 7) & ~std::size_t{7}, '\0');
  return out;
}

TEST(Golden, ReadvShowsWhatEachBufferReceived) {
  // strace 6.1: readv(3, [{iov_base="vm", iov_len=2}, {iov_base="\n", iov_len=10}], 2) = 3
  //             readv(3, [{iov_base="vm\n", iov_len=4}, {iov_base="", iov_len=4}], 2) = 3
  const std::string a = iov_piece(2, 2, "vm") + iov_piece(10, 1, "\n");
  const std::string b = iov_piece(4, 3, "vm\n") + iov_piece(4, 0, "");
  const std::string out = replay({
      testing::RecordBuilder::syscall(9, 9, 19, {3, 0x7ffd, 2}, 3).payload(1, ETRACE_PL_IOV, a, 2, ETRACE_PLF_AT_EXIT).build(),
      testing::RecordBuilder::syscall(9, 9, 19, {3, 0x7ffd, 2}, 3, 2).payload(1, ETRACE_PL_IOV, b, 2, ETRACE_PLF_AT_EXIT).build(),
  });
  EXPECT_EQ(out,
            "readv(3, [{iov_base=\"vm\", iov_len=2}, {iov_base=\"\\n\", iov_len=10}], 2) = 3\n"
            "readv(3, [{iov_base=\"vm\\n\", iov_len=4}, {iov_base=\"\", iov_len=4}], 2) = 3\n");
}

// strace 6.1 on a program writing to /dev/null (the kernel never reads the buffers there):
//   writev(1, [{iov_base=NULL, iov_len=0}, {iov_base="hello", iov_len=5}], 2) = 5
//   writev(1, [{iov_base=0x1000, iov_len=5}], 1) = 5
//   writev(1, 0x1000, 1) = -1 EFAULT (Bad address)
TEST(Golden, IovBasesThatAreNullOrUnreadable) {
  const std::string a = iov_piece(0, 0, "", 0) + iov_piece(5, 5, "hello");
  const std::string b = iov_piece(5, 5, "", 0x1000, ETRACE_IOV_FAULT);
  const std::string out = replay({
      testing::RecordBuilder::syscall(9, 9, 20, {1, 0x7ffd, 2}, 5).payload(1, ETRACE_PL_IOV, a, 2).build(),
      testing::RecordBuilder::syscall(9, 9, 20, {1, 0x7ffd, 1}, 5, 2).payload(1, ETRACE_PL_IOV, b, 1, ETRACE_PLF_FAULT).build(),
      testing::RecordBuilder::syscall(9, 9, 20, {1, 0x1000, 1}, -14, 3).payload(1, ETRACE_PL_IOV, "", 0, ETRACE_PLF_FAULT).build(),
  });
  EXPECT_EQ(out,
            "writev(1, [{iov_base=NULL, iov_len=0}, {iov_base=\"hello\", iov_len=5}], 2) = 5\n"
            "writev(1, [{iov_base=0x1000, iov_len=5}], 1) = 5\n"
            "writev(1, 0x1000, 1)                    = -1 EFAULT (Bad address)\n");
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

TEST(Golden, SendmsgShowsBuffersAndPassedFds) {
  // strace 6.1 for a sendmsg of two buffers and one fd (SCM_RIGHTS) over a socketpair:
  const char* want =
      "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"abcd\", iov_len=4}, {iov_base=\"efgh\", "
      "iov_len=4}], msg_iovlen=2, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, "
      "cmsg_data=[5]}], msg_controllen=24, msg_flags=0}, 0) = 8\n";
  etrace_msghdr_head head{};
  const std::uint64_t iov_ptr = 0x7ffd0000, iovlen = 2, control_ptr = 0x7ffd1000, controllen = 24;
  std::memcpy(head.msghdr + 16, &iov_ptr, 8);
  std::memcpy(head.msghdr + 24, &iovlen, 8);
  std::memcpy(head.msghdr + 32, &control_ptr, 8);
  std::memcpy(head.msghdr + 40, &controllen, 8);
  head.iov_pieces = 2;
  head.control_len = 24;
  std::string body(reinterpret_cast<const char*>(&head), sizeof(head));
  body += iov_piece(4, 4, "abcd") + iov_piece(4, 4, "efgh");
  const std::uint64_t cmsg_len = 20;
  const std::int32_t level = 1, type = 1, fd = 5;
  std::string cmsg(24, '\0');
  std::memcpy(cmsg.data(), &cmsg_len, 8);
  std::memcpy(cmsg.data() + 8, &level, 4);
  std::memcpy(cmsg.data() + 12, &type, 4);
  std::memcpy(cmsg.data() + 16, &fd, 4);
  body += cmsg;
  const std::string out = replay({testing::RecordBuilder::syscall(9, 9, 46, {3, 0x7ffc, 0}, 8)
                                      .payload(1, ETRACE_PL_MSGHDR, body, 0)
                                      .build()});
  EXPECT_EQ(out, want);
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

TEST(Golden, Clone3ShowsTheTidStoredForTheParent) {
  // strace 6.1, a pthread_create: clone3({flags=...|CLONE_PARENT_SETTID|..., ...} => {parent_tid=[31085]}, 88) = 31085
  std::uint64_t args[11] = {0x3d0f00, 0, 0x7f5e6894b990, 0x7f5e6894b990, 0, 0x7f5e6814b000, 0x7fff80, 0x7f5e6894b6c0,
                            0, 0, 0};
  const std::int32_t tid = 31085;
  const std::string out = replay({testing::RecordBuilder::syscall(9, 9, 435, {0x7ffd, 88}, 31085)
                                      .payload(0, ETRACE_PL_BYTES, {reinterpret_cast<const char*>(args), 88}, 88)
                                      .payload(0, ETRACE_PL_BYTES, {reinterpret_cast<const char*>(&tid), 4}, 0,
                                               ETRACE_PLF_AT_EXIT)
                                      .build()});
  EXPECT_EQ(out,
            "clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|"
            "CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7f5e6894b990, parent_tid=0x7f5e6894b990, "
            "exit_signal=0, stack=0x7f5e6814b000, stack_size=0x7fff80, tls=0x7f5e6894b6c0} => {parent_tid=[31085]}, "
            "88) = 31085\n");
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

std::string msghdr_blob(std::uint64_t iov_ptr, const std::string& pieces, std::uint32_t npieces) {
  etrace_msghdr_head head{};
  const std::uint64_t iovlen = npieces;
  std::memcpy(head.msghdr + 16, &iov_ptr, 8);
  std::memcpy(head.msghdr + 24, &iovlen, 8);
  head.iov_pieces = npieces;
  return std::string(reinterpret_cast<const char*>(&head), sizeof(head)) + pieces;
}

TEST(Golden, RecvmsgShowsTheNameLengthGoingInAndComingOut) {
  // strace 6.1, Python's socket.recvmsg on a socketpair (no sender address: 110 => 0):
  const char* want =
      "recvmsg(4, {msg_name=0x7ffd0edf3c90, msg_namelen=110 => 0, msg_iov=[{iov_base=\"x\", iov_len=1}], "
      "msg_iovlen=1, msg_controllen=0, msg_flags=0}, 0) = 1\n";
  std::string blob = msghdr_blob(0x7ffd, iov_piece(1, 1, "x", 0x7ffd2000), 1);
  const std::uint64_t name = 0x7ffd0edf3c90;
  std::memcpy(blob.data() + offsetof(etrace_msghdr_head, msghdr), &name, 8);  // msg_namelen stays 0
  std::string head_in(12, '\0');
  const std::uint32_t namelen_in = 110;
  std::memcpy(head_in.data(), &name, 8);
  std::memcpy(head_in.data() + 8, &namelen_in, 4);
  const std::string out = replay({testing::RecordBuilder::syscall(9, 9, 47, {4, 0x7ffc, 0}, 1)
                                      .payload(1, ETRACE_PL_BYTES, head_in, 12)
                                      .payload(1, ETRACE_PL_MSGHDR, blob, 0, ETRACE_PLF_AT_EXIT)
                                      .build()});
  EXPECT_EQ(out, want);
}

TEST(Golden, SendmmsgShowsEachMessageAndItsLength) {
  // strace 6.1 (two datagrams over a unix socketpair):
  const char* want =
      "sendmmsg(3, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"one\", iov_len=3}], msg_iovlen=1, "
      "msg_controllen=0, msg_flags=0}, msg_len=3}, {msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"two!\", "
      "iov_len=4}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=4}], 2, 0) = 2\n";
  auto entry = [](std::uint64_t len, const std::string& blob) {
    std::string out(reinterpret_cast<const char*>(&len), 8);
    return out + blob;
  };
  const std::string body = entry(3, msghdr_blob(0x7ffd, iov_piece(3, 3, "one"), 1)) +
                           entry(4, msghdr_blob(0x7ffe, iov_piece(4, 4, "two!"), 1));
  const std::string out = replay({testing::RecordBuilder::syscall(9, 9, 307, {3, 0x7ffc, 2, 0}, 2)
                                      .payload(1, ETRACE_PL_MMSGHDR, body, 2, ETRACE_PLF_AT_EXIT)
                                      .build()});
  EXPECT_EQ(out, want);
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

TEST(Golden, GetdentsCountsWhatTheCallReturned) {
  // strace 6.1, ls /usr/bin: getdents64(3, 0x561280c412a0 /* 974 entries */, 32768) = 32760
  const std::string out = replay({testing::RecordBuilder::syscall(9, 9, 217, {3, 0x561280c412a0, 32768}, 32760)
                                      .payload(1, ETRACE_PL_COUNT, "", 974, ETRACE_PLF_AT_EXIT)
                                      .payload(1, ETRACE_PL_BYTES, std::string(64, '\0'), 32760, ETRACE_PLF_AT_EXIT)
                                      .build()});
  EXPECT_EQ(out, "getdents64(3, 0x561280c412a0 /* 974 entries */, 32768) = 32760\n");
}

}  // namespace
}  // namespace etrace

namespace etrace {
namespace {

TEST(Golden, VerboseGetdentsListsTheCapturedEntriesBesideTheCount) {
  // strace -v: getdents64(3, [{d_ino=2, d_off=1, d_reclen=24, d_type=DT_DIR, d_name="."}], 4096) = 24
  unsigned char rec[24] = {};
  const std::uint64_t ino = 2, doff = 1;
  const std::uint16_t reclen = 24;
  std::memcpy(rec, &ino, 8);
  std::memcpy(rec + 8, &doff, 8);
  std::memcpy(rec + 16, &reclen, 2);
  rec[18] = 4;  // DT_DIR
  rec[19] = '.';
  PipelineOptions popts;
  popts.decode.opts.verbose = true;
  const std::string out = replay({testing::RecordBuilder::syscall(9, 9, 217, {3, 0x5600, 4096}, 24)
                                      .payload(1, ETRACE_PL_COUNT, "", 1, ETRACE_PLF_AT_EXIT)
                                      .payload(1, ETRACE_PL_BYTES, {reinterpret_cast<char*>(rec), 24}, 24, ETRACE_PLF_AT_EXIT)
                                      .build()},
                                 {}, popts);
  EXPECT_EQ(out, "getdents64(3, [{d_ino=2, d_off=1, d_reclen=24, d_type=DT_DIR, d_name=\".\"}], 4096) = 24\n");
}

}  // namespace
}  // namespace etrace
