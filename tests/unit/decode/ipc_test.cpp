// System V IPC calls, compared with the lines strace 6.1 printed for strace's own ipc_msg,
// ipc_sem, ipc_shm and ipc_msgbuf tests on this machine.
#include <gtest/gtest.h>

#include "unit/decode/call_line.h"

namespace etrace::testing {
namespace {

using Xlat = TextOptions::Xlat;

constexpr std::int64_t kEnoent = -2, kEexist = -17, kEinval = -22;
constexpr std::uint64_t kMinusOne = ~0ull;

TEST(IpcDecode, MsggetFlagsInEveryXlatForm) {
  const std::array<std::uint64_t, 6> args{0xfdb9f531, 0xface1c55};
  EXPECT_EQ(CallLine("msgget", args, kEnoent).text(),
            "msgget(0xfdb9f531, IPC_EXCL|IPC_NOWAIT|0xface1000|0125) = -1 ENOENT (No such file or directory)");
  EXPECT_EQ(CallLine("msgget", args, kEnoent).xlat(Xlat::Raw).text(),
            "msgget(0xfdb9f531, 0xface1c00|0125) = -1 ENOENT (No such file or directory)");
  EXPECT_EQ(CallLine("msgget", args, kEnoent).xlat(Xlat::Verbose).text(),
            "msgget(0xfdb9f531, 0xface1c00 /* IPC_EXCL|IPC_NOWAIT|0xface1000 */|0125) = -1 ENOENT (No such file or "
            "directory)");
  EXPECT_EQ(CallLine("msgget", {0, 0600}, 229420).text(), "msgget(IPC_PRIVATE, 0600) = 229420");
  EXPECT_EQ(CallLine("msgget", {0, 0600}, 229420).xlat(Xlat::Verbose).text(), "msgget(0 /* IPC_PRIVATE */, 0600) = 229420");
}

TEST(IpcDecode, SemgetKnowsIpcNowait) {
  EXPECT_EQ(CallLine("semget", {0xfdb97531, 0xdeadbeefdec0ded1ull, 0xface1e55}, kEinval).text(),
            "semget(0xfdb97531, -557785391, IPC_CREAT|IPC_EXCL|IPC_NOWAIT|0xface1000|0125) = -1 EINVAL (Invalid "
            "argument)");
}

TEST(IpcDecode, ShmgetShowsTheHugePageSizeField) {
  constexpr std::uint64_t kSize = 16051074064915160786ull;
  const std::uint64_t flags = 0x2ce1e00 | (21ull << 26) | 0125;
  EXPECT_EQ(CallLine("shmget", {0xfdb97531, kSize, flags}, kEexist).text(),
            "shmget(0xfdb97531, 16051074064915160786, "
            "IPC_CREAT|IPC_EXCL|SHM_HUGETLB|SHM_NORESERVE|0x2ce0000|21<<SHM_HUGE_SHIFT|0125) = -1 EEXIST (File exists)");
  EXPECT_EQ(CallLine("shmget", {0xfdb97531, kSize, flags}, kEexist).xlat(Xlat::Raw).text(),
            "shmget(0xfdb97531, 16051074064915160786, 0x2ce1e00|21<<26|0125) = -1 EEXIST (File exists)");
  EXPECT_EQ(CallLine("shmget", {0xfdb97531, kSize, flags}, kEexist).xlat(Xlat::Verbose).text(),
            "shmget(0xfdb97531, 16051074064915160786, 0x2ce1e00 /* IPC_CREAT|IPC_EXCL|SHM_HUGETLB|SHM_NORESERVE|"
            "0x2ce0000 */|21<<26 /* SHM_HUGE_SHIFT */|0125) = -1 EEXIST (File exists)");
  EXPECT_EQ(CallLine("shmget", {0xfdb97531, kSize, 0}, 0).text(), "shmget(0xfdb97531, 16051074064915160786, 000) = 0");
  EXPECT_EQ(CallLine("shmget", {0xfdb97531, kSize, 21ull << 26}, 0).text(),
            "shmget(0xfdb97531, 16051074064915160786, 21<<SHM_HUGE_SHIFT|000) = 0");
}

std::string msqid_ds() {
  return StructBytes(120).put<std::uint32_t>(20, 0600).put<std::int64_t>(64, 1796641679).put<std::uint64_t>(88, 16384);
}

TEST(IpcDecode, MsgctlShowsWhatItsCommandPassesOrGets) {
  EXPECT_EQ(CallLine("msgctl", {229420, 2, 0x7ffd0000}, 0).at_entry(2, msqid_ds()).at_exit(2, msqid_ds()).text(),
            "msgctl(229420, IPC_STAT, {msg_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, msg_stime=0, "
            "msg_rtime=0, msg_ctime=1796641679, msg_qnum=0, msg_qbytes=16384, msg_lspid=0, msg_lrpid=0}) = 0");
  EXPECT_EQ(CallLine("msgctl", {229420, 1, 0x7ffd0000}, 0).at_entry(2, msqid_ds()).at_exit(2, msqid_ds()).text(),
            "msgctl(229420, IPC_SET, {msg_perm={uid=0, gid=0, mode=0600}, msg_qbytes=16384}) = 0");
  const std::string info = StructBytes(32)
                               .put<std::int32_t>(0, 512000)
                               .put<std::int32_t>(4, 16384)
                               .put<std::int32_t>(8, 8192)
                               .put<std::int32_t>(12, 16384)
                               .put<std::int32_t>(16, 32000)
                               .put<std::int32_t>(20, 16)
                               .put<std::int32_t>(24, 16384)
                               .put<std::uint16_t>(28, 65535);
  EXPECT_EQ(CallLine("msgctl", {229420, 3, 0x7ffd0000}, 44).at_exit(2, info).xlat(Xlat::Verbose).text(),
            "msgctl(229420, 0x3 /* IPC_INFO */, {msgpool=512000, msgmap=16384, msgmax=8192, msgmnb=16384, "
            "msgmni=32000, msgssz=16, msgtql=16384, msgseg=65535}) = 44");
  // A failed call got nothing back, and RMID's buffer is never read.
  EXPECT_EQ(CallLine("msgctl", {0xfdb97531, 2, kMinusOne}, kEinval).text(),
            "msgctl(-38177487, IPC_STAT, 0xffffffffffffffff) = -1 EINVAL (Invalid argument)");
  EXPECT_EQ(CallLine("msgctl", {229420, 0, 0}, 0).text(), "msgctl(229420, IPC_RMID, NULL) = 0");
}

TEST(IpcDecode, ShmctlStatAndBothInfoStructs) {
  const std::string ds = StructBytes(112)
                             .put<std::uint32_t>(20, 0600)
                             .put<std::uint64_t>(48, 1)
                             .put<std::int64_t>(72, 1796641680)
                             .put<std::int32_t>(80, 8450);
  EXPECT_EQ(CallLine("shmctl", {98365, 13, 0x7ffd0000}, 98365).at_exit(2, ds).text(),
            "shmctl(98365, SHM_STAT, {shm_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, shm_segsz=1, "
            "shm_cpid=8450, shm_lpid=0, shm_nattch=0, shm_atime=0, shm_dtime=0, shm_ctime=1796641680}) = 98365");
  const std::string ipc_info = StructBytes(72)
                                   .put<std::uint64_t>(0, 18446744073692774399ull)
                                   .put<std::uint64_t>(8, 1)
                                   .put<std::uint64_t>(16, 4096)
                                   .put<std::uint64_t>(24, 4096)
                                   .put<std::uint64_t>(32, 18446744073692774399ull);
  EXPECT_EQ(CallLine("shmctl", {98365, 3, 0x7ffd0000}, 61).at_exit(2, ipc_info).text(),
            "shmctl(98365, IPC_INFO, {shmmax=18446744073692774399, shmmin=1, shmmni=4096, shmseg=4096, "
            "shmall=18446744073692774399}) = 61");
  const std::string shm_info = StructBytes(48).put<std::int32_t>(0, 2).put<std::uint64_t>(8, 3918719254129679ull);
  EXPECT_EQ(CallLine("shmctl", {98365, 14, 0x7ffd0000}, 61).at_exit(2, shm_info).xlat(Xlat::Raw).text(),
            "shmctl(98365, 0xe, {used_ids=2, shm_tot=3918719254129679, shm_rss=0, shm_swp=0, swap_attempts=0, "
            "swap_successes=0}) = 61");
}

TEST(IpcDecode, SemctlStatAndInfo) {
  const std::string ds = StructBytes(104).put<std::uint32_t>(20, 0600).put<std::int64_t>(64, 1796641679).put<std::uint64_t>(80, 1);
  EXPECT_EQ(CallLine("semctl", {131087, 0, 2, 0x7ffd0000}, 0).at_entry(3, ds).at_exit(3, ds).text(),
            "semctl(131087, 0, IPC_STAT, {sem_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, sem_otime=0, "
            "sem_ctime=1796641679, sem_nsems=1}) = 0");
  EXPECT_EQ(CallLine("semctl", {131087, 0, 1, 0x7ffd0000}, 0).at_entry(3, ds).text(),
            "semctl(131087, 0, IPC_SET, {sem_perm={uid=0, gid=0, mode=0600}}) = 0");
  StructBytes info(40);
  const std::int32_t v[] = {1024000000, 32000, 1024000000, 1024000000, 32000, 500, 500, 20, 32767, 32767};
  for (int i = 0; i < 10; ++i) info.put<std::int32_t>(static_cast<std::size_t>(i) * 4, v[i]);
  EXPECT_EQ(CallLine("semctl", {131087, 0, 3, 0x7ffd0000}, 15).at_exit(3, info).text(),
            "semctl(131087, 0, IPC_INFO, {semmap=1024000000, semmni=32000, semmns=1024000000, semmnu=1024000000, "
            "semmsl=32000, semopm=500, semume=500, semusz=20, semvmx=32767, semaem=32767}) = 15");
  EXPECT_EQ(CallLine("semctl", {131087, 0, 0, 0}, 0).text(), "semctl(131087, 0, IPC_RMID, NULL) = 0");
}

TEST(IpcDecode, MsgsndAndMsgrcvShowTheMessage) {
  const std::string msg = StructBytes(8 + 32).put<std::int64_t>(0, 9199991941521739245).text(8, std::string_view("STRACE_STRING\0", 14));
  EXPECT_EQ(CallLine("msgsnd", {229438, 0x7ffd0000, 14, 0}, 0).at_entry(1, msg).text(),
            "msgsnd(229438, {mtype=9199991941521739245, mtext=\"STRACE_STRING\\0\"}, 14, 0) = 0");
  EXPECT_EQ(CallLine("msgrcv", {229438, 0x7ffd0000, 14, static_cast<std::uint64_t>(-9199991941521739245), 0}, 14)
                .at_exit(1, msg)
                .text(),
            "msgrcv(229438, {mtype=9199991941521739245, mtext=\"STRACE_STRING\\0\"}, 14, -9199991941521739245, 0) = 14");
  // -s 4: the text is cut where strace cuts it.
  EXPECT_EQ(CallLine("msgsnd", {229438, 0x7ffd0000, 14, 0}, 0).at_entry(1, msg).strsize(4).text(),
            "msgsnd(229438, {mtype=9199991941521739245, mtext=\"STRA\"...}, 14, 0) = 0");
}

}  // namespace
}  // namespace etrace::testing
