// sockaddr printing per family, built with the libc structs and compared with the lines strace
// 6.1 printed for connect/bind/getsockname calls on the same addresses.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <cstddef>
#include <cstring>
#include <string>

#include "decode/structs.h"
#include "format/text_emitter.h"

namespace etrace {
namespace {

std::string render(const void* p, std::size_t len, int hex = 0) {
  std::string out;
  TextOptions o;
  o.hex_strings = hex;
  TextEmitter text(out, o);
  DecodeContext ctx;
  ctx.opts.hex_strings = hex;
  decode_sockaddr(std::string_view(static_cast<const char*>(p), len), ctx, text);
  return out;
}

TEST(SockaddrTest, Inet) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(8080);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  // connect(8, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("127.0.0.1")}, 16) = ...
  EXPECT_EQ(render(&a, sizeof a), "{sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr(\"127.0.0.1\")}");
  // A 20-byte buffer still holds a whole sockaddr_in.
  sockaddr_storage ss{};
  ss.ss_family = AF_INET;
  EXPECT_EQ(render(&ss, 20), "{sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr(\"0.0.0.0\")}");
  // connect(5, {sa_family=AF_INET, sa_data="\0P"}, 4) = -1 EINVAL: too short for its family.
  a.sin_port = htons(80);
  EXPECT_EQ(render(&a, 4), "{sa_family=AF_INET, sa_data=\"\\0P\"}");
}

TEST(SockaddrTest, Inet6) {
  sockaddr_in6 a{};
  a.sin6_family = AF_INET6;
  a.sin6_port = htons(53);
  ASSERT_EQ(inet_pton(AF_INET6, "::1", &a.sin6_addr), 1);
  // connect(9, {sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(0),
  //             inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0
  EXPECT_EQ(render(&a, sizeof a),
            "{sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(0), "
            "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}");
  // A scope on a non-link-local address stays a number.
  a.sin6_scope_id = 1;
  EXPECT_EQ(render(&a, sizeof a),
            "{sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(0), "
            "inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=1}");
  ASSERT_EQ(inet_pton(AF_INET6, "::ffff:1.2.3.4", &a.sin6_addr), 1);
  a.sin6_scope_id = 0;
  EXPECT_EQ(render(&a, sizeof a),
            "{sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(0), "
            "inet_pton(AF_INET6, \"::ffff:1.2.3.4\", &sin6_addr), sin6_scope_id=0}");
  // Link-local: the interface by name when this host has that index, else the number.
  ASSERT_EQ(inet_pton(AF_INET6, "fe80::1", &a.sin6_addr), 1);
  a.sin6_flowinfo = htonl(5);
  a.sin6_scope_id = 77;
  char name[IF_NAMESIZE];
  if (!if_indextoname(77, name)) {
    EXPECT_EQ(render(&a, sizeof a),
              "{sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(5), "
              "inet_pton(AF_INET6, \"fe80::1\", &sin6_addr), sin6_scope_id=77}");
  }
  const unsigned lo = if_nametoindex("lo");
  if (lo) {
    a.sin6_scope_id = lo;
    EXPECT_EQ(render(&a, sizeof a),
              "{sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(5), "
              "inet_pton(AF_INET6, \"fe80::1\", &sin6_addr), sin6_scope_id=if_nametoindex(\"lo\")}");
  }
  // The RFC 2133 size (24 bytes) has no scope id.
  sockaddr_in6 b{};
  b.sin6_family = AF_INET6;
  EXPECT_EQ(render(&b, 24),
            "{sa_family=AF_INET6, sin6_port=htons(0), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::\", &sin6_addr)}");
}

TEST(SockaddrTest, Unix) {
  sockaddr_un a{};
  a.sun_family = AF_UNIX;
  std::strcpy(a.sun_path, "/tmp/nosuch.sock");
  // connect(11, {sa_family=AF_UNIX, sun_path="/tmp/nosuch.sock"}, 110) = -1 ENOENT
  EXPECT_EQ(render(&a, sizeof a), "{sa_family=AF_UNIX, sun_path=\"/tmp/nosuch.sock\"}");
  // connect(11, {sa_family=AF_UNIX, sun_path=@"abstract"}, 11) = -1 ECONNREFUSED
  std::memset(a.sun_path, 0, sizeof a.sun_path);
  std::strcpy(a.sun_path + 1, "abstract");
  EXPECT_EQ(render(&a, offsetof(sockaddr_un, sun_path) + 9), "{sa_family=AF_UNIX, sun_path=@\"abstract\"}");
  // getsockname(6, {sa_family=AF_UNIX}, [110 => 2]) = 0: an unnamed socket.
  EXPECT_EQ(render(&a, 2), "{sa_family=AF_UNIX}");
  // Escapes, and no -s cut: the whole path shows.
  std::memset(a.sun_path, 0, sizeof a.sun_path);
  std::strcpy(a.sun_path, "/tmp/a\"b\n\x01long-long-long-long-long-long-long-long-long-name");
  EXPECT_EQ(render(&a, sizeof a),
            "{sa_family=AF_UNIX, sun_path=\"/tmp/a\\\"b\\n\\1long-long-long-long-long-long-long-long-long-name\"}");
}

TEST(SockaddrTest, Netlink) {
  sockaddr_nl a{};
  a.nl_family = AF_NETLINK;
  // bind(12, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 0
  EXPECT_EQ(render(&a, sizeof a), "{sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}");
  a.nl_pid = 3410;
  a.nl_groups = 0x11;
  EXPECT_EQ(render(&a, sizeof a), "{sa_family=AF_NETLINK, nl_pid=3410, nl_groups=00000011}");
  // strace 6.1, ip addr: getsockname(4, {sa_family=AF_NETLINK, nl_pid=-942480663, nl_groups=00000000}, [12])
  a.nl_pid = static_cast<__u32>(-942480663);
  a.nl_groups = 0;
  EXPECT_EQ(render(&a, sizeof a), "{sa_family=AF_NETLINK, nl_pid=-942480663, nl_groups=00000000}");
}

TEST(SockaddrTest, Packet) {
  sockaddr_ll a{};
  a.sll_family = AF_PACKET;
  a.sll_protocol = htons(ETH_P_ALL);
  a.sll_ifindex = 1;
  char name[IF_NAMESIZE];
  ASSERT_NE(if_indextoname(1, name), nullptr);
  // bind(13, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_ALL), sll_ifindex=if_nametoindex("lo"),
  //           sll_hatype=ARPHRD_NETROM, sll_pkttype=PACKET_HOST, sll_halen=0}, 20) = 0
  EXPECT_EQ(render(&a, sizeof a),
            std::string("{sa_family=AF_PACKET, sll_protocol=htons(ETH_P_ALL), sll_ifindex=if_nametoindex(\"") + name +
                "\"), sll_hatype=ARPHRD_NETROM, sll_pkttype=PACKET_HOST, sll_halen=0}");
}

TEST(SockaddrTest, UnspecAndUnknownFamilies) {
  sockaddr a{};
  a.sa_family = AF_UNSPEC;
  // connect(9, {sa_family=AF_UNSPEC, sa_data="\0\0\0\0\0\0\0\0\0\0\0\0\0\0"}, 16) = 0
  EXPECT_EQ(render(&a, sizeof a), "{sa_family=AF_UNSPEC, sa_data=\"\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\"}");
  // connect(9, {sa_family=0xfa /* AF_??? */, sa_data="abc\0\0\0\0\0\0\0\0\0\0\0"}, 16) = -1 EINVAL
  a.sa_family = 250;
  std::memcpy(a.sa_data, "abc", 3);
  EXPECT_EQ(render(&a, sizeof a), "{sa_family=0xfa /* AF_??? */, sa_data=\"abc\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\"}");
  // connect(5, {sa_family=AF_BLUETOOTH, sa_data="\0\0\0\0\0\0\0\0\0\0\0\0\0\0"}, 16) = -1 EINVAL
  sockaddr b{};
  b.sa_family = AF_BLUETOOTH;
  EXPECT_EQ(render(&b, sizeof b), "{sa_family=AF_BLUETOOTH, sa_data=\"\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\"}");
}

TEST(SockaddrTest, ThroughDecodeStruct) {
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(80);
  a.sin_addr.s_addr = htonl(0x7f000001);
  std::string out;
  TextEmitter text(out, TextOptions{});
  DecodeContext ctx;
  ASSERT_TRUE(decode_struct("sockaddr", std::string_view(reinterpret_cast<const char*>(&a), sizeof a), ctx, text));
  EXPECT_EQ(out, "{sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"127.0.0.1\")}");
}

}  // namespace
}  // namespace etrace
