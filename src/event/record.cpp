#include "event/record.h"

#include <algorithm>
#include <cstddef>
#include <cstring>

namespace etrace {

namespace {

template <typename T>
bool read_at(std::span<const std::uint8_t> bytes, std::size_t off, T& out) {
  if (off > bytes.size() || bytes.size() - off < sizeof(T)) return false;
  std::memcpy(&out, bytes.data() + off, sizeof(T));
  return true;
}

RecordHeader to_header(const etrace_record_header& h) {
  return {h.kind, h.flags, h.ts_ns, h.tgid, h.tid, h.lost_before, h.ns_tid, h.ns_tgid, h.pidns_ino, h.cgroup_id};
}

// One field of a struct at `base` (size checked by the caller). Fields are read one by one
// from the record rather than through a copy of the whole struct on the stack: reading that
// copy back right after memcpy wrote it in other widths stalled on store forwarding, the
// largest cost of the record path under perf.
template <typename T>
T field_at(const std::uint8_t* base, std::size_t off) {
  T v;
  std::memcpy(&v, base + off, sizeof(T));
  return v;
}

// The payload at `off` into `p` (every field overwritten, the string's capacity reused);
// `off` moves past it. False when malformed.
bool next_payload(std::span<const std::uint8_t> bytes, std::size_t& off, Payload& p) {
  using P = etrace_payload;
  if (off > bytes.size() || bytes.size() - off < sizeof(P)) return false;
  const std::uint8_t* const b = bytes.data() + off;
  const std::uint32_t len = field_at<std::uint32_t>(b, offsetof(P, len));
  off += sizeof(P);
  if (len > bytes.size() - off) return false;
  p.arg = b[offsetof(P, arg)];
  p.type = b[offsetof(P, type)];
  p.flags = field_at<std::uint16_t>(b, offsetof(P, flags));
  p.aux = field_at<std::uint64_t>(b, offsetof(P, aux));
  std::size_t n = len;
  if (p.type == ETRACE_PL_STRING && n > 0 && bytes[off + n - 1] == 0) --n;  // drop the NUL
  // clear + append: the slot's capacity is reused, without assign's general (aliasing) path.
  p.bytes.clear();
  p.bytes.append(reinterpret_cast<const char*>(bytes.data() + off), n);
  off += std::min<std::size_t>((len + 7u) & ~std::size_t{7}, bytes.size() - off);
  return true;
}

bool parse_syscall_into(std::span<const std::uint8_t> bytes, const etrace_record_header& h, SyscallRecord& out,
                        std::vector<Payload>& spare) {
  using R = etrace_syscall_record;
  if (bytes.size() < sizeof(R)) return false;
  const std::uint8_t* const b = bytes.data();
  out.hdr = to_header(h);
  SyscallCall& c = out.call;
  c.tgid = h.tgid;
  c.tid = h.tid;
  c.ns_tid = h.ns_tid;
  c.ns_tgid = h.ns_tgid;
  c.pidns = h.pidns_ino;
  c.cgroup_id = h.cgroup_id;
  c.nr = field_at<std::int64_t>(b, offsetof(R, nr));
  std::memcpy(c.args.data(), b + offsetof(R, args), sizeof(c.args));
  static_assert(sizeof(c.args) == sizeof(R::args));
  c.ret = field_at<std::int64_t>(b, offsetof(R, ret));
  c.has_ret = h.kind == ETRACE_REC_SYSCALL && !(h.flags & (ETRACE_SC_NO_RETURN | ETRACE_SC_KILLED));
  c.killed = h.kind == ETRACE_REC_SYSCALL && (h.flags & ETRACE_SC_KILLED);
  c.enter_ts_ns = field_at<std::uint64_t>(b, offsetof(R, enter_ts_ns));
  c.exit_ts_ns = h.ts_ns;
  c.seq = field_at<std::uint32_t>(b, offsetof(R, seq));
  c.cpu_ns = field_at<std::uint64_t>(b, offsetof(R, cpu_ns));
  return parse_payloads_reusing(bytes.subspan(sizeof(R)), field_at<std::uint16_t>(b, offsetof(R, npayloads)),
                                c.payloads, spare);
}

}  // namespace

bool parse_payloads(std::span<const std::uint8_t> bytes, unsigned count, std::vector<Payload>& out) {
  std::size_t off = 0;
  for (unsigned i = 0; i < count; ++i) {
    Payload p;
    if (!next_payload(bytes, off, p)) return false;
    out.push_back(std::move(p));
  }
  return true;
}

bool parse_payloads_reusing(std::span<const std::uint8_t> bytes, unsigned count, std::vector<Payload>& out,
                            std::vector<Payload>& spare) {
  // `out` sized to `count` first, strings (with their capacity) moved between it and `spare`;
  // on a malformed payload, `out` keeps the ones before it.
  auto shrink_to = [&](std::size_t n) {
    while (out.size() > n) {
      spare.push_back(std::move(out.back()));
      out.pop_back();
    }
  };
  shrink_to(count);
  while (out.size() < count) {
    if (spare.empty()) {
      out.emplace_back();
    } else {
      out.push_back(std::move(spare.back()));
      spare.pop_back();
    }
  }
  std::size_t off = 0;
  for (unsigned i = 0; i < count; ++i) {
    if (!next_payload(bytes, off, out[i])) {
      shrink_to(i);
      return false;
    }
  }
  return true;
}

std::uint16_t parse_record_into(std::span<const std::uint8_t> bytes, RecordSlots& out) {
  etrace_record_header h;
  if (!read_at(bytes, 0, h) || h.size > bytes.size() || h.size < sizeof(h)) return 0;
  bytes = bytes.first(h.size);
  switch (h.kind) {
    case ETRACE_REC_SYSCALL:
    case ETRACE_REC_ENTER:
      return parse_syscall_into(bytes, h, out.syscall, out.spare) ? h.kind : 0;
    case ETRACE_REC_TASK_EXIT: {
      etrace_task_exit_record r;
      if (!read_at(bytes, 0, r)) return 0;
      out.exit = TaskExitRecord{to_header(h), r.exit_code, r.group_dead != 0};
      return h.kind;
    }
    case ETRACE_REC_SIGNAL: {
      etrace_signal_record r;
      if (!read_at(bytes, 0, r)) return 0;
      out.signal.hdr = to_header(h);
      out.signal.sig = r.sig;
      out.signal.in_call_seq = r.in_call_seq;
      out.signal.siginfo.assign(reinterpret_cast<const char*>(r.siginfo), sizeof(r.siginfo));
      return h.kind;
    }
    case ETRACE_REC_FORK: {
      etrace_fork_record r;
      if (!read_at(bytes, 0, r)) return 0;
      out.fork = ForkRecord{to_header(h), r.child_tgid, r.child_tid, r.child_ns_tgid, r.child_ns_tid};
      return h.kind;
    }
    case ETRACE_REC_RATE_LIMITED: {
      etrace_rate_record r;
      if (!read_at(bytes, 0, r)) return 0;
      out.rate = RateLimitedRecord{to_header(h), r.calls};
      return h.kind;
    }
    default:
      return 0;
  }
}

std::optional<Record> parse_record(std::span<const std::uint8_t> bytes) {
  RecordSlots slots;
  switch (parse_record_into(bytes, slots)) {
    case ETRACE_REC_SYSCALL:
    case ETRACE_REC_ENTER: return std::move(slots.syscall);
    case ETRACE_REC_TASK_EXIT: return std::move(slots.exit);
    case ETRACE_REC_SIGNAL: return std::move(slots.signal);
    case ETRACE_REC_FORK: return std::move(slots.fork);
    case ETRACE_REC_RATE_LIMITED: return std::move(slots.rate);
    default: return std::nullopt;
  }
}

const RecordHeader& header_of(const Record& r) {
  return std::visit([](const auto& v) -> const RecordHeader& { return v.hdr; }, r);
}

}  // namespace etrace
