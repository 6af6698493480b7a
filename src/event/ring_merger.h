// Merges the per-CPU ring buffers (one per CPU, bpf/maps.bpf.h) into one stream, in the order
// the records were submitted.
//
// Every record carries a submit number (etrace_record_header.order) from a counter all CPUs
// share, taken just before the record goes into its CPU's ring. Within a ring the numbers rise.
// Across rings, the lowest head is next, with one doubt: when some ring is empty, a record with
// a lower number may still be on its way to it (numbered, not yet committed: a BPF program can
// be preempted between the two, and a record still being written holds its ring). So a head
// that does not follow the last record handed over waits while some ring is empty, unless the
// kernel's count of numbers that never became records (a full ring drops a numbered record)
// accounts for the gap. The caller retries, and after a while passes force = true, which takes
// the missing numbers as lost. A record that comes after its number was given up goes out when
// it comes. A thread's records stay in order across CPUs: it numbers its next record only after
// committing the last.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <utility>
#include <vector>

#include "etrace/event.h"
#include "event/ring_reader.h"

namespace etrace {

class RingMerger {
 public:
  RingMerger() = default;
  // unused: the kernel's count of submit numbers taken for records a full ring refused (null:
  // none is counted, every gap waits).
  explicit RingMerger(std::vector<RingReader> rings, const std::uint64_t* unused = nullptr)
      : rings_(std::move(rings)), heads_(rings_.size()), unused_(unused) {}

  // Hands every record that may go next to fn(span), in submit order, at most `limit` of
  // them. Returns how many; holding() then tells whether a record waits for a possibly missing
  // predecessor.
  template <typename Fn>
  std::size_t drain(Fn&& fn, bool force = false, std::size_t limit = SIZE_MAX);

  bool holding() const { return holding_; }
  void publish() {
    for (auto& r : rings_) r.publish();
  }

  // The submit number of a record (0 for one too short to carry it).
  static std::uint32_t order_of(std::span<const std::uint8_t> rec) {
    std::uint32_t order = 0;
    if (rec.size() >= kOrderOffset + sizeof(order)) std::memcpy(&order, rec.data() + kOrderOffset, sizeof(order));
    return order;
  }
  static constexpr std::size_t kOrderOffset = offsetof(etrace_record_header, order);

 private:
  struct Head {
    std::span<const std::uint8_t> rec;  // empty: the ring looked empty
    std::uint32_t order = 0;
  };
  void look(std::size_t i) {
    heads_[i].rec = rings_[i].peek();
    heads_[i].order = heads_[i].rec.empty() ? 0 : order_of(heads_[i].rec);
  }
  // a before b, for numbers that wrap
  static bool before(std::uint32_t a, std::uint32_t b) { return static_cast<std::int32_t>(a - b) < 0; }

  std::vector<RingReader> rings_;
  std::vector<Head> heads_;  // each ring's next record, kept until taken
  std::uint32_t last_ = 0;   // the number handed over last
  const std::uint64_t* unused_ = nullptr;
  std::uint64_t unused_seen_ = 0;  // how much of *unused_ gaps passed so far took up
  bool started_ = false;
  bool holding_ = false;
};

template <typename Fn>
std::size_t RingMerger::drain(Fn&& fn, bool force, std::size_t limit) {
  std::size_t n = 0;
  holding_ = false;
  for (std::size_t i = 0; i < rings_.size(); ++i)
    if (heads_[i].rec.empty()) look(i);
  while (n < limit) {
    std::size_t best = rings_.size();
    bool some_empty = false;
    for (std::size_t i = 0; i < rings_.size(); ++i) {
      if (heads_[i].rec.empty())
        some_empty = true;
      else if (best == rings_.size() || before(heads_[i].order, heads_[best].order))
        best = i;
    }
    if (best == rings_.size()) return n;
    const std::uint32_t order = heads_[best].order;
    if (started_ && before(order, last_ + 1)) {
      // Late: its number was taken as lost before it came. It goes out now, out of order.
      fn(heads_[best].rec);
      rings_[best].pop();
      look(best);
      ++n;
      continue;
    }
    const std::uint32_t missing = started_ ? order - last_ - 1 : 0;
    const std::uint64_t unused = unused_ ? __atomic_load_n(unused_, __ATOMIC_ACQUIRE) : 0;
    const std::uint64_t explained = std::min<std::uint64_t>(missing, unused - std::min(unused, unused_seen_));
    if (missing > explained && some_empty && !force) {
      // Look at the empty rings once more before waiting: the missing record may be there now.
      bool found = false;
      for (std::size_t i = 0; i < rings_.size(); ++i)
        if (heads_[i].rec.empty()) {
          look(i);
          found = found || !heads_[i].rec.empty();
        }
      if (found) continue;
      holding_ = true;
      return n;
    }
    unused_seen_ += explained;
    fn(heads_[best].rec);
    last_ = order;
    started_ = true;
    rings_[best].pop();
    look(best);
    ++n;
  }
  return n;
}

}  // namespace etrace
