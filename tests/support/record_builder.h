// Builds ring-buffer records byte for byte as bpf/etrace.bpf.c writes them, for tests and
// benchmarks of the userspace path.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "etrace/event.h"

namespace etrace::testing {

class RecordBuilder {
 public:
  // A finished call (ETRACE_REC_SYSCALL) of thread `tid` in process `tgid`.
  static RecordBuilder syscall(std::uint32_t tgid, std::uint32_t tid, long nr,
                               std::initializer_list<std::uint64_t> args, long ret, std::uint32_t seq = 1) {
    std::array<std::uint64_t, 6> all{};
    std::copy(args.begin(), args.end(), all.begin());
    return syscall(tgid, tid, nr, all, ret, seq);
  }
  static RecordBuilder syscall(std::uint32_t tgid, std::uint32_t tid, long nr, const std::array<std::uint64_t, 6>& args,
                               long ret, std::uint32_t seq = 1) {
    RecordBuilder b;
    etrace_syscall_record r{};
    r.hdr.kind = ETRACE_REC_SYSCALL;
    r.hdr.tgid = tgid;
    r.hdr.tid = tid;
    r.nr = nr;
    for (int i = 0; i < 6; ++i) r.args[i] = args[i];
    r.ret = ret;
    r.enter_ts_ns = seq;
    r.seq = seq;
    b.bytes_.resize(sizeof(r));
    std::memcpy(b.bytes_.data(), &r, sizeof(r));
    return b;
  }

  RecordBuilder& flags(std::uint16_t f) {
    header().flags = f;
    return *this;
  }
  // Entry and record times (CLOCK_MONOTONIC ns), for -T and the time prefixes.
  RecordBuilder& times(std::uint64_t enter_ns, std::uint64_t record_ns) {
    reinterpret_cast<etrace_syscall_record*>(bytes_.data())->enter_ts_ns = enter_ns;
    header().ts_ns = record_ns;
    return *this;
  }
  RecordBuilder& lost_before(std::uint32_t n) {
    header().lost_before = n;
    return *this;
  }
  RecordBuilder& payload(std::uint8_t arg, std::uint8_t type, std::string_view data, std::uint64_t aux = 0,
                         std::uint16_t pflags = 0) {
    etrace_payload pl{};
    pl.arg = arg;
    pl.type = type;
    pl.flags = pflags;
    pl.len = static_cast<std::uint32_t>(data.size());
    pl.aux = aux;
    const auto* p = reinterpret_cast<const std::uint8_t*>(&pl);
    bytes_.insert(bytes_.end(), p, p + sizeof(pl));
    bytes_.insert(bytes_.end(), data.begin(), data.end());
    bytes_.resize((bytes_.size() + 7) & ~std::size_t{7}, 0);
    ++reinterpret_cast<etrace_syscall_record*>(bytes_.data())->npayloads;
    return *this;
  }
  std::vector<std::uint8_t> build() {
    header().size = static_cast<std::uint32_t>(bytes_.size());
    return bytes_;
  }

  static std::vector<std::uint8_t> task_exit(std::uint32_t tgid, std::uint32_t tid, int wait_status,
                                             bool group_dead) {
    etrace_task_exit_record r{};
    r.hdr.kind = ETRACE_REC_TASK_EXIT;
    r.hdr.size = sizeof(r);
    r.hdr.tgid = tgid;
    r.hdr.tid = tid;
    r.exit_code = wait_status;
    r.group_dead = group_dead;
    return raw(r);
  }

  static std::vector<std::uint8_t> signal(std::uint32_t tgid, std::uint32_t tid, int sig, std::string_view siginfo = {}) {
    etrace_signal_record r{};
    r.hdr.kind = ETRACE_REC_SIGNAL;
    r.hdr.size = sizeof(r);
    r.hdr.tgid = tgid;
    r.hdr.tid = tid;
    r.sig = sig;
    std::memcpy(r.siginfo, siginfo.data(), std::min(siginfo.size(), sizeof(r.siginfo)));
    return raw(r);
  }

  // --rate-limit: `calls` calls of process `tgid` counted, not recorded.
  static std::vector<std::uint8_t> rate_limited(std::uint32_t tgid, std::uint32_t tid, std::uint64_t calls) {
    etrace_rate_record r{};
    r.hdr.kind = ETRACE_REC_RATE_LIMITED;
    r.hdr.size = sizeof(r);
    r.hdr.tgid = tgid;
    r.hdr.tid = tid;
    r.calls = calls;
    return raw(r);
  }

  static std::vector<std::uint8_t> fork(std::uint32_t tgid, std::uint32_t tid, std::uint32_t child) {
    etrace_fork_record r{};
    r.hdr.kind = ETRACE_REC_FORK;
    r.hdr.size = sizeof(r);
    r.hdr.tgid = tgid;
    r.hdr.tid = tid;
    r.child_tgid = r.child_tid = child;
    return raw(r);
  }

 private:
  template <typename T>
  static std::vector<std::uint8_t> raw(const T& r) {
    std::vector<std::uint8_t> out(sizeof(r));
    std::memcpy(out.data(), &r, sizeof(r));
    return out;
  }
  etrace_record_header& header() { return reinterpret_cast<etrace_syscall_record*>(bytes_.data())->hdr; }
  std::vector<std::uint8_t> bytes_;
};

}  // namespace etrace::testing
