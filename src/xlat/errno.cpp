// errno names as strace prints them, and its messages: glibc's strerror() texts, except for the
// kernel-internal restart codes, which strace describes itself.
#include <cerrno>
#include <cstring>
#include <array>
#include <string>

#include "xlat/xlat.h"

namespace etrace {

namespace {

// Aliases (EWOULDBLOCK, EDEADLOCK, ENOTSUP) are left out: strace prints the primary name.
constexpr XlatEntry kErrnos[] = {
    XLAT(EPERM), XLAT(ENOENT), XLAT(ESRCH), XLAT(EINTR), XLAT(EIO), XLAT(ENXIO), XLAT(E2BIG), XLAT(ENOEXEC),
    XLAT(EBADF), XLAT(ECHILD), XLAT(EAGAIN), XLAT(ENOMEM), XLAT(EACCES), XLAT(EFAULT), XLAT(ENOTBLK),
    XLAT(EBUSY), XLAT(EEXIST), XLAT(EXDEV), XLAT(ENODEV), XLAT(ENOTDIR), XLAT(EISDIR), XLAT(EINVAL),
    XLAT(ENFILE), XLAT(EMFILE), XLAT(ENOTTY), XLAT(ETXTBSY), XLAT(EFBIG), XLAT(ENOSPC), XLAT(ESPIPE),
    XLAT(EROFS), XLAT(EMLINK), XLAT(EPIPE), XLAT(EDOM), XLAT(ERANGE), XLAT(EDEADLK), XLAT(ENAMETOOLONG),
    XLAT(ENOLCK), XLAT(ENOSYS), XLAT(ENOTEMPTY), XLAT(ELOOP), XLAT(ENOMSG), XLAT(EIDRM), XLAT(ECHRNG),
    XLAT(EL2NSYNC), XLAT(EL3HLT), XLAT(EL3RST), XLAT(ELNRNG), XLAT(EUNATCH), XLAT(ENOCSI), XLAT(EL2HLT),
    XLAT(EBADE), XLAT(EBADR), XLAT(EXFULL), XLAT(ENOANO), XLAT(EBADRQC), XLAT(EBADSLT), XLAT(EBFONT),
    XLAT(ENOSTR), XLAT(ENODATA), XLAT(ETIME), XLAT(ENOSR), XLAT(ENONET), XLAT(ENOPKG), XLAT(EREMOTE),
    XLAT(ENOLINK), XLAT(EADV), XLAT(ESRMNT), XLAT(ECOMM), XLAT(EPROTO), XLAT(EMULTIHOP), XLAT(EDOTDOT),
    XLAT(EBADMSG), XLAT(EOVERFLOW), XLAT(ENOTUNIQ), XLAT(EBADFD), XLAT(EREMCHG), XLAT(ELIBACC),
    XLAT(ELIBBAD), XLAT(ELIBSCN), XLAT(ELIBMAX), XLAT(ELIBEXEC), XLAT(EILSEQ), XLAT(ERESTART),
    XLAT(ESTRPIPE), XLAT(EUSERS), XLAT(ENOTSOCK), XLAT(EDESTADDRREQ), XLAT(EMSGSIZE), XLAT(EPROTOTYPE),
    XLAT(ENOPROTOOPT), XLAT(EPROTONOSUPPORT), XLAT(ESOCKTNOSUPPORT), XLAT(EOPNOTSUPP), XLAT(EPFNOSUPPORT),
    XLAT(EAFNOSUPPORT), XLAT(EADDRINUSE), XLAT(EADDRNOTAVAIL), XLAT(ENETDOWN), XLAT(ENETUNREACH),
    XLAT(ENETRESET), XLAT(ECONNABORTED), XLAT(ECONNRESET), XLAT(ENOBUFS), XLAT(EISCONN), XLAT(ENOTCONN),
    XLAT(ESHUTDOWN), XLAT(ETOOMANYREFS), XLAT(ETIMEDOUT), XLAT(ECONNREFUSED), XLAT(EHOSTDOWN),
    XLAT(EHOSTUNREACH), XLAT(EALREADY), XLAT(EINPROGRESS), XLAT(ESTALE), XLAT(EUCLEAN), XLAT(ENOTNAM),
    XLAT(ENAVAIL), XLAT(EISNAM), XLAT(EREMOTEIO), XLAT(EDQUOT), XLAT(ENOMEDIUM), XLAT(EMEDIUMTYPE),
    XLAT(ECANCELED), XLAT(ENOKEY), XLAT(EKEYEXPIRED), XLAT(EKEYREVOKED), XLAT(EKEYREJECTED),
    XLAT(EOWNERDEAD), XLAT(ENOTRECOVERABLE), XLAT(ERFKILL), XLAT(EHWPOISON),
    // Kernel-internal codes that leak to a tracer when a signal interrupts a call.
    XLAT_PAIR(512, "ERESTARTSYS"), XLAT_PAIR(513, "ERESTARTNOINTR"), XLAT_PAIR(514, "ERESTARTNOHAND"),
    XLAT_PAIR(515, "ENOIOCTLCMD"), XLAT_PAIR(516, "ERESTART_RESTARTBLOCK"), XLAT_PAIR(517, "EPROBE_DEFER"),
    XLAT_PAIR(518, "EOPENSTALE"), XLAT_PAIR(519, "ENOPARAM"), XLAT_PAIR(521, "EBADHANDLE"),
    XLAT_PAIR(522, "ENOTSYNC"), XLAT_PAIR(523, "EBADCOOKIE"), XLAT_PAIR(524, "ENOTSUPP"),
    XLAT_PAIR(525, "ETOOSMALL"), XLAT_PAIR(526, "ESERVERFAULT"), XLAT_PAIR(527, "EBADTYPE"),
    XLAT_PAIR(528, "EJUKEBOX"), XLAT_PAIR(529, "EIOCBQUEUED"), XLAT_PAIR(530, "ERECALLCONFLICT"),
};

constexpr int kMaxErrno = 4095;

// strerror's texts, copied once: strerror may reuse a buffer for unknown codes.
const std::array<std::string, 531>& texts() {
  static const std::array<std::string, 531> all = [] {
    std::array<std::string, 531> t;
    for (int e = 1; e < 531; ++e) t[e] = std::strerror(e);
    t[512] = "To be restarted if SA_RESTART is set";
    t[513] = "To be restarted";
    t[514] = "To be restarted if no handler";
    t[516] = "Interrupted by signal";
    return t;
  }();
  return all;
}

}  // namespace

std::string_view errno_name(int err) {
  if (err <= 0 || err > kMaxErrno) return {};
  for (const auto& e : kErrnos)
    if (e.value == static_cast<std::uint64_t>(err)) return e.name;
  return {};
}

std::string_view errno_text(int err) {
  if (err <= 0 || err >= static_cast<int>(texts().size()) || errno_name(err).empty()) return {};
  return texts()[static_cast<std::size_t>(err)];
}

}  // namespace etrace
