#include "event/record.h"

#include <algorithm>
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
  return {h.kind, h.flags, h.ts_ns, h.tgid, h.tid, h.lost_before};
}

std::optional<Record> parse_syscall(std::span<const std::uint8_t> bytes, const etrace_record_header& h) {
  etrace_syscall_record raw;
  if (!read_at(bytes, 0, raw)) return std::nullopt;
  SyscallRecord out;
  out.hdr = to_header(h);
  SyscallCall& c = out.call;
  c.tgid = h.tgid;
  c.tid = h.tid;
  c.nr = raw.nr;
  for (int i = 0; i < 6; ++i) c.args[i] = raw.args[i];
  c.ret = raw.ret;
  c.has_ret = h.kind == ETRACE_REC_SYSCALL && !(h.flags & ETRACE_SC_NO_RETURN);
  c.enter_ts_ns = raw.enter_ts_ns;
  c.exit_ts_ns = h.ts_ns;
  c.seq = raw.seq;
  c.cpu_ns = raw.cpu_ns;
  if (!parse_payloads(bytes.subspan(sizeof(raw)), raw.npayloads, c.payloads)) return std::nullopt;
  return out;
}

}  // namespace

bool parse_payloads(std::span<const std::uint8_t> bytes, unsigned count, std::vector<Payload>& out) {
  std::size_t off = 0;
  for (unsigned i = 0; i < count; ++i) {
    etrace_payload pl;
    if (!read_at(bytes, off, pl)) return false;
    off += sizeof(pl);
    if (pl.len > bytes.size() - off) return false;
    Payload p;
    p.arg = pl.arg;
    p.type = pl.type;
    p.flags = pl.flags;
    p.aux = pl.aux;
    std::size_t n = pl.len;
    if (pl.type == ETRACE_PL_STRING && n > 0 && bytes[off + n - 1] == 0) --n;  // drop the NUL
    p.bytes.assign(reinterpret_cast<const char*>(bytes.data() + off), n);
    out.push_back(std::move(p));
    off += std::min<std::size_t>((pl.len + 7u) & ~std::size_t{7}, bytes.size() - off);
  }
  return true;
}

std::optional<Record> parse_record(std::span<const std::uint8_t> bytes) {
  etrace_record_header h;
  if (!read_at(bytes, 0, h) || h.size > bytes.size() || h.size < sizeof(h)) return std::nullopt;
  bytes = bytes.first(h.size);
  switch (h.kind) {
    case ETRACE_REC_SYSCALL:
    case ETRACE_REC_ENTER:
      return parse_syscall(bytes, h);
    case ETRACE_REC_TASK_EXIT: {
      etrace_task_exit_record r;
      if (!read_at(bytes, 0, r)) return std::nullopt;
      return TaskExitRecord{to_header(h), r.exit_code, r.group_dead != 0};
    }
    case ETRACE_REC_SIGNAL: {
      etrace_signal_record r;
      if (!read_at(bytes, 0, r)) return std::nullopt;
      return SignalRecord{to_header(h), r.sig, r.in_call_seq,
                          std::string(reinterpret_cast<const char*>(r.siginfo), sizeof(r.siginfo))};
    }
    case ETRACE_REC_FORK: {
      etrace_fork_record r;
      if (!read_at(bytes, 0, r)) return std::nullopt;
      return ForkRecord{to_header(h), r.child_tgid, r.child_tid};
    }
    default:
      return std::nullopt;
  }
}

const RecordHeader& header_of(const Record& r) {
  return std::visit([](const auto& v) -> const RecordHeader& { return v.hdr; }, r);
}

}  // namespace etrace
