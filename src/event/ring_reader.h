// Reads a BPF ring buffer (BPF_MAP_TYPE_RINGBUF) through its memory mapping, record by record
// (peek, then pop), as libbpf's ring_buffer__consume does, with one difference that matters for
// speed: the consumer position, which the producing CPU reads on every reservation, is published lazily (once a
// quarter of the buffer or `publish_every` bytes have been read, and always before the caller
// sleeps), not after every record. Each publish moves that cache line to the consumer's CPU
// and back; per record it cost the traced program about a fifth of its time (perf, write loop).
//
// Layout (kernel/bpf/ringbuf.c): a page holding consumer_pos (read-write), a page holding
// producer_pos, then the data pages, mapped twice in a row so a record that wraps is still
// contiguous. Each record starts with an 8-byte header: a 32-bit length whose top bits are
// BUSY (still being written) and DISCARD, then a page offset; records are 8-byte aligned.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace etrace {

class RingReader {
 public:
  RingReader() = default;
  // consumer_pos/producer_pos: the two position words; data: the doubly mapped data area of
  // `size` bytes (a power of two).
  RingReader(std::uint64_t* consumer_pos, const std::uint64_t* producer_pos, const std::uint8_t* data,
             std::size_t size);

  // The next committed record, left in place (empty: none yet, or the next is still being
  // written). Discarded records are skipped. Repeated calls return the same record until pop().
  std::span<const std::uint8_t> peek();
  // Takes the record peek() returned.
  void pop();
  // Whether `rec`, the record peek() returned, is the last one the producer has committed or
  // begun so far.
  bool is_last(std::span<const std::uint8_t> rec) const {
    const std::uint64_t end = pos_ + ((kHeaderSize + rec.size() + 7) & ~std::uint64_t{7});
    return end >= __atomic_load_n(producer_pos_, __ATOMIC_ACQUIRE);
  }

  // Makes everything read so far free for the producer. Call before waiting for more data:
  // the kernel reports the buffer readable while consumer_pos trails producer_pos.
  void publish();

  // Bytes read but not yet published (tests).
  std::uint64_t unpublished() const { return pos_ - published_; }

  static constexpr std::uint32_t kBusyBit = 1u << 31;
  static constexpr std::uint32_t kDiscardBit = 1u << 30;
  static constexpr std::size_t kHeaderSize = 8;

 private:
  std::uint64_t* consumer_pos_ = nullptr;
  const std::uint64_t* producer_pos_ = nullptr;
  const std::uint8_t* data_ = nullptr;
  std::uint64_t mask_ = 0;
  std::uint64_t pos_ = 0;        // next record to read
  std::uint64_t published_ = 0;  // last value written to *consumer_pos_
  std::uint64_t publish_every_ = 0;
  std::uint64_t prod_ = 0;         // producer position last read
  std::uint32_t peeked_len_ = 0;   // body length of the record peek() returned
};

inline std::span<const std::uint8_t> RingReader::peek() {
  for (;;) {
    if (pos_ >= prod_) {
      prod_ = __atomic_load_n(producer_pos_, __ATOMIC_ACQUIRE);
      if (pos_ >= prod_) return {};
    }
    const std::uint8_t* hdr = data_ + (pos_ & mask_);
    const std::uint32_t len = __atomic_load_n(reinterpret_cast<const std::uint32_t*>(hdr), __ATOMIC_ACQUIRE);
    if (len & kBusyBit) return {};
    const std::uint32_t body = len & ~(kBusyBit | kDiscardBit);
    if (!(len & kDiscardBit)) {
      peeked_len_ = body;
      return {hdr + kHeaderSize, body};
    }
    pos_ += (kHeaderSize + body + 7) & ~std::uint64_t{7};
  }
}

inline void RingReader::pop() {
  pos_ += (kHeaderSize + peeked_len_ + 7) & ~std::uint64_t{7};
  if (pos_ - published_ >= publish_every_) publish();
}

}  // namespace etrace
