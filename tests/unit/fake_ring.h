// A ring laid out as the kernel lays out a BPF ring buffer, for the RingReader and RingMerger
// tests: 8-byte record headers (length with BUSY/DISCARD bits), 8-byte alignment, and a data
// area whose second copy mirrors the first (the kernel maps the same pages twice).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "event/ring_reader.h"

namespace etrace {

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

}  // namespace etrace
