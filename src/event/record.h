// Validating raw ring-buffer bytes (include/etrace/event.h) into owned values. A record that
// is short, mis-sized or of an unknown kind is rejected, never trusted.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "etrace/event.h"
#include "event/syscall_call.h"

namespace etrace {

struct RecordHeader {
  std::uint16_t kind = 0;
  std::uint16_t flags = 0;
  std::uint64_t ts_ns = 0;
  std::uint32_t tgid = 0;
  std::uint32_t tid = 0;
  std::uint32_t lost_before = 0;
  // etrace_record_header's namespace fields (0 unless asked for).
  std::uint32_t ns_tid = 0;
  std::uint32_t ns_tgid = 0;
  std::uint32_t pidns = 0;
  std::uint64_t cgroup_id = 0;
};

struct SyscallRecord {
  RecordHeader hdr;
  SyscallCall call;  // payloads copied out
};

struct TaskExitRecord {
  RecordHeader hdr;
  std::int32_t exit_code = 0;  // wait status
  bool group_dead = false;
};

struct SignalRecord {
  RecordHeader hdr;
  int sig = 0;
  std::uint32_t in_call_seq = 0;  // ETRACE_SIG_GENERATED: the target's call then in progress
  std::string siginfo;  // ETRACE_SIGINFO_BYTES bytes
};

struct ForkRecord {
  RecordHeader hdr;
  std::uint32_t child_tgid = 0;
  std::uint32_t child_tid = 0;
  std::uint32_t child_ns_tgid = 0;  // in the parent's pid namespace
  std::uint32_t child_ns_tid = 0;
};

struct RateLimitedRecord {
  RecordHeader hdr;
  std::uint64_t calls = 0;  // calls of process hdr.tgid counted, not recorded (--rate-limit)
};

using Record = std::variant<SyscallRecord, TaskExitRecord, SignalRecord, ForkRecord, RateLimitedRecord>;

// nullopt when the bytes are not a well-formed record.
std::optional<Record> parse_record(std::span<const std::uint8_t> bytes);

// Where parse_record_into puts a record: one member per kind, kept from record to record so
// that the consumer's hot path allocates nothing once warm (payload strings keep their
// capacity; `spare` holds those a record with fewer payloads did not need).
struct RecordSlots {
  SyscallRecord syscall;  // ETRACE_REC_SYSCALL and ETRACE_REC_ENTER
  TaskExitRecord exit;
  SignalRecord signal;
  ForkRecord fork;
  RateLimitedRecord rate;
  std::vector<Payload> spare;
};

// parse_record without the allocations: fills the member of `out` for the record's kind and
// returns that kind (ETRACE_REC_*), or 0 when the bytes are not a well-formed record (then
// the members may hold parts of it).
std::uint16_t parse_record_into(std::span<const std::uint8_t> bytes, RecordSlots& out);

const RecordHeader& header_of(const Record& r);

// Appends `count` serialized payloads from `bytes` to `out`; false when malformed.
bool parse_payloads(std::span<const std::uint8_t> bytes, unsigned count, std::vector<Payload>& out);
// Replaces the contents of `out` by `count` payloads from `bytes`, reusing the strings already
// in `out` and in `spare` (and leaving the unused ones in `spare`); false when malformed.
bool parse_payloads_reusing(std::span<const std::uint8_t> bytes, unsigned count, std::vector<Payload>& out,
                            std::vector<Payload>& spare);

}  // namespace etrace
