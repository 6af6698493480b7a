// The kernel<->user record layout is a contract with bpf/etrace.bpf.c: pin sizes and offsets so
// a change on one side cannot silently misparse the other.
#include <gtest/gtest.h>

#include <cstddef>

#include "etrace/capture_plan.h"
#include "etrace/config.h"
#include "etrace/event.h"

TEST(Abi, RecordLayoutIsPinned) {
  EXPECT_EQ(sizeof(etrace_record_header), 56u);
  EXPECT_EQ(offsetof(etrace_record_header, ts_ns), 8u);
  EXPECT_EQ(offsetof(etrace_record_header, lost_before), 24u);
  EXPECT_EQ(offsetof(etrace_record_header, order), 28u);
  EXPECT_EQ(offsetof(etrace_record_header, ns_tid), 32u);
  EXPECT_EQ(offsetof(etrace_record_header, pidns_ino), 40u);
  EXPECT_EQ(offsetof(etrace_record_header, cgroup_id), 48u);
  EXPECT_EQ(sizeof(etrace_syscall_record), 56u + 8 + 48 + 8 + 8 + 8 + 8);
  EXPECT_EQ(offsetof(etrace_syscall_record, args), 64u);
  EXPECT_EQ(offsetof(etrace_syscall_record, npayloads), 128u);
  EXPECT_EQ(sizeof(etrace_payload), 16u);
  EXPECT_EQ(sizeof(etrace_signal_record), 56u + 8 + ETRACE_SIGINFO_BYTES);
  EXPECT_EQ(sizeof(etrace_task_exit_record), 64u);
  EXPECT_EQ(sizeof(etrace_fork_record), 72u);
  EXPECT_EQ(sizeof(etrace_rate_record), 64u);
  EXPECT_EQ(sizeof(etrace_rate_window), 24u);
}

TEST(Abi, PlanAndInflightLayoutIsPinned) {
  EXPECT_EQ(sizeof(etrace_capture), 8u);
  EXPECT_EQ(sizeof(etrace_syscall_plan), 8u + 8 * ETRACE_MAX_CAPTURES);
  EXPECT_EQ(offsetof(etrace_inflight, inline_buf) % 8, 0u);
  EXPECT_EQ(sizeof(etrace_inflight), offsetof(etrace_inflight, inline_buf) + ETRACE_INLINE_BYTES);
}

TEST(Abi, FdInfoLayoutIsPinned) {
  EXPECT_EQ(sizeof(etrace_fdinfo), 80u);
  EXPECT_EQ(offsetof(etrace_fdinfo, name_len), 20u);
  EXPECT_EQ(offsetof(etrace_fdinfo, family), static_cast<std::size_t>(ETRACE_FDINFO_FILE_BYTES));
  EXPECT_EQ(offsetof(etrace_fdinfo, lport), 32u);
  EXPECT_EQ(offsetof(etrace_fdinfo, peer), 40u);
  EXPECT_EQ(offsetof(etrace_fdinfo, laddr), 48u);
  EXPECT_EQ(offsetof(etrace_fdinfo, raddr), 64u);
  EXPECT_GT(ETRACE_FDINFO_RESULT, 5);  // never an argument index
}

TEST(Abi, IovPieceLayoutIsPinned) {
  EXPECT_EQ(sizeof(etrace_iov_piece), 24u);  // a multiple of 8: the bytes that follow stay aligned
  EXPECT_EQ(offsetof(etrace_iov_piece, iov_len), 8u);
  EXPECT_EQ(offsetof(etrace_iov_piece, captured), 20u);
  EXPECT_EQ(offsetof(etrace_iov_piece, flags), 22u);
}
