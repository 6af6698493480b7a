// System V IPC as strace 6.1 shows it: the keys and flags of msgget/semget/shmget, the buffers
// msgctl/semctl/shmctl read or fill (whichever their command says), msgsnd/msgrcv's message.
//
// Layouts are x86_64's (asm-generic ipcbuf.h, msgbuf.h and shmbuf.h; x86's own sembuf.h, with a
// padding long after each time): struct ipc64_perm (48 bytes) heads msqid64_ds (120),
// shmid64_ds (112) and semid64_ds (104). The spec captures
// each buffer at entry and, when the call succeeded, at exit; IPC_SET shows what it passed,
// the STAT and INFO commands what they got back, and every other command the address.
#include <cstdint>
#include <string_view>

#include "decode/families.h"
#include "decode/printers.h"
#include "decode/struct_util.h"
#include "xlat/xlat.h"

namespace etrace::ipc {

namespace {

using structs::Bytes;

constexpr std::uint32_t kIpc64 = 0x100;  // or'ed into a command by 32-bit callers
constexpr std::uint32_t kIpcSet = 1, kIpcStat = 2, kIpcInfo = 3;
constexpr std::uint32_t kSemStat = 18, kSemInfo = 19, kSemStatAny = 20;
constexpr std::uint32_t kMsgStat = 11, kMsgInfo = 12, kMsgStatAny = 13;
constexpr std::uint32_t kShmStat = 13, kShmInfo = 14, kShmStatAny = 15;

constexpr std::size_t kMsqidDsSize = 120, kMsginfoSize = 32;
constexpr std::size_t kShmidDsSize = 112, kShminfoSize = 72, kShmInfoSize = 48;
constexpr std::size_t kSemidDsSize = 104, kSeminfoSize = 40;

// What a ctl command does with its buffer.
enum class Buf { Address, In, Stat, Info, CallInfo };

void id_field(Emitter& out, std::string_view name, std::uint32_t id) {
  out.field(name);
  if (id == 0xffffffffu) out.integer(-1);
  else out.uinteger(id);
}

// {uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}; IPC_SET passes only the first three.
void print_perm(const Bytes& b, bool set, Emitter& out) {
  out.begin_struct();
  id_field(out, "uid", b.u32(4));
  id_field(out, "gid", b.u32(8));
  out.field("mode");
  out.octal(b.u32(20));
  if (!set) {
    out.field("key");
    out.uinteger(b.u32(0));
    id_field(out, "cuid", b.u32(12));
    id_field(out, "cgid", b.u32(16));
  }
  out.end_struct();
}

struct Field {
  std::string_view name;
  std::uint16_t off;
  enum Kind : std::uint8_t { U64, S32, U32, U16 } kind;
};

void print_fields(const Bytes& b, std::initializer_list<Field> fields, Emitter& out) {
  for (const Field& f : fields) {
    out.field(f.name);
    switch (f.kind) {
      case Field::U64: out.uinteger(b.u64(f.off)); break;
      case Field::S32: out.integer(b.s32(f.off)); break;
      case Field::U32: out.uinteger(b.u32(f.off)); break;
      case Field::U16: out.uinteger(b.u16(f.off)); break;
    }
  }
}

void print_msqid_ds(const Bytes& b, bool set, Emitter& out) {
  out.begin_struct();
  out.field("msg_perm");
  print_perm(b, set, out);
  if (!set) print_fields(b, {{"msg_stime", 48, Field::U64}, {"msg_rtime", 56, Field::U64},
                             {"msg_ctime", 64, Field::U64}, {"msg_qnum", 80, Field::U64}}, out);
  print_fields(b, {{"msg_qbytes", 88, Field::U64}}, out);
  if (!set) print_fields(b, {{"msg_lspid", 96, Field::S32}, {"msg_lrpid", 100, Field::S32}}, out);
  out.end_struct();
}

void print_msginfo(const Bytes& b, Emitter& out) {
  out.begin_struct();
  print_fields(b, {{"msgpool", 0, Field::S32}, {"msgmap", 4, Field::S32}, {"msgmax", 8, Field::S32},
                   {"msgmnb", 12, Field::S32}, {"msgmni", 16, Field::S32}, {"msgssz", 20, Field::S32},
                   {"msgtql", 24, Field::S32}, {"msgseg", 28, Field::U16}}, out);
  out.end_struct();
}

void print_shmid_ds(const Bytes& b, bool set, Emitter& out) {
  out.begin_struct();
  out.field("shm_perm");
  print_perm(b, set, out);
  if (!set)
    print_fields(b, {{"shm_segsz", 48, Field::U64}, {"shm_cpid", 80, Field::S32}, {"shm_lpid", 84, Field::S32},
                     {"shm_nattch", 88, Field::U64}, {"shm_atime", 56, Field::U64}, {"shm_dtime", 64, Field::U64},
                     {"shm_ctime", 72, Field::U64}}, out);
  out.end_struct();
}

void print_shminfo(const Bytes& b, Emitter& out) {
  out.begin_struct();
  print_fields(b, {{"shmmax", 0, Field::U64}, {"shmmin", 8, Field::U64}, {"shmmni", 16, Field::U64},
                   {"shmseg", 24, Field::U64}, {"shmall", 32, Field::U64}}, out);
  out.end_struct();
}

void print_shm_info(const Bytes& b, Emitter& out) {
  out.begin_struct();
  print_fields(b, {{"used_ids", 0, Field::S32}, {"shm_tot", 8, Field::U64}, {"shm_rss", 16, Field::U64},
                   {"shm_swp", 24, Field::U64}, {"swap_attempts", 32, Field::U64},
                   {"swap_successes", 40, Field::U64}}, out);
  out.end_struct();
}

void print_semid_ds(const Bytes& b, bool set, Emitter& out) {
  out.begin_struct();
  out.field("sem_perm");
  print_perm(b, set, out);
  if (!set)
    print_fields(b, {{"sem_otime", 48, Field::U64}, {"sem_ctime", 64, Field::U64}, {"sem_nsems", 80, Field::U64}},
                 out);
  out.end_struct();
}

void print_seminfo(const Bytes& b, Emitter& out) {
  out.begin_struct();
  print_fields(b, {{"semmap", 0, Field::S32}, {"semmni", 4, Field::S32}, {"semmns", 8, Field::S32},
                   {"semmnu", 12, Field::S32}, {"semmsl", 16, Field::S32}, {"semopm", 20, Field::S32},
                   {"semume", 24, Field::S32}, {"semusz", 28, Field::S32}, {"semvmx", 32, Field::S32},
                   {"semaem", 36, Field::S32}}, out);
  out.end_struct();
}

// IPC_64|IPC_STAT: the command, with the flag 32-bit callers add.
void print_cmd(const CallView& v, int i, std::string_view table) {
  v.out.arg(v.spec.args[static_cast<std::size_t>(i)].name);
  const std::uint32_t cmd = static_cast<std::uint32_t>(v.arg(i));
  if (!(cmd & kIpc64)) return print_enum(v.out, table, cmd, CType::Int);
  std::string_view name;
  if (const XlatTable* t = find_xlat(table)) name = xlat_name(*t, cmd & ~kIpc64);
  if (name.empty()) return print_enum(v.out, table, cmd, CType::Int);
  const std::string_view names[] = {"IPC_64", name};
  v.out.flags(names, cmd, 0);
}

// The buffer argument `i`: the struct the command passes or gets, or its address. `print`
// shows the copy (entry for In, exit otherwise) when it is at least `size` bytes.
template <class Print>
void print_buf(const CallView& v, int i, Buf what, std::size_t size, Print print) {
  v.out.arg(v.spec.args[static_cast<std::size_t>(i)].name);
  const Payload* p = nullptr;
  if (v.arg(i) && v.ctx.opts.deref) {
    if (what == Buf::In) p = entry_payload(v.call, i);
    else if (what != Buf::Address && v.succeeded()) p = exit_payload(v.call, i);
  }
  if (!p || p->fault() || p->bytes.size() < size) return v.out.pointer(v.arg(i));
  print(Bytes(p->bytes));
}

// msgget/semget: IPC_PRIVATE or the key in hex.
void print_key(const CallView& v) {
  v.out.arg(v.spec.args[0].name);
  const std::uint32_t key = static_cast<std::uint32_t>(v.arg(0));
  if (key == 0) v.out.symbol("IPC_PRIVATE", 0);
  else v.out.hex(key);
}

// IPC_CREAT|IPC_EXCL|0600; shmget adds the huge page size, 21<<SHM_HUGE_SHIFT.
void print_get_flags(const CallView& v, int i, std::string_view table, bool huge_pages) {
  constexpr unsigned kHugeShift = 26;
  constexpr std::uint64_t kHugeMask = 0x3full << kHugeShift;
  v.out.arg(v.spec.args[static_cast<std::size_t>(i)].name);
  const std::uint64_t all = static_cast<std::uint32_t>(v.arg(i));
  const std::uint64_t huge = huge_pages ? all & kHugeMask : 0;
  const std::uint64_t flags = all & ~0777ull & ~huge;
  FlagSplit s;
  if (const XlatTable* t = find_xlat(table); t && flags) s = xlat_split_flags(*t, flags);
  else s.rest = flags;
  static constexpr std::string_view kShiftName[] = {"SHM_HUGE_SHIFT"};
  const Emitter::FlagPart parts[] = {
      {s.names, flags, s.rest},
      {kShiftName, huge, 0, Emitter::PartForm::Shifted, kHugeShift},
      {{}, all & 0777, 0, Emitter::PartForm::Octal},
  };
  v.out.flag_parts(parts);
}

Buf msgctl_buf(std::uint32_t cmd) {
  switch (cmd) {
    case kIpcSet: return Buf::In;
    case kIpcStat: case kMsgStat: case kMsgStatAny: return Buf::Stat;
    case kIpcInfo: case kMsgInfo: return Buf::Info;
    default: return Buf::Address;
  }
}

Buf shmctl_buf(std::uint32_t cmd) {
  switch (cmd) {
    case kIpcSet: return Buf::In;
    case kIpcStat: case kShmStat: case kShmStatAny: return Buf::Stat;
    case kIpcInfo: return Buf::Info;
    case kShmInfo: return Buf::CallInfo;
    default: return Buf::Address;
  }
}

Buf semctl_buf(std::uint32_t cmd) {
  switch (cmd) {
    case kIpcSet: return Buf::In;
    case kIpcStat: case kSemStat: case kSemStatAny: return Buf::Stat;
    case kIpcInfo: case kSemInfo: return Buf::Info;
    default: return Buf::Address;
  }
}

// msgsnd's and msgrcv's {mtype=1, mtext="..."}: msgsz bytes of text, cut at -s.
void print_msgbuf(const CallView& v, const Payload* p) {
  v.out.arg(v.spec.args[1].name);
  if (!p || p->fault() || p->bytes.size() < 8 || !v.ctx.opts.deref) return v.out.pointer(v.arg(1));
  const Bytes b(p->bytes);
  const std::uint64_t size = v.arg(2);
  const std::string_view text = b.view().substr(8);
  v.out.begin_struct();
  v.out.field("mtype");
  v.out.integer(b.s64(0));
  v.out.field("mtext");
  print_cut_string(v, text.substr(0, size), size > text.size());
  v.out.end_struct();
}

}  // namespace

void args_msgget(const CallView& v) {
  print_key(v);
  print_get_flags(v, 1, "ipc_resource_flags", false);
}

void args_semget(const CallView& v) {
  print_key(v);
  print_args(v, 1, 2);
  print_get_flags(v, 2, "ipc_resource_flags", false);
}

void args_shmget(const CallView& v) {
  print_key(v);
  print_args(v, 1, 2);
  print_get_flags(v, 2, "ipc_flags", true);
}

void args_msgctl(const CallView& v) {
  print_args(v, 0, 1);
  print_cmd(v, 1, "msgctl_cmds");
  const Buf what = msgctl_buf(static_cast<std::uint32_t>(v.arg(1)) & ~kIpc64);
  if (what == Buf::Info)
    return print_buf(v, 2, what, kMsginfoSize, [&](const Bytes& b) { print_msginfo(b, v.out); });
  print_buf(v, 2, what, kMsqidDsSize, [&](const Bytes& b) { print_msqid_ds(b, what == Buf::In, v.out); });
}

void args_shmctl(const CallView& v) {
  print_args(v, 0, 1);
  print_cmd(v, 1, "shmctl_cmds");
  const Buf what = shmctl_buf(static_cast<std::uint32_t>(v.arg(1)) & ~kIpc64);
  if (what == Buf::Info)
    return print_buf(v, 2, what, kShminfoSize, [&](const Bytes& b) { print_shminfo(b, v.out); });
  if (what == Buf::CallInfo)
    return print_buf(v, 2, what, kShmInfoSize, [&](const Bytes& b) { print_shm_info(b, v.out); });
  print_buf(v, 2, what, kShmidDsSize, [&](const Bytes& b) { print_shmid_ds(b, what == Buf::In, v.out); });
}

void args_semctl(const CallView& v) {
  print_args(v, 0, 2);
  print_cmd(v, 2, "semctl_cmds");
  const Buf what = semctl_buf(static_cast<std::uint32_t>(v.arg(2)) & ~kIpc64);
  if (what == Buf::Info)
    return print_buf(v, 3, what, kSeminfoSize, [&](const Bytes& b) { print_seminfo(b, v.out); });
  print_buf(v, 3, what, kSemidDsSize, [&](const Bytes& b) { print_semid_ds(b, what == Buf::In, v.out); });
}

void args_msgsnd(const CallView& v) {
  print_args(v, 0, 1);
  print_msgbuf(v, entry_payload(v.call, 1));
  print_args(v, 2, 4);
}

// The message as the call left it: strace shows msgsz bytes of it, whatever the call returned.
void args_msgrcv(const CallView& v) {
  print_args(v, 0, 1);
  print_msgbuf(v, v.succeeded() ? exit_payload(v.call, 1) : nullptr);
  print_args(v, 2, 5);
}

}  // namespace etrace::ipc
