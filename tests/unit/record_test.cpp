// parse_record_into reuses one set of slots for every record: each record must read exactly as
// parse_record reads it alone, whatever came before it.
#include <gtest/gtest.h>

#include "event/record.h"
#include "support/record_builder.h"

namespace etrace {
namespace {

using testing::RecordBuilder;

std::vector<std::string> payload_bytes(const SyscallCall& c) {
  std::vector<std::string> out;
  for (const auto& p : c.payloads) out.push_back(std::to_string(p.arg) + ":" + p.bytes);
  return out;
}

TEST(RecordSlots, ReusedSlotsReadEachRecordAsParsedAlone) {
  const std::vector<std::vector<std::uint8_t>> records = {
      RecordBuilder::syscall(1, 1, 257, {0, 0, 0}, 3)
          .payload(1, ETRACE_PL_STRING, std::string("/a/path/longer-than-sso-storage\0", 32))
          .payload(3, ETRACE_PL_BYTES, "second payload, also long enough")
          .build(),
      RecordBuilder::syscall(1, 1, 3, {3}, 0).build(),
      RecordBuilder::fork(1, 1, 2),
      RecordBuilder::syscall(1, 2, 0, {3, 0, 4}, 4).payload(1, ETRACE_PL_BYTES, "abcd").build(),
      RecordBuilder::syscall(1, 1, 1, {3, 0, 64}, 64)
          .payload(1, ETRACE_PL_BYTES, std::string(40, 'x'))
          .payload(2, ETRACE_PL_BYTES, "y")
          .payload(4, ETRACE_PL_BYTES, "z")
          .build(),
  };
  RecordSlots slots;
  for (const auto& bytes : records) {
    const std::uint16_t kind = parse_record_into(bytes, slots);
    const auto alone = parse_record(bytes);
    ASSERT_TRUE(alone);
    ASSERT_EQ(kind, header_of(*alone).kind);
    if (const auto* s = std::get_if<SyscallRecord>(&*alone)) {
      EXPECT_EQ(payload_bytes(slots.syscall.call), payload_bytes(s->call));
      EXPECT_EQ(slots.syscall.call.nr, s->call.nr);
      EXPECT_EQ(slots.syscall.call.tid, s->call.tid);
    }
  }
  EXPECT_EQ(payload_bytes(slots.syscall.call), (std::vector<std::string>{"1:" + std::string(40, 'x'), "2:y", "4:z"}));
}

TEST(RecordSlots, RateLimitedRecordCarriesItsCount) {
  RecordSlots slots;
  EXPECT_EQ(parse_record_into(RecordBuilder::rate_limited(7, 8, 123456789012ull), slots), ETRACE_REC_RATE_LIMITED);
  EXPECT_EQ(slots.rate.hdr.tgid, 7u);
  EXPECT_EQ(slots.rate.hdr.tid, 8u);
  EXPECT_EQ(slots.rate.calls, 123456789012ull);
  auto cut = RecordBuilder::rate_limited(7, 8, 1);
  cut.resize(cut.size() - 8);
  reinterpret_cast<etrace_record_header*>(cut.data())->size = static_cast<std::uint32_t>(cut.size());
  EXPECT_EQ(parse_record_into(cut, slots), 0);
}

TEST(RecordSlots, MalformedRecordIsRejected) {
  auto bytes = RecordBuilder::syscall(1, 1, 1, {1, 0, 8}, 8).payload(1, ETRACE_PL_BYTES, "12345678").build();
  RecordSlots slots;
  EXPECT_EQ(parse_record_into(bytes, slots), ETRACE_REC_SYSCALL);
  bytes.resize(bytes.size() - 8);  // the payload's bytes are cut off
  reinterpret_cast<etrace_record_header*>(bytes.data())->size = static_cast<std::uint32_t>(bytes.size());
  EXPECT_EQ(parse_record_into(bytes, slots), 0);
  EXPECT_FALSE(parse_record(bytes));
}

}  // namespace
}  // namespace etrace
