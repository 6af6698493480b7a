// PID namespaces: the pid a traced thread sees in its own namespace, and the one etrace sees
// for the same process (strace's --pidns-translation).
//
// The kernel side reports every record's thread as its namespace sees it (etrace_record_header
// ns_tid/ns_tgid/pidns_ino), and fork's child as the parent's namespace sees it, read when the
// record was made: the translator learns those pairs first, so a process that is gone by the
// time its line is printed still translates. Any other pid (kill's target, a process group)
// is looked up in /proc: the NStgid/NSpid/NSpgid/NSsid lines of the processes that live in
// that namespace, whose first number is the one etrace's /proc shows.
#pragma once

#include <cstdint>
#include <map>
#include <tuple>

#include "proc/procfs.h"

namespace etrace {

// PROC_PID_INIT_INO (include/linux/proc_ns.h): the initial pid namespace's inode.
constexpr std::uint32_t kInitialPidnsInode = 0xEFFFFFFCu;

// The inode of etrace's own pid namespace (/proc/self/ns/pid), 0 when it cannot be read.
std::uint32_t own_pidns_inode();

// Which id of a process a number names.
enum class PidType : std::uint8_t { Tid, Tgid, Pgid, Sid };

class PidTranslator {
 public:
  PidTranslator(ProcFs& proc, std::uint32_t own_pidns) : proc_(proc), own_pidns_(own_pidns) {}

  // Thread `tid` of process `tgid` (as etrace sees them) is `ns_tid` of `ns_tgid` in pidns.
  void learn(std::uint32_t pidns, std::uint32_t ns_tid, std::uint32_t tid, std::uint32_t ns_tgid,
             std::uint32_t tgid);

  // The number etrace sees for `pid`, an id of `type` in namespace `pidns`; 0 when the
  // namespace is etrace's own (nothing to translate) or no process has it.
  std::uint32_t to_own(std::uint32_t pidns, std::int64_t pid, PidType type);

 private:
  using Key = std::tuple<std::uint32_t, PidType, std::uint32_t>;  // namespace, type, id there
  void scan_proc(std::uint32_t pidns);

  ProcFs& proc_;
  std::uint32_t own_pidns_;
  std::map<Key, std::uint32_t> known_;
};

// The inode in a /proc/PID/ns/* link's text ("pid:[4026531836]"); 0 when it is not one.
std::uint32_t ns_link_inode(std::string_view link);

}  // namespace etrace
