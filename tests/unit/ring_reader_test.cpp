// RingReader against a ring laid out as the kernel lays out a BPF ring buffer: 8-byte record
// headers (length with BUSY/DISCARD bits), 8-byte alignment, and a data area whose second copy
// mirrors the first (the kernel maps the same pages twice).
#include "event/ring_reader.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

namespace etrace {
namespace {

class FakeRing {
 public:
  explicit FakeRing(std::size_t size) : size_(size), data_(2 * size) {}

  // Appends a record the way bpf_ringbuf_output leaves it; returns its position.
  std::uint64_t push(const std::string& body, std::uint32_t flags = 0) {
    const std::uint64_t at = producer_;
    const std::uint32_t len = static_cast<std::uint32_t>(body.size()) | flags;
    write(at, &len, 4);
    const std::uint32_t pg_off = 0;
    write(at + 4, &pg_off, 4);
    write(at + RingReader::kHeaderSize, body.data(), body.size());
    producer_ += (RingReader::kHeaderSize + body.size() + 7) & ~std::uint64_t{7};
    return at;
  }
  void set_flags(std::uint64_t at, std::uint32_t len) { write(at, &len, 4); }

  RingReader reader() { return RingReader(&consumer_, &producer_, data_.data(), size_); }
  std::uint64_t consumer() const { return consumer_; }
  std::uint64_t producer() const { return producer_; }

 private:
  void write(std::uint64_t pos, const void* src, std::size_t n) {
    const auto* p = static_cast<const std::uint8_t*>(src);
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t off = (pos + i) & (size_ - 1);
      data_[off] = p[i];
      data_[off + size_] = p[i];
    }
  }

  std::size_t size_;
  std::vector<std::uint8_t> data_;
  std::uint64_t consumer_ = 0;
  std::uint64_t producer_ = 0;
};

std::vector<std::string> drain(RingReader& r) {
  std::vector<std::string> out;
  r.consume([&](std::span<const std::uint8_t> b) { out.emplace_back(b.begin(), b.end()); });
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

}  // namespace
}  // namespace etrace
