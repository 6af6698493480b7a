// Netlink messages in sendto's buffer, compared with what strace 6.1 prints for the same bytes
// (the lines strace's own netlink tests expect).
#include <gtest/gtest.h>

#include <linux/netlink.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <cstring>
#include <string>

#include "decode/decoder.h"
#include "etrace/event.h"
#include "format/text_emitter.h"

namespace etrace {
namespace {

constexpr std::uint64_t kBuf = 0x7ffd1000;
constexpr std::uint64_t kMsgDontwait = 0x40;

// sendto(3, buf, len, MSG_DONTWAIT, NULL, 0) = len, with the buffer captured as the kernel side
// does: the -s copy, then the longer one.
struct Send {
  SyscallCall call;
  DecodeContext ctx;
  TextOptions text_opts;
  const SyscallInfo* info = SyscallTable::native().by_name("sendto");

  explicit Send(std::string bytes, std::uint64_t len = 0) {
    if (!len) len = bytes.size();
    call.nr = info->nr;
    call.args = {3, kBuf, len, kMsgDontwait, 0, 0};
    call.ret = static_cast<std::int64_t>(len);
    call.tgid = call.tid = 42;
    const std::string cut = bytes.substr(0, ctx.opts.max_strlen);
    call.payloads.push_back({1, ETRACE_PL_BYTES, static_cast<std::uint16_t>(cut.size() < len ? ETRACE_PLF_TRUNCATED : 0),
                             len, cut});
    call.payloads.push_back({1, ETRACE_PL_BYTES, 0, len, std::move(bytes)});
  }
  // What the kernel side saw behind fd 3: a socket of this family and protocol, bound to `port`.
  Send& socket(int family, int protocol, std::uint32_t port = 1234) {
    etrace_fdinfo k{};
    k.ino = 99;
    k.mode = S_IFSOCK | 0777;
    k.family = static_cast<etrace_u16>(family);
    k.type = SOCK_RAW;
    k.protocol = static_cast<etrace_u16>(protocol);
    k.peer = port;
    std::string raw(sizeof k, '\0');
    std::memcpy(raw.data(), &k, sizeof k);
    call.payloads.push_back({0, ETRACE_PL_FDINFO, 0, 3, std::move(raw)});
    return *this;
  }
  std::string text() {
    std::string out;
    TextEmitter e(out, text_opts);
    e.begin_call(LineInfo{}, info->name);
    decode_args(info, call, ctx, e);
    e.end_call(decode_result(info, call, ctx));
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }
};

std::string hdr(std::uint32_t len, std::uint16_t type, std::uint16_t flags, std::uint32_t seq = 0,
                std::uint32_t pid = 0) {
  nlmsghdr h{len, type, flags, seq, pid};
  std::string s(sizeof h, '\0');
  std::memcpy(s.data(), &h, sizeof h);
  return s;
}

TEST(Netlink, AuditHeaderAlone) {
  // netlink_audit: the bytes of {16, AUDIT_GET, NLM_F_REQUEST, 0, 20590}.
  Send s(std::string("\20\0\0\0\350\3\1\0\0\0\0\0nP\0\0", 16));
  s.socket(AF_NETLINK, NETLINK_AUDIT);
  EXPECT_EQ(s.text(),
            "sendto(3, {nlmsg_len=16, nlmsg_type=AUDIT_GET, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, "
            "nlmsg_pid=20590}, 16, MSG_DONTWAIT, NULL, 0) = 16");
}

TEST(Netlink, OtherSocketsAndUnboundNetlinkKeepTheString) {
  const std::string bytes("\20\0\0\0\350\3\1\0\0\0\0\0nP\0\0", 16);
  const std::string as_string =
      R"(sendto(3, "\20\0\0\0\350\3\1\0\0\0\0\0nP\0\0", 16, MSG_DONTWAIT, NULL, 0) = 16)";
  EXPECT_EQ(Send(bytes).text(), as_string);
  EXPECT_EQ(Send(bytes).socket(AF_INET, 17).text(), as_string);
  EXPECT_EQ(Send(bytes).socket(AF_NETLINK, NETLINK_AUDIT, 0).text(), as_string);
}

TEST(Netlink, PayloadInHexAndUnknownFlagBits) {
  // netlink_protocol: NLMSG_NOOP with NLM_F_DUMP, which control messages do not name.
  Send s(hdr(20, NLMSG_NOOP, NLM_F_REQUEST | NLM_F_DUMP) + "abcd");
  s.socket(AF_NETLINK, NETLINK_SOCK_DIAG);
  EXPECT_EQ(s.text(),
            R"(sendto(3, [{nlmsg_len=20, nlmsg_type=NLMSG_NOOP, nlmsg_flags=NLM_F_REQUEST|0x300, nlmsg_seq=0, )"
            R"(nlmsg_pid=0}, "\x61\x62\x63\x64"], 20, MSG_DONTWAIT, NULL, 0) = 20)");
}

TEST(Netlink, TwoMessagesAndAShortTail) {
  const std::string one = hdr(20, NLMSG_NOOP, NLM_F_REQUEST | NLM_F_DUMP) + "abcd";
  Send two(one + one);
  two.socket(AF_NETLINK, NETLINK_SOCK_DIAG);
  const std::string first =
      R"([{nlmsg_len=20, nlmsg_type=NLMSG_NOOP, nlmsg_flags=NLM_F_REQUEST|0x300, nlmsg_seq=0, nlmsg_pid=0}, )"
      R"("\x61\x62\x63\x64"])";
  EXPECT_EQ(two.text(), "sendto(3, [" + first + ", " + first + "], 40, MSG_DONTWAIT, NULL, 0) = 40");
  // Fewer bytes left than a header: they show in hex.
  Send tail(one + one.substr(0, 4), 24);
  tail.socket(AF_NETLINK, NETLINK_SOCK_DIAG);
  EXPECT_EQ(tail.text(), "sendto(3, [" + first + R"(, "\x14\x00\x00\x00"], 24, MSG_DONTWAIT, NULL, 0) = 24)");
}

TEST(Netlink, RequestFlagsByRouteMessageKind) {
  Send get(hdr(16, 18, NLM_F_REQUEST | NLM_F_DUMP));  // RTM_GETLINK
  get.socket(AF_NETLINK, NETLINK_ROUTE);
  EXPECT_EQ(get.text(),
            "sendto(3, {nlmsg_len=16, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=0, "
            "nlmsg_pid=0}, 16, MSG_DONTWAIT, NULL, 0) = 16");
  Send unknown(hdr(16, 0x3fff, 0x8000));
  unknown.socket(AF_NETLINK, NETLINK_ROUTE);
  EXPECT_EQ(unknown.text(),
            "sendto(3, {nlmsg_len=16, nlmsg_type=0x3fff /* RTM_??? */, nlmsg_flags=0x8000 /* NLM_F_??? */, "
            "nlmsg_seq=0, nlmsg_pid=0}, 16, MSG_DONTWAIT, NULL, 0) = 16");
}

TEST(Netlink, RawAndVerboseConstants) {
  Send raw(hdr(16, 18, NLM_F_REQUEST | NLM_F_DUMP));
  raw.socket(AF_NETLINK, NETLINK_ROUTE);
  raw.text_opts.xlat = TextOptions::Xlat::Raw;
  EXPECT_EQ(raw.text(),
            "sendto(3, {nlmsg_len=16, nlmsg_type=0x12, nlmsg_flags=0x301, nlmsg_seq=0, nlmsg_pid=0}, 16, 0x40, "
            "NULL, 0) = 16");
  Send verbose(hdr(16, 18, NLM_F_DUMP));
  verbose.socket(AF_NETLINK, NETLINK_ROUTE);
  verbose.text_opts.xlat = TextOptions::Xlat::Verbose;
  EXPECT_EQ(verbose.text(),
            "sendto(3, {nlmsg_len=16, nlmsg_type=0x12 /* RTM_GETLINK */, nlmsg_flags=0x300 /* NLM_F_DUMP */, "
            "nlmsg_seq=0, nlmsg_pid=0}, 16, 0x40 /* MSG_DONTWAIT */, NULL, 0) = 16");
}

TEST(Netlink, ErrorMessageWithTheRequest) {
  // netlink_protocol: {error=-EACCES, msg=[{...}, "abcd"]}.
  std::string err(4, '\0');
  const std::int32_t eacces = -13;
  std::memcpy(err.data(), &eacces, 4);
  Send s(hdr(40, NLMSG_ERROR, NLM_F_REQUEST) + err + hdr(20, NLMSG_NOOP, NLM_F_REQUEST | NLM_F_DUMP, 421, 12345) +
         "abcd");
  s.socket(AF_NETLINK, NETLINK_SOCK_DIAG);
  EXPECT_EQ(s.text(),
            "sendto(3, [{nlmsg_len=40, nlmsg_type=NLMSG_ERROR, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, "
            "nlmsg_pid=0}, {error=-EACCES, msg=[{nlmsg_len=20, nlmsg_type=NLMSG_NOOP, "
            R"(nlmsg_flags=NLM_F_REQUEST|0x300, nlmsg_seq=421, nlmsg_pid=12345}, "\x61\x62\x63\x64"]}], 40, )"
            "MSG_DONTWAIT, NULL, 0) = 40");
}

TEST(Netlink, NetfilterSubsystemAndItsMessageType) {
  // nfnetlink_ulog and nfnetlink_nftables: the subsystem in the high byte, its message in the low one.
  Send ulog(hdr(16, 4 << 8 | 0, NLM_F_REQUEST));
  ulog.socket(AF_NETLINK, NETLINK_NETFILTER);
  EXPECT_EQ(ulog.text(),
            "sendto(3, {nlmsg_len=16, nlmsg_type=NFNL_SUBSYS_ULOG<<8|NFULNL_MSG_PACKET, nlmsg_flags=NLM_F_REQUEST, "
            "nlmsg_seq=0, nlmsg_pid=0}, 16, MSG_DONTWAIT, NULL, 0) = 16");
  Send unknown(hdr(16, 4 << 8 | 0xff, NLM_F_REQUEST));
  unknown.socket(AF_NETLINK, NETLINK_NETFILTER);
  EXPECT_EQ(unknown.text(),
            "sendto(3, {nlmsg_len=16, nlmsg_type=NFNL_SUBSYS_ULOG<<8|0xff /* NFULNL_MSG_??? */, "
            "nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, 16, MSG_DONTWAIT, NULL, 0) = 16");
  Send get(hdr(16, 10 << 8 | 1, NLM_F_REQUEST | NLM_F_DUMP));  // NFT_MSG_GETTABLE
  get.socket(AF_NETLINK, NETLINK_NETFILTER);
  EXPECT_EQ(get.text(),
            "sendto(3, {nlmsg_len=16, nlmsg_type=NFNL_SUBSYS_NFTABLES<<8|NFT_MSG_GETTABLE, "
            "nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, 16, MSG_DONTWAIT, NULL, 0) = 16");
}

TEST(Netlink, NetfilterGenericHeader) {
  // netlink_netfilter: struct nfgenmsg; nftables' res_id in either byte order, others in htons().
  Send host(hdr(20, 10 << 8, NLM_F_REQUEST) + std::string("\1\0\12\0", 4));
  host.socket(AF_NETLINK, NETLINK_NETFILTER);
  EXPECT_EQ(host.text(),
            "sendto(3, [{nlmsg_len=20, nlmsg_type=NFNL_SUBSYS_NFTABLES<<8|NFT_MSG_NEWTABLE, nlmsg_flags=NLM_F_REQUEST, "
            "nlmsg_seq=0, nlmsg_pid=0}, {nfgen_family=AF_UNIX, version=NFNETLINK_V0, res_id=NFNL_SUBSYS_NFTABLES}], "
            "20, MSG_DONTWAIT, NULL, 0) = 20");
  Send batch(hdr(24, 16, NLM_F_REQUEST) + std::string("\1\0\253\3151234", 8));  // NFNL_MSG_BATCH_BEGIN
  batch.socket(AF_NETLINK, NETLINK_NETFILTER);
  EXPECT_EQ(batch.text(),
            "sendto(3, [{nlmsg_len=24, nlmsg_type=NFNL_MSG_BATCH_BEGIN, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, "
            "nlmsg_pid=0}, {nfgen_family=AF_UNIX, version=NFNETLINK_V0, res_id=htons(43981)}, "
            R"("\x31\x32\x33\x34"], 24, MSG_DONTWAIT, NULL, 0) = 24)");
}

TEST(Netlink, RouteNsidAttributesAndTheFamilyOfOtherKinds) {
  // nlattr_rtgenmsg: {rtgen_family=AF_UNIX}, then an attribute of unknown type.
  Send nsid(hdr(28, 90, NLM_F_DUMP) + std::string("\1\0\0\0\10\0\377\77abcd", 12));  // RTM_GETNSID
  nsid.socket(AF_NETLINK, NETLINK_ROUTE);
  EXPECT_EQ(nsid.text(),
            "sendto(3, [{nlmsg_len=28, nlmsg_type=RTM_GETNSID, nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, "
            "{rtgen_family=AF_UNIX}, [{nla_len=8, nla_type=0x3fff /* NETNSA_??? */}, "
            R"("\x61\x62\x63\x64"]], 28, MSG_DONTWAIT, NULL, 0) = 28)");
  // netlink_route: a type strace has no struct for shows its family byte.
  Send unspec(hdr(17, 0xffff, NLM_F_REQUEST) + std::string(1, '\0'));
  unspec.socket(AF_NETLINK, NETLINK_ROUTE);
  EXPECT_EQ(unspec.text(),
            "sendto(3, [{nlmsg_len=17, nlmsg_type=0xffff /* RTM_??? */, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, "
            "nlmsg_pid=0}, {family=AF_UNSPEC}], 17, MSG_DONTWAIT, NULL, 0) = 17");
}

TEST(Netlink, RouteStructsOfAFamilyAndPlainFields) {
  // nlattr_dcbmsg: struct dcbmsg {AF_UNIX, DCB_CMD_UNDEFINED}, then an unknown attribute.
  Send dcb(hdr(28, 78, NLM_F_DUMP) + std::string("\1\0\0\0\10\0\377\77abcd", 12));  // RTM_GETDCB
  dcb.socket(AF_NETLINK, NETLINK_ROUTE);
  EXPECT_EQ(dcb.text(),
            "sendto(3, [{nlmsg_len=28, nlmsg_type=RTM_GETDCB, nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, "
            "{dcb_family=AF_UNIX, cmd=DCB_CMD_UNDEFINED}, [{nla_len=8, nla_type=0x3fff /* DCB_ATTR_??? */}, "
            R"("\x61\x62\x63\x64"]], 28, MSG_DONTWAIT, NULL, 0) = 28)");
  // Shorter than the struct: its family, then strace's "...".
  Send cut(hdr(18, 78, NLM_F_DUMP) + std::string("\1\0", 2));
  cut.socket(AF_NETLINK, NETLINK_ROUTE);
  EXPECT_EQ(cut.text(),
            "sendto(3, [{nlmsg_len=18, nlmsg_type=RTM_GETDCB, nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, "
            "{dcb_family=AF_UNIX, ...}], 18, MSG_DONTWAIT, NULL, 0) = 18");
}

TEST(Netlink, TrafficControlActionAttributes) {
  // nlattr_tcamsg: {tca_family=AF_INET}, then TCA_ACT_FLAGS 0xfacebeff as flags.
  Send s(hdr(28, 50, NLM_F_DUMP) + std::string("\2\0\0\0\10\0\7\0\377\276\316\372", 12));  // RTM_GETACTION
  s.socket(AF_NETLINK, NETLINK_ROUTE);
  EXPECT_EQ(s.text(),
            "sendto(3, [{nlmsg_len=28, nlmsg_type=RTM_GETACTION, nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, "
            "{tca_family=AF_INET}, [{nla_len=8, nla_type=TCA_ACT_FLAGS}, TCA_ACT_FLAGS_NO_PERCPU_STATS|"
            "TCA_ACT_FLAGS_SKIP_HW|TCA_ACT_FLAGS_SKIP_SW|0xfacebef8]], 28, MSG_DONTWAIT, NULL, 0) = 28");
}

TEST(Netlink, TrafficControlStatsAndUnreadableData) {
  // nlattr_tcmsg: struct tcmsg, then TCA_STATS as struct tc_stats (36 bytes).
  std::string tcm(20, '\0');
  tcm[0] = 1;  // AF_UNIX; ifindex 0 has no name
  std::string stats;
  const std::uint64_t bytes = 0xabcdcdbefeadefacull;
  stats.append(reinterpret_cast<const char*>(&bytes), 8);
  for (std::uint32_t v : {1u, 2u, 3u, 4u, 5u, 6u, 7u}) stats.append(reinterpret_cast<const char*>(&v), 4);
  const std::string attr = std::string("\50\0\3\0", 4) + stats;  // nla_len=40, TCA_STATS
  const std::string want_head =
      "sendto(3, [{nlmsg_len=76, nlmsg_type=RTM_GETQDISC, nlmsg_flags=NLM_F_DUMP, nlmsg_seq=0, nlmsg_pid=0}, "
      "{tcm_family=AF_UNIX, tcm_ifindex=0, tcm_handle=0, tcm_parent=0, tcm_info=0}, [{nla_len=40, nla_type=TCA_STATS}, ";
  Send s(hdr(76, 38, NLM_F_DUMP) + tcm + attr);  // RTM_GETQDISC
  s.socket(AF_NETLINK, NETLINK_ROUTE);
  EXPECT_EQ(s.text(), want_head +
                          "{bytes=12379777170911653804, packets=1, drops=2, overlimits=3, bps=4, pps=5, qlen=6, "
                          "backlog=7}]], 76, MSG_DONTWAIT, NULL, 0) = 76");
  // The last byte of the struct unreadable: the long copy stops before the page that faulted.
  Send cut(hdr(76, 38, NLM_F_DUMP) + tcm + attr.substr(0, attr.size() - 1), 76);
  cut.socket(AF_NETLINK, NETLINK_ROUTE);
  EXPECT_EQ(cut.text(), want_head + "0x7ffd1028]], 76, MSG_DONTWAIT, NULL, 0) = 76");
}

TEST(Netlink, ManyMessagesStopAtTheStringLimit) {
  std::string msgs;
  for (std::uint32_t i = 0; i < 33; ++i) msgs += hdr(16, NLMSG_NOOP, NLM_F_REQUEST, i);
  Send s(msgs);
  s.socket(AF_NETLINK, NETLINK_SOCK_DIAG);
  std::string want = "sendto(3, [";
  for (std::uint32_t i = 0; i < 32; ++i)
    want += (i ? ", " : "") + std::string("{nlmsg_len=16, nlmsg_type=NLMSG_NOOP, nlmsg_flags=NLM_F_REQUEST, "
                                          "nlmsg_seq=") + std::to_string(i) + ", nlmsg_pid=0}";
  EXPECT_EQ(s.text(), want + ", ...], 528, MSG_DONTWAIT, NULL, 0) = 528");
}

TEST(Netlink, UdevHeaderOnAUeventSocket) {
  // netlink_kobject_uevent: udev's monitor header, then its properties.
  std::string h("libudev\0", 8);
  for (std::uint32_t v : {0xfecaedfeu, 40u, 40u, 299u, 0x02b370c3u, 0x00008010u, 0x00040002u, 0x00008010u}) {
    std::string w(4, '\0');
    std::memcpy(w.data(), &v, 4);
    h += w;
  }
  Send s(h + "12345678");
  s.socket(AF_NETLINK, NETLINK_KOBJECT_UEVENT);
  EXPECT_EQ(s.text(),
            R"(sendto(3, [{prefix="libudev", magic=htonl(0xfeedcafe), header_size=40, properties_off=40, )"
            "properties_len=299, filter_subsystem_hash=htonl(0xc370b302), filter_devtype_hash=htonl(0x10800000), "
            R"(filter_tag_bloom_hi=htonl(0x2000400), filter_tag_bloom_lo=htonl(0x10800000)}, "12345678"], 48, )"
            "MSG_DONTWAIT, NULL, 0) = 48");
}

}  // namespace
}  // namespace etrace
