#include "app/sinks.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include "app/fatal.h"

namespace etrace {

struct Sinks::PerThread {
  std::unique_ptr<Output> out;
  std::unique_ptr<Emitter> emitter;
  int fd = -1;
  ~PerThread() {
    out.reset();  // flushes
    if (fd >= 0) close(fd);
  }
};

// Picks the thread's emitter at the start of each line and forwards everything to it.
class RoutingEmitter final : public Emitter {
 public:
  explicit RoutingEmitter(Sinks& s) : s_(s) {}

  void begin_call(const LineInfo& i, std::string_view n) override { pick(i).begin_call(i, n); }
  void end_call(const CallResult& r) override { cur_->end_call(r); }
  void end_unfinished() override { cur_->end_unfinished(); }
  void end_killed(bool more) override { cur_->end_killed(more); }
  void begin_resumed(const LineInfo& i, std::string_view n) override { pick(i).begin_resumed(i, n); }
  void signal_line(const LineInfo& i, std::string_view s) override { pick(i).signal_line(i, s); }
  void end_signal() override { cur_->end_signal(); }
  void exit_line(const LineInfo& i, int st, bool k, std::string_view s, bool c) override {
    pick(i).exit_line(i, st, k, s, c);
    cur_ = nullptr;
    s_.close_thread(i.tid);  // a thread's last line: free its descriptor
  }
  void lost_line(const LineInfo& i, std::uint64_t n) override { pick(i).lost_line(i, n); }
  void rate_limited_line(const LineInfo& i, std::uint64_t n) override { pick(i).rate_limited_line(i, n); }
  void arg(std::string_view n) override { cur_->arg(n); }
  void field(std::string_view n) override { cur_->field(n); }
  void element() override { cur_->element(); }
  void integer(std::int64_t v) override { cur_->integer(v); }
  void uinteger(std::uint64_t v) override { cur_->uinteger(v); }
  void hex(std::uint64_t v) override { cur_->hex(v); }
  void octal(std::uint64_t v) override { cur_->octal(v); }
  void pointer(std::uint64_t v) override { cur_->pointer(v); }
  using Emitter::symbol;
  void symbol(std::string_view n, std::int64_t r, Radix x) override { cur_->symbol(n, r, x); }
  void flags(std::span<const std::string_view> n, std::uint64_t r, std::uint64_t u) override { cur_->flags(n, r, u); }
  void flag_parts(std::span<const FlagPart> p) override { cur_->flag_parts(p); }
  void string(std::string_view b, bool t) override { cur_->string(b, t); }
  void fd(std::int64_t f, std::string_view d) override { cur_->fd(f, d); }
  void verbatim(std::string_view t) override { cur_->verbatim(t); }
  void comment(std::string_view t) override { cur_->comment(t); }
  void changed(std::string_view n) override { cur_->changed(n); }
  void decoded_comment(std::string_view t) override { cur_->decoded_comment(t); }
  void begin_struct() override { cur_->begin_struct(); }
  void end_struct() override { cur_->end_struct(); }
  void begin_array() override { cur_->begin_array(); }
  void end_array() override { cur_->end_array(); }
  void ellipsis() override { cur_->ellipsis(); }

 private:
  Emitter& pick(const LineInfo& i) {
    cur_ = s_.thread(i.tid).emitter.get();
    return *cur_;
  }
  Sinks& s_;
  Emitter* cur_ = nullptr;
};

Sinks::Sinks(int fd, std::string name, EmitterFactory make) : make_(std::move(make)) {
  single_ = std::make_unique<Output>(fd, std::move(name));
  single_emitter_ = make_(single_->buffer());
}

Sinks::Sinks(std::string stem, bool append, EmitterFactory make)
    : make_(std::move(make)), stem_(std::move(stem)), append_(append) {
  front_ = std::make_unique<RoutingEmitter>(*this);
}

Sinks::~Sinks() { flush(); }

Sinks::PerThread& Sinks::thread(std::uint32_t tid) {
  auto& slot = threads_[tid];
  if (!slot) {
    const std::string path = fmt::format("{}.{}", stem_, tid);
    const bool again = !opened_before_.insert(tid).second;
    const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append_ || again ? O_APPEND : O_TRUNC);
    auto t = std::make_unique<PerThread>();
    t->fd = open(path.c_str(), flags, 0644);
    if (t->fd < 0) throw Fatal(fmt::format("cannot open output file '{}': {}", path, std::strerror(errno)));
    t->out = std::make_unique<Output>(t->fd, fmt::format("'{}'", path));
    t->emitter = make_(t->out->buffer());
    slot = std::move(t);
  }
  return *slot;
}

void Sinks::close_thread(std::uint32_t tid) { threads_.erase(tid); }

std::string& Sinks::buffer_for(std::uint32_t tid) {
  if (single_) return single_->buffer();
  return thread(tid).out->buffer();
}

void Sinks::maybe_flush() {
  if (single_) single_->maybe_flush();
  for (auto& [tid, t] : threads_) t->out->maybe_flush();
}

bool Sinks::failed() const { return Output::any_failed(); }

void Sinks::flush() {
  if (single_) single_->flush();
  for (auto& [tid, t] : threads_) t->out->flush();
}

}  // namespace etrace
