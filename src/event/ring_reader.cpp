#include "event/ring_reader.h"

#include <algorithm>

namespace etrace {

RingReader::RingReader(std::uint64_t* consumer_pos, const std::uint64_t* producer_pos, const std::uint8_t* data,
                       std::size_t size)
    : consumer_pos_(consumer_pos),
      producer_pos_(producer_pos),
      data_(data),
      mask_(size - 1),
      pos_(__atomic_load_n(consumer_pos, __ATOMIC_ACQUIRE)),
      published_(pos_),
      // A quarter of the buffer stays claimable by the producer at worst; 1 MiB bounds the
      // batch on big buffers so space comes back steadily.
      publish_every_(std::clamp<std::uint64_t>(size / 4, 8, 1u << 20)) {}

void RingReader::publish() {
  if (pos_ == published_) return;
  __atomic_store_n(consumer_pos_, pos_, __ATOMIC_RELEASE);
  published_ = pos_;
}

}  // namespace etrace
