// Small request families: '>' (counter devices), 'I' (inotify), 'R' (the random device),
// 'W' (watchdogs), 0x94 (FICLONE and the btrfs requests), 0xb7 (namespace files).
#include <linux/counter.h>
#include <linux/fs.h>
#include <linux/inotify.h>
#include <linux/watchdog.h>
#include <linux/nsfs.h>
#include <linux/random.h>

#include "decode/ioctl.h"

namespace etrace {

namespace {

// struct counter_watch: {component={type, scope, parent, id}, event, channel}, all bytes.
void print_counter_watch(const structs::Bytes& b, const IoctlArg& a) {
  auto byte = [&](std::size_t off) { return b.get<std::uint8_t>(off); };
  a.e().begin_struct();
  a.e().field("component");
  a.e().begin_struct();
  a.e().field("type");
  print_enum(a.e(), "counter_component_types", byte(0));
  a.e().field("scope");
  print_enum(a.e(), "counter_scopes", byte(1));
  a.e().field("parent");
  a.e().uinteger(byte(2));
  a.e().field("id");
  a.e().uinteger(byte(3));
  a.e().end_struct();
  a.e().field("event");
  print_enum(a.e(), "counter_event_types", byte(4));
  a.e().field("channel");
  a.e().uinteger(byte(5));
  a.e().end_struct();
}

}  // namespace

bool ioctl_counter(const IoctlArg& a) {
  switch (a.req) {
    case COUNTER_ADD_WATCH_IOCTL: a.name(); a.struct_in(6, print_counter_watch); return true;
    case COUNTER_ENABLE_EVENTS_IOCTL: case COUNTER_DISABLE_EVENTS_IOCTL: return true;
    default: return false;
  }
}

bool ioctl_inotify(const IoctlArg& a) {
  if (a.req != INOTIFY_IOC_SETNEXTWD) return false;
  a.name();
  a.e().integer(a.ival());  // the next watch descriptor, by value
  return true;
}

bool ioctl_watchdog(const IoctlArg& a) {
  switch (a.req) {
    case WDIOC_GETSTATUS: case WDIOC_GETBOOTSTATUS: case WDIOC_GETTEMP: case WDIOC_GETTIMEOUT:
    case WDIOC_GETPRETIMEOUT: case WDIOC_GETTIMELEFT:
      a.name();
      a.int_out();
      return true;
    case WDIOC_SETTIMEOUT: case WDIOC_SETPRETIMEOUT: a.name(); a.int_in(); return true;
    case WDIOC_KEEPALIVE: return true;  // documented as taking an int, which drivers ignore
    default: return false;
  }
}

bool ioctl_random(const IoctlArg& a) {
  switch (a.req) {
    case RNDGETENTCNT: a.name(); a.int_out(); return true;
    case RNDADDTOENTCNT: a.name(); a.int_in(); return true;
    case RNDZAPENTCNT: case RNDCLEARPOOL: case RNDRESEEDCRNG: return true;
    default: return false;
  }
}

bool ioctl_fs_0x94(const IoctlArg& a) {
  if (a.req != FICLONE) return false;
  a.name();
  print_fd(a.v, a.ival());  // the source file's descriptor
  return true;
}

bool ioctl_nsfs(const IoctlArg& a) {
  switch (a.req) {
    case NS_GET_USERNS: case NS_GET_PARENT: case NS_GET_NSTYPE: return true;
    case NS_GET_OWNER_UID:  // [uid]
      a.name();
      if (!a.deref() || a.out.size() < 4) a.pointer();
      else {
        a.e().begin_array();
        a.e().element();
        const std::uint32_t uid = structs::Bytes(a.out).u32(0);
        uid == UINT32_MAX ? a.e().integer(-1) : a.e().uinteger(uid);
        a.e().end_array();
      }
      return true;
    default: return false;
  }
}

}  // namespace etrace
