#include "syscalls/capture_plan.h"

#include <algorithm>

#include "etrace/config.h"

namespace etrace {

namespace {

constexpr std::uint32_t kPathMax = 4096;
constexpr std::uint32_t kSockaddrMax = 128;
constexpr std::uint32_t kNodeMaskMax = 16 * 8;  // 1024 NUMA nodes: what glibc and numactl pass
// Any one payload must fit half the scratch buffer (see bpf/capture.bpf.h).
constexpr std::uint32_t kPayloadMax = ETRACE_SCRATCH_HALF - sizeof(etrace_payload) - 8;

// Arrays (pollfd[nfds], iovec[iovcnt], ...) are captured up to this many bytes.
constexpr std::uint32_t kArrayMax = 4096;
// ioctl: the bytes a request's size field asks for, up to kIoctlMax; a request without one
// (the terminal's 0x54xx) points to at most a struct termios2 or a struct serial_struct.
constexpr std::uint32_t kIoctlMax = 1024;
constexpr std::uint16_t kIoctlUnsized = 72;
// Netlink messages in a socket buffer are decoded up to this many bytes.
constexpr std::uint32_t kNetlinkMax = 4096;

void add(etrace_syscall_plan& plan, std::uint8_t arg, std::uint8_t type, std::uint8_t when,
         std::uint8_t len_arg, std::uint32_t max, std::uint16_t elem_size = 0) {
  if (plan.ncaptures >= ETRACE_MAX_CAPTURES) return;
  plan.captures[plan.ncaptures++] = {arg, type, when, len_arg,
                                     static_cast<std::uint16_t>(std::min(max, kPayloadMax)), elem_size};
}

// A struct argument: fixed size, an array counted by another argument, or (size 0) a buffer
// the call fills up to its return value (getdents64).
void add_struct(etrace_syscall_plan& plan, const ArgSpec& a, std::uint8_t idx, std::uint8_t when) {
  if (a.len_arg >= 0 && a.size)
    add(plan, idx, ETRACE_CAP_BUF_ARG, when, static_cast<std::uint8_t>(a.len_arg), kArrayMax, a.size);
  else if (a.size)
    add(plan, idx, ETRACE_CAP_FIXED, when, 0, a.size);
  else if (when != ETRACE_AT_ENTER)
    add(plan, idx, ETRACE_CAP_BUF_RET, when, 0, kPayloadMax);
}

// -y: what the call's fds refer to, after the data captures (a plan holds ETRACE_MAX_CAPTURES,
// and the bytes cannot be learned later while an fd mostly can). Fd arguments first, then the
// fds the call creates, then dirfds (mostly AT_FDCWD, else a directory the trace opened).
void add_fd_infos(etrace_syscall_plan& plan, const SyscallSpec& spec) {
  auto args_of = [&](ArgKind kind) {
    for (std::size_t i = 0; i < spec.nargs; ++i)
      if (spec.args[i].kind == kind)
        add(plan, static_cast<std::uint8_t>(i), ETRACE_CAP_FDINFO, ETRACE_AT_ENTER, ETRACE_FDINFO_FROM_ARG, 0);
  };
  args_of(ArgKind::Fd);
  if (spec.ret == RetKind::Fd) add(plan, 0, ETRACE_CAP_FDINFO, ETRACE_AT_EXIT, ETRACE_FDINFO_FROM_RET, 0);
  for (std::size_t i = 0; i < spec.nargs; ++i)
    if (spec.args[i].kind == ArgKind::FdPair)
      add(plan, static_cast<std::uint8_t>(i), ETRACE_CAP_FDINFO, ETRACE_AT_EXIT, ETRACE_FDINFO_FROM_PAIR, 0);
  // recvmsg: fds passed with SCM_RIGHTS are new in the receiver, created by the call.
  if (spec.name == "recvmsg") add(plan, 1, ETRACE_CAP_FDINFO, ETRACE_AT_EXIT, ETRACE_FDINFO_FROM_CMSG, 0);
  args_of(ArgKind::DirFd);
}

// A buffer sent on a netlink socket shows as the messages it holds, read whole as strace reads
// them, where other sockets' bytes stop at -s. Which kind of socket it is the kernel side tells
// (FDINFO of the fd, taken with or without -y), and a second, longer copy of the buffer follows
// the -s one, which stays what a string shows: bytes past -s that cannot be read leave it whole.
// The longer copy keeps what could be read of a buffer that ends in an unreadable page.
void add_socket_buffers(etrace_syscall_plan& plan, const SyscallSpec& spec, const PlanOptions& opts) {
  for (std::size_t i = 0; i < spec.nargs; ++i) {
    const ArgSpec& a = spec.args[i];
    if (a.kind != ArgKind::BufIn || a.detail != "sockbuf" || a.len_arg < 0) continue;
    if (opts.decorate_fds == 0)
      for (std::size_t f = 0; f < spec.nargs; ++f)
        if (spec.args[f].kind == ArgKind::Fd) {
          add(plan, static_cast<std::uint8_t>(f), ETRACE_CAP_FDINFO, ETRACE_AT_ENTER, ETRACE_FDINFO_FROM_ARG, 0);
          break;
        }
    if (opts.max_strlen < kNetlinkMax)
      add(plan, static_cast<std::uint8_t>(i), ETRACE_CAP_BUF_ARG_READABLE, ETRACE_AT_ENTER,
          static_cast<std::uint8_t>(a.len_arg), kNetlinkMax);
  }
}

}  // namespace

namespace {

// Calls whose iovec buffers strace shows (their own memory, moved by the call).
bool shows_iov_data(std::string_view name) {
  return name == "readv" || name == "writev" || name == "preadv" || name == "preadv2" || name == "pwritev" ||
         name == "pwritev2";
}

// Whether the call's entry captures may wait for its exit, which saves the entry program
// almost all its work (the write loop spends a third of its traced time there otherwise). True
// when the call leaves what they read untouched: no argument is both read and written, the
// process keeps its memory (not execve), the captures read plain memory the caller owns (not
// the signal frame at the stack pointer, not -y's view of an fd, which the call may change), and
// the call returns. A vfork child shares and may rewrite the parent's memory
// before the parent returns, so the clone family stays at entry too.
bool inputs_keep_until_exit(const SyscallSpec& spec, const etrace_syscall_plan& plan) {
  if (plan.flags & ETRACE_PLAN_NO_RETURN) return false;
  // And calls that write into a struct their spec reads as an input: capget/capset correct the
  // header's version, rseq fills in the cpu ids, sched_setattr its size (E2BIG), recvmmsg the
  // time left, copy_file_range and splice advance the offsets they were given (strace shows
  // the offsets the call started from).
  static constexpr std::string_view kChangesInputs[] = {
      "execve", "execveat", "clone", "clone3", "fork", "vfork", "rt_sigreturn",
      "capget", "capset", "rseq", "sched_setattr", "recvmmsg", "copy_file_range", "splice"};
  for (auto name : kChangesInputs)
    if (spec.name == name) return false;
  // fcntl's struct flock is read by the F_SETLK commands and written by the F_GETLK ones, which
  // strace shows only as the call left it: a copy taken at exit serves both.
  const bool shown_as_left = spec.name == "fcntl";
  for (unsigned i = 0; i < plan.ncaptures; ++i) {
    const etrace_capture& c = plan.captures[i];
    if (c.when != ETRACE_AT_ENTER) continue;
    // -y shows an fd as it was when the call began: connect, bind or a first sendto change it.
    if (c.type == ETRACE_CAP_STACK || c.type == ETRACE_CAP_FDINFO) return false;
    if (shown_as_left) continue;
    for (unsigned j = 0; j < plan.ncaptures; ++j) {
      const etrace_capture& o = plan.captures[j];
      if (o.when == ETRACE_AT_ENTER) continue;
      // Read and written: poll's pollfd, select's sets, accept's socklen (`[128 => 16]`).
      if ((o.arg == c.arg && o.type != ETRACE_CAP_FDINFO) || (o.type == ETRACE_CAP_BUF_LEN_PTR && o.len_arg == c.arg))
        return false;
    }
  }
  for (std::size_t i = 0; i < spec.nargs; ++i)
    if (spec.args[i].kind == ArgKind::StructInOut) return false;
  if (shown_as_left) return true;
  // An input struct and an output struct of the same type may be one buffer (nanosleep(&ts, &ts),
  // sigprocmask(how, &set, &set)): at exit the input would already be overwritten.
  for (unsigned i = 0; i < plan.ncaptures; ++i)
    for (unsigned j = 0; j < plan.ncaptures; ++j) {
      const etrace_capture& in = plan.captures[i];
      const etrace_capture& out = plan.captures[j];
      if (in.when == ETRACE_AT_ENTER && out.when != ETRACE_AT_ENTER && in.type == ETRACE_CAP_FIXED &&
          out.type == ETRACE_CAP_FIXED && in.max == out.max)
        return false;
    }
  return true;
}

}  // namespace

etrace_syscall_plan plan_for_spec(const SyscallSpec& spec, const PlanOptions& opts) {
  etrace_syscall_plan plan{};
  plan.flags = ETRACE_PLAN_ENABLED;
  if (spec.ret == RetKind::None) plan.flags |= ETRACE_PLAN_NO_RETURN;
  const std::uint32_t s = opts.max_strlen;
  for (std::size_t i = 0; i < spec.nargs; ++i) {
    const ArgSpec& a = spec.args[i];
    const auto idx = static_cast<std::uint8_t>(i);
    const auto len = static_cast<std::uint8_t>(a.len_arg < 0 ? 0 : a.len_arg);
    switch (a.kind) {
      case ArgKind::Path: add(plan, idx, ETRACE_CAP_STRING, ETRACE_AT_ENTER, 0, kPathMax); break;
      // s + 1 characters and the NUL: a string longer than -s shows its "..." mark.
      case ArgKind::String: add(plan, idx, ETRACE_CAP_STRING, ETRACE_AT_ENTER, 0, s + 2); break;
      case ArgKind::BufIn:
        if (a.len_arg >= 0) add(plan, idx, ETRACE_CAP_BUF_ARG, ETRACE_AT_ENTER, len, s);
        break;
      // A path the call writes (getcwd) is shown whole, as paths going in are: not cut at -s.
      case ArgKind::BufOut:
        add(plan, idx, ETRACE_CAP_BUF_RET, ETRACE_AT_EXIT, 0, a.detail == "path" ? kPathMax : s);
        break;
      case ArgKind::StructIn:
      case ArgKind::StructOut: {
        std::uint8_t when = a.kind == ArgKind::StructIn ? ETRACE_AT_ENTER : ETRACE_AT_EXIT;
        // A sleep's remaining time is written when a signal cuts it short: the call fails then.
        if (a.kind == ArgKind::StructOut && (a.name == "rem" || a.name == "remain")) when = ETRACE_AT_EXIT_ALWAYS;
        if (a.detail == "iovec" && a.len_arg >= 0 && shows_iov_data(spec.name))
          add(plan, idx, ETRACE_CAP_IOV, when, len, s);
        else if (a.detail == "msghdr") {
          add(plan, idx, ETRACE_CAP_MSGHDR, when, 0, s);
          // recvmsg rewrites msg_namelen: strace shows it going in and coming out, "110 => 16".
          if (a.kind == ArgKind::StructOut) add(plan, idx, ETRACE_CAP_FIXED, ETRACE_AT_ENTER, 0, 12);
        }
        else if (a.detail == "mmsghdr" && a.len_arg >= 0)  // msg_len is written by the call: read at exit
          add(plan, idx, ETRACE_CAP_MMSGHDR, ETRACE_AT_EXIT, len, s);
        else {
          // getdents64: the count first, the buffer (up to half the scratch space) after it.
          if (a.detail == "linux_dirent64" && a.kind == ArgKind::StructOut)
            add(plan, idx, ETRACE_CAP_DIRENT_COUNT, ETRACE_AT_EXIT, 0, 0);
          add_struct(plan, a, idx, when);
        }
        // clone3 writes the child's tid through clone_args.parent_tid (offset 24): strace
        // shows it after the struct, "=> {parent_tid=[N]}".
        if (a.detail == "clone_args") add(plan, idx, ETRACE_CAP_DEREF, ETRACE_AT_EXIT, 0, 4, 24);
        break;
      }
      case ArgKind::StructInOut:
        add_struct(plan, a, idx, ETRACE_AT_ENTER);
        add_struct(plan, a, idx, ETRACE_AT_EXIT);
        break;
      case ArgKind::SockaddrIn:
        if (a.len_arg >= 0) add(plan, idx, ETRACE_CAP_BUF_ARG, ETRACE_AT_ENTER, len, kSockaddrMax);
        break;
      case ArgKind::SockaddrOut:
        if (a.len_arg >= 0) add(plan, idx, ETRACE_CAP_BUF_LEN_PTR, ETRACE_AT_EXIT, len, kSockaddrMax);
        break;
      case ArgKind::Argv: add(plan, idx, ETRACE_CAP_STRVEC, ETRACE_AT_ENTER, 0, s + 2); break;
      case ArgKind::Envp:
        if (opts.verbose) add(plan, idx, ETRACE_CAP_STRVEC, ETRACE_AT_ENTER, 0, s + 2);
        else add(plan, idx, ETRACE_CAP_PTR_COUNT, ETRACE_AT_ENTER, 0, 0);
        break;
      case ArgKind::FdPair: add(plan, idx, ETRACE_CAP_FIXED, ETRACE_AT_EXIT, 0, 8); break;
      case ArgKind::Custom:
        // x86_64: at rt_sigreturn's entry sp points at the ucontext of the signal frame, whose
        // uc_sigmask sits after uc_flags, uc_link, uc_stack and uc_mcontext (8+8+24+256).
        if (a.detail == "sigframe") add(plan, idx, ETRACE_CAP_STACK, ETRACE_AT_ENTER, 0, a.size, 296);
        // NUMA node masks (get/set_mempolicy, mbind): maxnode bits in longs. Taken as maxnode
        // bytes (eight times what the mask needs), at most 16 longs' worth; the decoder shows
        // the longs the mask has.
        if (a.detail == "nodemask_in" || a.detail == "nodemask_out")
          add(plan, idx, ETRACE_CAP_BUF_ARG, a.detail == "nodemask_in" ? ETRACE_AT_ENTER : ETRACE_AT_EXIT, len,
              kNodeMaskMax);
        if (a.detail == "mempolicy_out") add(plan, idx, ETRACE_CAP_FIXED, ETRACE_AT_EXIT, 0, 4);
        // ioctl's argument: what the request points to, as the call got it and as it left it.
        if (a.detail == "ioctl_arg") {
          add(plan, idx, ETRACE_CAP_UPTO, ETRACE_AT_ENTER, 1, kIoctlMax, kIoctlUnsized);
          add(plan, idx, ETRACE_CAP_UPTO, ETRACE_AT_EXIT, 1, kIoctlMax, kIoctlUnsized);
        }
        // prctl: PR_SET_NAME's name (16 bytes as they are, not a string: strace shows 15
        // characters and "..." when no NUL ends them, even at the end of a mapping) and what the
        // GET options fill; PR_SET_VMA's name and PR_SCHED_CORE_GET's cookie.
        if (a.detail == "prctl_arg2") {
          add(plan, idx, ETRACE_CAP_UPTO, ETRACE_AT_ENTER, 0xff, 16);
          add(plan, idx, ETRACE_CAP_UPTO, ETRACE_AT_EXIT, 0xff, 16);
        }
        if (a.detail == "prctl_arg5") {
          add(plan, idx, ETRACE_CAP_STRING, ETRACE_AT_ENTER, 0, s + 2);
          add(plan, idx, ETRACE_CAP_UPTO, ETRACE_AT_EXIT, 0xff, 8);
        }
        // setsockopt's value: optlen bytes up to -s (shown as a string), and the first 32 bytes
        // cut at the page's end (an int or a struct: strace reads its size, whatever optlen says).
        if (a.detail == "setsockopt_val") {
          add(plan, idx, ETRACE_CAP_BUF_ARG, ETRACE_AT_ENTER, len, s);
          add(plan, idx, ETRACE_CAP_UPTO, ETRACE_AT_ENTER, 0xff, 32);
        }
        // getsockopt's value: up to 128 bytes cut at the page's end (the buffer may be shorter
        // than the length the kernel reports: NETLINK_LIST_MEMBERSHIPS).
        if (a.detail == "getsockopt_val") add(plan, idx, ETRACE_CAP_UPTO, ETRACE_AT_EXIT, 0xff, kSockaddrMax);
        // getsockopt's optlen: the buffer's size going in, the value's length coming out.
        if (a.detail == "sockopt_len") {
          add(plan, idx, ETRACE_CAP_FIXED, ETRACE_AT_ENTER, 0, 4);
          add(plan, idx, ETRACE_CAP_FIXED, ETRACE_AT_EXIT, 0, 4);
        }
        if (a.detail == "arch_prctl_addr") add(plan, idx, ETRACE_CAP_FIXED, ETRACE_AT_EXIT, 0, 8);
        // msgsnd/msgrcv's struct msgbuf: its long mtype and as much text as -s shows.
        if (a.detail == "msgbuf_in" || a.detail == "msgbuf_out")
          add(plan, idx, ETRACE_CAP_FIXED, a.detail == "msgbuf_in" ? ETRACE_AT_ENTER : ETRACE_AT_EXIT, 0, 8 + s);
        // fcntl's struct flock: as F_SETLK* pass it, and as F_GETLK* fill it.
        if (a.detail == "fcntl_arg") {
          add(plan, idx, ETRACE_CAP_FIXED, ETRACE_AT_ENTER, 0, a.size);
          add(plan, idx, ETRACE_CAP_FIXED, ETRACE_AT_EXIT, 0, a.size);
        }
        break;
      default: break;
    }
  }
  add_socket_buffers(plan, spec, opts);
  if (opts.decorate_fds > 0) add_fd_infos(plan, spec);
  if (inputs_keep_until_exit(spec, plan)) plan.flags |= ETRACE_PLAN_INPUTS_AT_EXIT;
  return plan;
}

const etrace_syscall_plan& plan_of(const std::vector<etrace_syscall_plan>& plans, std::int64_t nr) {
  return nr >= 0 && static_cast<std::size_t>(nr) + 1 < plans.size() ? plans[static_cast<std::size_t>(nr)]
                                                                    : plans.back();
}

std::vector<etrace_syscall_plan> project_capture_plans(const SyscallTable& table,
                                                       const std::vector<bool>& traced,
                                                       bool trace_unknown, const PlanOptions& opts) {
  std::vector<etrace_syscall_plan> plans(ETRACE_MAX_SYSCALL_NR);
  PlanOptions one = opts;
  one.unabbreviated.clear();
  for (int nr = 0; nr < ETRACE_MAX_SYSCALL_NR; ++nr) {
    const bool on = static_cast<std::size_t>(nr) < traced.size() ? traced[nr] : trace_unknown;
    if (!on) continue;
    const SyscallInfo* info = table.by_number(nr);
    const auto i = static_cast<std::size_t>(nr);
    one.verbose = i < opts.unabbreviated.size() ? opts.unabbreviated[i] : opts.verbose;
    plans[nr] = plan_for_spec(info && info->spec ? *info->spec : generic_syscall_spec(), one);
  }
  // The last slot stands for every number beyond the array: generic, enabled with unknowns.
  plans.back() = etrace_syscall_plan{};
  if (trace_unknown) plans.back().flags = ETRACE_PLAN_ENABLED;
  return plans;
}

}  // namespace etrace
