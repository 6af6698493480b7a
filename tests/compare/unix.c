/* Unix sockets: socketpair, a stream server on a path and one in the abstract namespace, datagrams,
 * and sendmsg/recvmsg with iovecs and an SCM_RIGHTS control message. */
#define _GNU_SOURCE
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

static void serve_once(int s)
{
	int a = accept(s, NULL, NULL);
	char buf[32];
	ssize_t n = read(a, buf, sizeof(buf));
	write(a, buf, n);
	close(a);
}

int main(void)
{
	int sv[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	char c1[8] = "abc", c2[8] = "defgh";
	struct iovec iov[2] = {{c1, 3}, {c2, 5}};
	char cbuf[CMSG_SPACE(sizeof(int))];
	memset(cbuf, 0, sizeof(cbuf));
	struct msghdr mh = {0};
	mh.msg_iov = iov;
	mh.msg_iovlen = 2;
	mh.msg_control = cbuf;
	mh.msg_controllen = sizeof(cbuf);
	struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	int passed = 0;
	memcpy(CMSG_DATA(cm), &passed, sizeof(int));
	sendmsg(sv[0], &mh, 0);
	char r1[4], r2[16];
	struct iovec riov[2] = {{r1, sizeof(r1)}, {r2, sizeof(r2)}};
	char rcbuf[CMSG_SPACE(sizeof(int))];
	struct msghdr rh = {0};
	rh.msg_iov = riov;
	rh.msg_iovlen = 2;
	rh.msg_control = rcbuf;
	rh.msg_controllen = sizeof(rcbuf);
	recvmsg(sv[1], &rh, MSG_CMSG_CLOEXEC);
	close(sv[0]);
	close(sv[1]);

	struct sockaddr_un path = {.sun_family = AF_UNIX};
	strcpy(path.sun_path, "unix-sock");
	unlink(path.sun_path);
	int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	bind(s, (struct sockaddr *)&path, sizeof(path));
	listen(s, 1);

	struct sockaddr_un abs = {.sun_family = AF_UNIX};
	memcpy(abs.sun_path, "\0etrace-compare-abstract", 24);
	socklen_t abslen = offsetof(struct sockaddr_un, sun_path) + 24;
	int s2 = socket(AF_UNIX, SOCK_STREAM, 0);
	bind(s2, (struct sockaddr *)&abs, abslen);
	listen(s2, 1);

	pid_t pid = fork();
	if (pid == 0) {
		char buf[32];
		int c = socket(AF_UNIX, SOCK_STREAM, 0);
		connect(c, (struct sockaddr *)&path, sizeof(path));
		write(c, "over a path", 11);
		read(c, buf, sizeof(buf));
		close(c);
		c = socket(AF_UNIX, SOCK_STREAM, 0);
		connect(c, (struct sockaddr *)&abs, abslen);
		write(c, "abstract", 8);
		read(c, buf, sizeof(buf));
		close(c);
		_exit(0);
	}
	serve_once(s);
	serve_once(s2);
	int status;
	waitpid(pid, &status, 0);
	close(s);
	close(s2);
	unlink(path.sun_path);

	int dv[2];
	socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, dv);
	send(dv[0], "dgram", 5, MSG_DONTWAIT);
	char d[16];
	recv(dv[1], d, sizeof(d), 0);
	close(dv[0]);
	close(dv[1]);
	return 0;
}
