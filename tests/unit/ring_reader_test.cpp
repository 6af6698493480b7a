// RingReader against a ring laid out as the kernel lays out a BPF ring buffer: 8-byte record
// headers (length with BUSY/DISCARD bits), 8-byte alignment, and a data area whose second copy
// mirrors the first (the kernel maps the same pages twice).
#include "event/ring_reader.h"

#include <gtest/gtest.h>

#include "fake_ring.h"

#include <cstring>
#include <string>
#include <vector>

namespace etrace {
namespace {

std::vector<std::string> drain(RingReader& r) {
  std::vector<std::string> out;
  for (auto b = r.peek(); !b.empty(); b = r.peek()) {
    out.emplace_back(b.begin(), b.end());
    r.pop();
  }
  return out;
}

TEST(RingReader, HandsOverRecordsInOrderAndSkipsDiscarded) {
  FakeRing ring(4096);
  ring.push("first");
  ring.push("dropped", RingReader::kDiscardBit);
  ring.push("second record");
  auto r = ring.reader();
  EXPECT_EQ(drain(r), (std::vector<std::string>{"first", "second record"}));
  EXPECT_TRUE(drain(r).empty());
}

TEST(RingReader, StopsAtARecordStillBeingWritten) {
  FakeRing ring(4096);
  ring.push("done");
  const auto busy = ring.push("half", RingReader::kBusyBit);
  ring.push("after");
  auto r = ring.reader();
  EXPECT_EQ(drain(r), (std::vector<std::string>{"done"}));
  ring.set_flags(busy, 4);  // committed
  EXPECT_EQ(drain(r), (std::vector<std::string>{"half", "after"}));
}

TEST(RingReader, PublishesTheConsumerPositionLazilyAndBeforeWaiting) {
  FakeRing ring(4096);  // publishes every quarter: 1024 bytes
  ring.push(std::string(100, 'a'));
  auto r = ring.reader();
  EXPECT_EQ(drain(r).size(), 1u);
  EXPECT_EQ(ring.consumer(), 0u) << "one small record must not move the shared position";
  EXPECT_EQ(r.unpublished(), 112u);
  r.publish();
  EXPECT_EQ(ring.consumer(), ring.producer());
  for (int i = 0; i < 12; ++i) ring.push(std::string(100, 'b'));  // 1344 bytes
  EXPECT_EQ(drain(r).size(), 12u);
  EXPECT_GE(ring.consumer(), 112u + 1024u) << "a quarter of the buffer read must be given back";
  EXPECT_LT(ring.consumer(), ring.producer());
}

TEST(RingReader, ReadsARecordThatWrapsPastTheEnd) {
  FakeRing ring(256);
  auto r = ring.reader();
  for (int i = 0; i < 3; ++i) ring.push(std::string(60, 'x'));  // 3 x 72 = 216 bytes
  EXPECT_EQ(drain(r).size(), 3u);
  r.publish();
  ring.push(std::string(50, 'w') + "end");  // starts at 216, wraps
  auto got = drain(r);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0], std::string(50, 'w') + "end");
}

TEST(RingReader, PeekLeavesTheRecordUntilPop) {
  FakeRing ring(4096);
  ring.push("one");
  ring.push("skipped", RingReader::kDiscardBit);
  ring.push("two");
  auto r = ring.reader();
  auto text = [](std::span<const std::uint8_t> b) { return std::string(b.begin(), b.end()); };
  EXPECT_EQ(text(r.peek()), "one");
  EXPECT_EQ(text(r.peek()), "one");
  EXPECT_FALSE(r.is_last(r.peek()));
  r.pop();
  EXPECT_EQ(text(r.peek()), "two");
  EXPECT_TRUE(r.is_last(r.peek()));
  r.pop();
  EXPECT_TRUE(r.peek().empty());
  ring.push("three");
  EXPECT_EQ(text(r.peek()), "three");
}

}  // namespace
}  // namespace etrace
