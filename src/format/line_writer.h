// Where the text emitter writes: the caller's std::string, through a staging area while a line
// is being built. A line is a dozen small pieces; appended one by one to a std::string each
// costs an out-of-line call (~30-60 instructions with its memcpy), while here a piece is a
// capacity check and a copy the compiler inlines. The staged line reaches the string in one
// append when the emitter flushes it (line end, or a line held open). Outside a line (a
// decoder rendering a fragment into a string) writes go straight to the string.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

namespace etrace {

// Most pieces of a line are a few bytes (a field name, a number, a run of plain characters):
// copied with two overlapping fixed-size moves instead of a call to memcpy, which costs more
// than the bytes. Reads and writes stay within [s, s + n) and [d, d + n).
[[gnu::always_inline]] inline void copy_short(char* d, const char* s, std::size_t n) {
  if (n >= 8) {
    if (n > 16) return void(std::memcpy(d, s, n));
    std::uint64_t a, b;
    std::memcpy(&a, s, 8);
    std::memcpy(&b, s + n - 8, 8);
    std::memcpy(d, &a, 8);
    std::memcpy(d + n - 8, &b, 8);
  } else if (n >= 4) {
    std::uint32_t a, b;
    std::memcpy(&a, s, 4);
    std::memcpy(&b, s + n - 4, 4);
    std::memcpy(d, &a, 4);
    std::memcpy(d + n - 4, &b, 4);
  } else if (n) {
    const char first = s[0], mid = s[n / 2], last = s[n - 1];
    d[0] = first;
    d[n / 2] = mid;
    d[n - 1] = last;
  }
}

class LineWriter {
 public:
  using value_type = char;  // for std::back_inserter (fmt on rare lines)

  explicit LineWriter(std::string& out) : out_(out) {}
  // A partial line still staged is dropped, not written: the string may be gone by now.
  ~LineWriter() = default;
  LineWriter(const LineWriter&) = delete;
  LineWriter& operator=(const LineWriter&) = delete;

  // From here writes are staged until flush().
  void stage() {
    if (!buf_) grow(0);
    staging_ = true;
  }
  void flush() {
    if (len_) out_.append(buf_.get(), len_);
    len_ = 0;
    staging_ = false;
  }

  // What has reached the string so far.
  std::string_view flushed() const { return out_; }
  // The string's size as it will be once flushed.
  std::size_t size() const { return out_.size() + len_; }

  // The fast paths (staging, room enough) are forced inline so that a literal's copy becomes
  // a few stores; the rest is out of line.
  [[gnu::always_inline]] void append(const char* s, std::size_t n) {
    if (staging_ && cap_ - len_ >= n) [[likely]] {
      copy_short(buf_.get() + len_, s, n);
      len_ += n;
      return;
    }
    append_slow(s, n);
  }
  void append(std::size_t n, char c) {
    if (staging_ && cap_ - len_ >= n) [[likely]] {
      std::memset(buf_.get() + len_, c, n);
      len_ += n;
      return;
    }
    append_slow(n, c);
  }
  [[gnu::always_inline]] void push_back(char c) {
    if (staging_ && cap_ != len_) [[likely]] {
      buf_[len_++] = c;
      return;
    }
    append_slow(1, c);
  }
  [[gnu::always_inline]] LineWriter& operator+=(std::string_view s) {
    append(s.data(), s.size());
    return *this;
  }

  // At least `n` writable bytes at the end, for text assembled in place; commit() says where
  // it ended (at most n bytes on).
  [[gnu::always_inline]] char* room(std::size_t n) {
    if (staging_ && cap_ - len_ >= n) [[likely]]
      return buf_.get() + len_;
    return room_slow(n);
  }
  [[gnu::always_inline]] void commit(const char* end) {
    if (!staging_) out_.resize(static_cast<std::size_t>(end - out_.data()));
    else len_ = static_cast<std::size_t>(end - buf_.get());
  }

 private:
  [[gnu::noinline]] char* room_slow(std::size_t n) {
    if (!staging_) {
      direct_at_ = out_.size();
      out_.resize(direct_at_ + n);
      return out_.data() + direct_at_;
    }
    grow(n);
    return buf_.get() + len_;
  }
  [[gnu::noinline]] void append_slow(const char* s, std::size_t n) {
    if (!staging_) return void(out_.append(s, n));
    grow(n);
    std::memcpy(buf_.get() + len_, s, n);
    len_ += n;
  }
  [[gnu::noinline]] void append_slow(std::size_t n, char c) {
    if (!staging_) return void(out_.append(n, c));
    grow(n);
    std::memset(buf_.get() + len_, c, n);
    len_ += n;
  }
  void grow(std::size_t more) {
    std::size_t cap = cap_ ? cap_ : 1024;
    while (cap - len_ < more) cap *= 2;
    auto bigger = std::make_unique<char[]>(cap);
    if (len_) std::memcpy(bigger.get(), buf_.get(), len_);
    buf_ = std::move(bigger);
    cap_ = cap;
  }

  std::string& out_;
  std::unique_ptr<char[]> buf_;
  std::size_t len_ = 0;
  std::size_t cap_ = 0;
  std::size_t direct_at_ = 0;
  bool staging_ = false;
};

}  // namespace etrace
