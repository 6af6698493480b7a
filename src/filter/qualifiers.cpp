// The -e dispatcher and every qualifier that is not a syscall set.
#include <strings.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>

#include <fmt/format.h>

#include "filter/expression.h"

namespace etrace {

using filter_detail::parse_decimal;
using filter_detail::split_list;

namespace filter_detail {

std::vector<std::string_view> split_list(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    auto comma = text.find(',');
    auto token = text.substr(0, comma);
    if (!token.empty()) out.push_back(token);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

std::optional<std::uint64_t> parse_decimal(std::string_view text, std::uint64_t max) {
  if (text.empty()) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
    if (value > max) return std::nullopt;
  }
  return value;
}

}  // namespace filter_detail

namespace {

enum class Qualifier { Trace, Abbrev, Verbose, Raw, Signal, Status, Read, Write, TraceFds, Quiet,
                       DecodeFds, DecodePids, Inject, Kvm };

struct QualifierName {
  std::string_view name;
  Qualifier qualifier;
};

// strace's spellings, aliases included; "trace-fds" arrived in strace 6.3.
constexpr std::array<QualifierName, 30> kQualifiers{{
    {"trace", Qualifier::Trace},        {"t", Qualifier::Trace},
    {"abbrev", Qualifier::Abbrev},      {"a", Qualifier::Abbrev},
    {"verbose", Qualifier::Verbose},    {"v", Qualifier::Verbose},
    {"raw", Qualifier::Raw},            {"x", Qualifier::Raw},
    {"signal", Qualifier::Signal},      {"signals", Qualifier::Signal},
    {"s", Qualifier::Signal},           {"status", Qualifier::Status},
    {"read", Qualifier::Read},          {"reads", Qualifier::Read},
    {"r", Qualifier::Read},             {"write", Qualifier::Write},
    {"writes", Qualifier::Write},       {"w", Qualifier::Write},
    {"trace-fds", Qualifier::TraceFds}, {"quiet", Qualifier::Quiet},
    {"silent", Qualifier::Quiet},       {"silence", Qualifier::Quiet},
    {"q", Qualifier::Quiet},            {"decode-fds", Qualifier::DecodeFds},
    {"decode-fd", Qualifier::DecodeFds},{"decode-pids", Qualifier::DecodePids},
    {"decode-pid", Qualifier::DecodePids},{"inject", Qualifier::Inject},
    {"fault", Qualifier::Inject},       {"kvm", Qualifier::Kvm},
}};

// strace's long options that are one qualifier each (getopt_long also takes unique prefixes,
// which is the CLI parser's business).
constexpr std::array<std::string_view, 18> kLongQualifierOptions{{
    "trace", "abbrev", "verbose", "raw", "signal", "signals", "status", "read", "write", "trace-fds",
    "quiet", "silent", "silence", "decode-fds", "decode-pids", "inject", "fault", "kvm"}};

struct NamedBit {
  std::string_view name;
  std::uint32_t bit;
};

constexpr std::array<NamedBit, 5> kStatusNames{{
    {"successful", kStatusSuccessful}, {"failed", kStatusFailed}, {"unfinished", kStatusUnfinished},
    {"unavailable", kStatusUnavailable}, {"detached", kStatusDetached}}};

constexpr std::array<NamedBit, 7> kQuietNames{{
    {"attach", kQuietAttach}, {"exit", kQuietExit}, {"exits", kQuietExit},
    {"path-resolution", kQuietPathResolution}, {"personality", kQuietPersonality},
    {"thread-execve", kQuietThreadExecve}, {"superseded", kQuietThreadExecve}}};

constexpr std::array<NamedBit, 5> kDecodeFdsNames{{
    {"path", kDecodeFdsPath}, {"socket", kDecodeFdsSocket}, {"dev", kDecodeFdsDev},
    {"pidfd", kDecodeFdsPidfd}, {"signalfd", kDecodeFdsSignalfd}}};

constexpr std::array<NamedBit, 2> kDecodePidsNames{{{"pidns", kDecodePidsPidns}, {"comm", kDecodePidsComm}}};

// x86_64 numbering; 32 is SIGRTMIN and 33..64 are SIGRT_1..SIGRT_32, as strace names them.
constexpr std::array<std::string_view, 32> kSignalNames{{
    "", "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV", "USR2",
    "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU",
    "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS"}};

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

template <std::size_t N>
std::optional<std::uint64_t> find_bit(const std::array<NamedBit, N>& names, std::string_view token) {
  for (const auto& n : names)
    if (iequals(n.name, token)) return n.bit;
  return std::nullopt;
}

std::optional<std::uint64_t> parse_signal(std::string_view token) {
  if (!token.empty() && token.front() >= '0' && token.front() <= '9') return parse_decimal(token, 255);
  if (token.size() >= 3 && iequals(token.substr(0, 3), "SIG")) token.remove_prefix(3);
  for (std::size_t i = 1; i < kSignalNames.size(); ++i)
    if (iequals(kSignalNames[i], token)) return i;
  if (iequals(token, "RTMIN")) return 32;
  for (unsigned n = 1; n <= 32; ++n)
    if (iequals(fmt::format("RT_{}", n), token)) return 32 + n;
  return std::nullopt;
}

// strace reads descriptors with strtol: leading blanks and '+' pass, trailing ones do not.
std::optional<std::uint64_t> parse_fd(std::string_view token) {
  while (!token.empty() && std::isspace(static_cast<unsigned char>(token.front()))) token.remove_prefix(1);
  if (!token.empty() && token.front() == '+') token.remove_prefix(1);
  return parse_decimal(token, INT_MAX);
}

// strace's qualify_tokens: [!]... then all | none | a comma list of values.
struct TokenSet {
  bool invert = false;
  bool all = false;  // "all" (before any inversion)
  std::vector<std::uint64_t> values;
};

template <typename Parse>
std::optional<std::string> parse_tokens(std::string_view text, std::string_view what, Parse parse,
                                        TokenSet& out) {
  TokenSet set;
  std::string_view rest = text;
  while (!rest.empty() && rest.front() == '!') {
    set.invert = !set.invert;
    rest.remove_prefix(1);
  }
  if (rest == "all") {
    set.all = true;
  } else if (rest != "none") {
    auto tokens = split_list(rest);
    if (tokens.empty()) return fmt::format("invalid {} '{}'", what, text);
    for (auto token : tokens) {
      auto value = parse(token);
      if (!value) return fmt::format("invalid {} '{}'", what, token);
      set.values.push_back(*value);
    }
  }
  out = std::move(set);
  return std::nullopt;
}

template <std::size_t N>
std::optional<std::string> parse_mask(std::string_view text, std::string_view what,
                                      const std::array<NamedBit, N>& names, std::uint32_t all_bits,
                                      std::uint32_t& out) {
  TokenSet set;
  if (auto err = parse_tokens(text, what, [&](std::string_view t) { return find_bit(names, t); }, set))
    return err;
  std::uint32_t mask = set.all ? all_bits : 0;
  for (auto v : set.values) mask |= static_cast<std::uint32_t>(v);
  out = set.invert ? (~mask & all_bits) : mask;
  return std::nullopt;
}

std::optional<std::string> parse_fds(std::string_view text, FdSet& out) {
  TokenSet set;
  if (auto err = parse_tokens(text, "descriptor", parse_fd, set)) return err;
  FdSet fds;
  fds.negated = set.all != set.invert;
  for (auto v : set.values) fds.fds.push_back(static_cast<int>(v));
  std::sort(fds.fds.begin(), fds.fds.end());
  fds.fds.erase(std::unique(fds.fds.begin(), fds.fds.end()), fds.fds.end());
  out = std::move(fds);
  return std::nullopt;
}

std::optional<std::string> parse_signals(std::string_view text, NumberSet& out) {
  TokenSet set;
  if (auto err = parse_tokens(text, "signal", parse_signal, set)) return err;
  NumberSet signals{std::vector<bool>(256, set.all), set.all};
  for (auto v : set.values) signals.bits[v] = true;
  if (set.invert) {
    signals.bits.flip();
    signals.outside = !signals.outside;
  }
  out = std::move(signals);
  return std::nullopt;
}

constexpr std::string_view kQuietConflict = "-q and -e quiet/--quiet cannot be provided simultaneously";

}  // namespace

std::optional<std::string> FilterBuilder::add(std::string_view expression) {
  auto qualifier = Qualifier::Trace;
  std::string_view value = expression;
  for (const auto& q : kQualifiers) {
    if (expression.size() > q.name.size() && expression.substr(0, q.name.size()) == q.name &&
        expression[q.name.size()] == '=') {
      qualifier = q.qualifier;
      value = expression.substr(q.name.size() + 1);
      break;
    }
  }

  switch (qualifier) {
    case Qualifier::Trace: return parse_syscall_set(value, spec_.trace, &spec_.named_syscalls);
    case Qualifier::Abbrev: return parse_syscall_set(value, spec_.abbrev, nullptr);
    case Qualifier::Verbose: return parse_syscall_set(value, spec_.verbose, nullptr);
    case Qualifier::Raw: return parse_syscall_set(value, spec_.raw, nullptr);
    case Qualifier::Signal: return parse_signals(value, spec_.signals);
    case Qualifier::Status: return parse_mask(value, "status", kStatusNames, kStatusAll, spec_.status);
    case Qualifier::Read: return parse_fds(value, spec_.read_fds);
    case Qualifier::Write: return parse_fds(value, spec_.write_fds);
    case Qualifier::TraceFds: return parse_fds(value, spec_.trace_fds);
    case Qualifier::Quiet: {
      if (q_count_ > 0) return std::string(kQuietConflict);
      if (auto err = parse_mask(value, "quiet", kQuietNames, kQuietAll, spec_.quiet)) return err;
      quiet_qualifier_ = true;
      spec_.quiet_given = true;
      return std::nullopt;
    }
    case Qualifier::DecodeFds: {
      std::uint32_t mask = 0;
      if (auto err = parse_mask(value, "decode-fds", kDecodeFdsNames, kDecodeFdsAll, mask)) return err;
      spec_.decode_fds = mask;
      return std::nullopt;
    }
    case Qualifier::DecodePids: {
      std::uint32_t mask = 0;
      if (auto err = parse_mask(value, "decode-pids", kDecodePidsNames, kDecodePidsAll, mask)) return err;
      spec_.decode_pids = mask;
      return std::nullopt;
    }
    case Qualifier::Inject:
      return fmt::format("-e {} is not supported: etrace never changes what the traced program sees",
                         expression.substr(0, expression.find('=')));
    case Qualifier::Kvm: return std::string("-e kvm is not supported");
  }
  return std::nullopt;
}

void FilterBuilder::add_z() {
  if (++z_count_ == 2)
    spec_.warnings.emplace_back(
        "Only the last of -z/--successful-only/-Z/--failed-only options will take effect. "
        "See status qualifier for more complex filters.");
  spec_.status = kStatusSuccessful;
}

void FilterBuilder::add_Z() {
  add_z();
  spec_.status = kStatusFailed;
}

void FilterBuilder::add_v() {
  std::fill(spec_.abbrev.bits.begin(), spec_.abbrev.bits.end(), false);
  spec_.abbrev.outside = false;
}

std::optional<std::string> FilterBuilder::add_q() {
  if (quiet_qualifier_) return std::string(kQuietConflict);
  ++q_count_;
  spec_.quiet_given = true;
  spec_.quiet = q_count_ == 1   ? kQuietAttach | kQuietPersonality
                : q_count_ == 2 ? kQuietAttach | kQuietPersonality | kQuietExit
                                : kQuietAll;
  return std::nullopt;
}

FilterSpec FilterBuilder::finish() const { return spec_; }

std::optional<std::string_view> FilterBuilder::qualifier_for_long_option(std::string_view option) {
  for (auto name : kLongQualifierOptions)
    if (name == option) return name;
  return std::nullopt;
}

}  // namespace etrace
