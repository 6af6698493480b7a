// RingMerger over fake per-CPU rings: records come out in submit order (etrace_record_header.order),
// a record waits for a lower number that may still be on its way to an empty ring, and a wait
// ends when the number turns up, when the caller forces it, or at once when the gap is old.
#include "event/ring_merger.h"

#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "etrace/event.h"
#include "fake_ring.h"

namespace etrace {
namespace {

// A record body: a header with `order`, then a tag to recognise it by.
std::string rec(std::uint32_t order, const std::string& tag) {
  etrace_record_header h{};
  h.order = order;
  std::string body(reinterpret_cast<const char*>(&h), sizeof(h));
  return body + tag;
}

struct Rings {
  explicit Rings(std::size_t n, const std::uint64_t* unused = nullptr) {
    for (std::size_t i = 0; i < n; ++i) rings.push_back(std::make_unique<FakeRing>(4096));
    std::vector<RingReader> readers;
    for (auto& r : rings) readers.push_back(r->reader());
    merger = RingMerger(std::move(readers), unused);
  }
  std::vector<std::string> drain(bool force = false, std::size_t limit = SIZE_MAX) {
    std::vector<std::string> out;
    merger.drain([&](std::span<const std::uint8_t> b) { out.emplace_back(b.begin() + sizeof(etrace_record_header), b.end()); },
                 force, limit);
    return out;
  }
  std::vector<std::unique_ptr<FakeRing>> rings;
  RingMerger merger;
};

using Tags = std::vector<std::string>;

TEST(RingMerger, InterleavesTheRingsBySubmitNumber) {
  Rings r(2);
  r.rings[0]->push(rec(1, "a1"));
  r.rings[0]->push(rec(3, "a3"));
  r.rings[0]->push(rec(4, "a4"));
  r.rings[1]->push(rec(2, "b2"));
  r.rings[1]->push(rec(5, "b5"));
  EXPECT_EQ(r.drain(), (Tags{"a1", "b2", "a3", "a4", "b5"}));
  EXPECT_FALSE(r.merger.holding());
}

TEST(RingMerger, WaitsForALowerNumberThatMayBeOnItsWay) {
  Rings r(2);
  r.rings[0]->push(rec(10, "a10"));
  r.rings[0]->push(rec(12, "a12"));
  EXPECT_EQ(r.drain(), (Tags{"a10"}));
  EXPECT_TRUE(r.merger.holding()) << "11 may still be going into the empty ring";
  r.rings[1]->push(rec(11, "b11"));
  EXPECT_EQ(r.drain(), (Tags{"b11", "a12"}));
  EXPECT_FALSE(r.merger.holding());
}

TEST(RingMerger, ForceTakesAMissingNumberAsLost) {
  Rings r(2);
  r.rings[0]->push(rec(1, "a1"));
  r.rings[0]->push(rec(3, "a3"));
  EXPECT_EQ(r.drain(), (Tags{"a1"}));
  EXPECT_TRUE(r.merger.holding());
  EXPECT_EQ(r.drain(true), (Tags{"a3"}));
  r.rings[0]->push(rec(4, "a4"));
  EXPECT_EQ(r.drain(), (Tags{"a4"})) << "the gap is behind us";
}

TEST(RingMerger, AGapTheKernelCountedAsDroppedDoesNotWait) {
  std::uint64_t unused = 0;
  Rings r(2, &unused);
  r.rings[0]->push(rec(1, "a1"));
  r.rings[0]->push(rec(3, "a3"));
  r.rings[0]->push(rec(4, "a4"));
  r.rings[0]->push(rec(6, "a6"));
  unused = 1;  // 2 never became a record; 5 is not counted: it may be on its way
  EXPECT_EQ(r.drain(), (Tags{"a1", "a3", "a4"}));
  EXPECT_TRUE(r.merger.holding());
  unused = 2;
  EXPECT_EQ(r.drain(), (Tags{"a6"}));
  EXPECT_FALSE(r.merger.holding());
}

// A record still being written on another CPU (its producer preempted) while this ring has a
// backlog: the backlog waits for it. Passing it made a thread's exit line come before its
// last call.
TEST(RingMerger, ABacklogWaitsForARecordStillBeingWritten) {
  Rings r(2);
  r.rings[0]->push(rec(1, "a1"));
  const auto busy = r.rings[1]->push(rec(2, "b2"), RingReader::kBusyBit);
  r.rings[1]->push(rec(3, "b3"));
  r.rings[0]->push(rec(4, "a4"));
  r.rings[0]->push(rec(5, "a5"));
  EXPECT_EQ(r.drain(), (Tags{"a1"}));
  EXPECT_TRUE(r.merger.holding());
  r.rings[1]->set_flags(busy, static_cast<std::uint32_t>(rec(2, "b2").size()));
  EXPECT_EQ(r.drain(), (Tags{"b2", "b3", "a4", "a5"}));
}

TEST(RingMerger, ARecordAfterItsNumberWasGivenUpGoesOutWhenItComes) {
  Rings r(2);
  r.rings[0]->push(rec(1, "a1"));
  r.rings[0]->push(rec(3, "a3"));
  EXPECT_EQ(r.drain(), (Tags{"a1"}));
  EXPECT_EQ(r.drain(true), (Tags{"a3"}));
  r.rings[1]->push(rec(2, "b2"));
  r.rings[0]->push(rec(4, "a4"));
  EXPECT_EQ(r.drain(), (Tags{"b2", "a4"}));
  EXPECT_FALSE(r.merger.holding());
}

TEST(RingMerger, NoWaitWhenEveryRingHasAHead) {
  Rings r(2);
  r.rings[0]->push(rec(1, "a1"));
  r.rings[1]->push(rec(7, "b7"));
  r.rings[0]->push(rec(5, "a5"));
  EXPECT_EQ(r.drain(), (Tags{"a1", "a5"}));
  EXPECT_TRUE(r.merger.holding()) << "b7 is alone now, after a gap";
}

TEST(RingMerger, NumbersWrap) {
  Rings r(2);
  r.rings[0]->push(rec(0xfffffffeu, "a-2"));
  r.rings[0]->push(rec(0, "a0"));
  r.rings[1]->push(rec(0xffffffffu, "b-1"));
  r.rings[1]->push(rec(1, "b1"));
  EXPECT_EQ(r.drain(), (Tags{"a-2", "b-1", "a0", "b1"}));
}

TEST(RingMerger, ARecordStillBeingWrittenHoldsItsRing) {
  Rings r(2);
  r.rings[0]->push(rec(1, "a1"));
  const auto busy = r.rings[1]->push(rec(2, "b2"), RingReader::kBusyBit);
  r.rings[0]->push(rec(3, "a3"));
  EXPECT_EQ(r.drain(), (Tags{"a1"}));
  r.rings[1]->set_flags(busy, static_cast<std::uint32_t>(rec(2, "b2").size()));
  EXPECT_EQ(r.drain(), (Tags{"b2", "a3"}));
}

// A drain stops after its limit, so the caller can act on a stop between batches; the next
// drain goes on in order from where it stopped.
TEST(RingMerger, ALimitEndsADrainWhereTheNextGoesOn) {
  Rings r(2);
  r.rings[0]->push(rec(1, "a1"));
  r.rings[1]->push(rec(2, "b2"));
  r.rings[0]->push(rec(3, "a3"));
  r.rings[1]->push(rec(4, "b4"));
  r.rings[0]->push(rec(5, "a5"));
  EXPECT_EQ(r.drain(false, 2), (Tags{"a1", "b2"}));
  EXPECT_EQ(r.drain(false, 2), (Tags{"a3", "b4"}));
  EXPECT_EQ(r.drain(false, 2), (Tags{"a5"}));
  EXPECT_EQ(r.drain(false, 2), Tags{});
}

}  // namespace
}  // namespace etrace
