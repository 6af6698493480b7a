#include "app/sinks.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>

#include <fmt/format.h>

#include "format/escape.h"

namespace etrace {

struct Sinks::PerThread {
  std::unique_ptr<Output> out;
  std::unique_ptr<Emitter> emitter;
  int fd = -1;
  bool unopenable = false;  // its file could not be opened: its lines are dropped
  std::uint64_t last_use = 0;
  ~PerThread() {
    out.reset();  // Sinks flushed it; with no descriptor left, anything else is dropped
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
  // More files open means fewer reopens: take the hard limit. Some descriptors stay free for
  // the rest of etrace (/proc reads, pidfds).
  rlimit rl{};
  if (getrlimit(RLIMIT_NOFILE, &rl) == 0) {
    if (rl.rlim_cur < rl.rlim_max) {
      rlimit raised = rl;
      raised.rlim_cur = std::min<rlim_t>(rl.rlim_max, 1 << 20);
      if (setrlimit(RLIMIT_NOFILE, &raised) == 0) rl = raised;
    }
    constexpr rlim_t kReserve = 64;
    max_open_files_ = rl.rlim_cur == RLIM_INFINITY ? 1 << 20
                      : rl.rlim_cur > kReserve + 8  ? static_cast<std::size_t>(rl.rlim_cur - kReserve)
                                                     : 8;
  } else {
    max_open_files_ = 256;
  }
}

Sinks::~Sinks() {
  flush();
  if (open_failures_ > 1)
    Output::say(fmt::format("etrace: {} per-thread output files could not be opened in all; their lines are lost\n",
                            open_failures_));
}

Sinks::PerThread& Sinks::thread(std::uint32_t tid) {
  auto& slot = threads_[tid];
  if (!slot) {
    auto t = std::make_unique<PerThread>();
    t->out = std::make_unique<Output>(-1, fmt::format("'{}.{}'", stem_, tid));
    t->emitter = make_(t->out->buffer());
    slot = std::move(t);
  }
  slot->last_use = ++use_clock_;
  return *slot;
}

// Opens the thread's file if it is not open, first closing the least recently used one when
// etrace is at its share of the descriptor limit (or the kernel says the limit is reached).
bool Sinks::ensure_open(std::uint32_t tid, PerThread& t) {
  if (t.fd >= 0) return true;
  if (t.unopenable) return false;
  const std::string path = fmt::format("{}.{}", stem_, tid);
  const bool again = !opened_before_.insert(tid).second;
  const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (append_ || again ? O_APPEND : O_TRUNC);
  while (open_files_ >= max_open_files_ && close_least_recent(tid)) {
  }
  int fd;
  while ((fd = open(path.c_str(), flags, 0644)) < 0 && (errno == EMFILE || errno == ENFILE) && close_least_recent(tid)) {
  }
  if (fd < 0) {
    const int err = errno;
    t.unopenable = true;
    Output::mark_failed();
    if (open_failures_++ == 0)
      Output::say(fmt::format("etrace: cannot open output file '{}': {}; lines of that thread are lost, and of any "
                              "other whose file cannot be opened ({})\n",
                              printable(path), std::strerror(err),
                              err == EMFILE || err == ENFILE ? "raise the limit on open files: ulimit -n"
                                                             : "keep the directory of -o writable, or choose another -o"));
    return false;
  }
  t.fd = fd;
  t.out->set_fd(fd);
  ++open_files_;
  return true;
}

bool Sinks::close_least_recent(std::uint32_t keep) {
  PerThread* victim = nullptr;
  std::uint32_t victim_tid = 0;
  for (auto& [tid, t] : threads_)
    if (t->fd >= 0 && tid != keep && (!victim || t->last_use < victim->last_use)) {
      victim = t.get();
      victim_tid = tid;
    }
  if (!victim) return false;
  victim->out->flush();
  close(victim->fd);
  victim->fd = -1;
  victim->out->set_fd(-1);
  opened_before_.insert(victim_tid);  // reopened later to append
  --open_files_;
  return true;
}

void Sinks::flush_thread(std::uint32_t tid, PerThread& t) {
  if (!t.out->buffer().empty()) ensure_open(tid, t);
  t.out->flush();
}

void Sinks::close_thread(std::uint32_t tid) {
  auto it = threads_.find(tid);
  if (it == threads_.end()) return;
  flush_thread(tid, *it->second);
  if (it->second->fd >= 0) --open_files_;
  threads_.erase(it);
}

std::string& Sinks::buffer_for(std::uint32_t tid) {
  if (single_) return single_->buffer();
  return thread(tid).out->buffer();
}

void Sinks::maybe_flush() {
  if (single_) single_->maybe_flush();
  for (auto& [tid, t] : threads_)
    if (t->out->due()) flush_thread(tid, *t);
}

bool Sinks::failed() const { return Output::any_failed(); }

void Sinks::flush() {
  if (single_) single_->flush();
  for (auto& [tid, t] : threads_) flush_thread(tid, *t);
}

}  // namespace etrace
