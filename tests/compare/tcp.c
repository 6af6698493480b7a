/* TCP on loopback: the parent listens on a fixed port, forks a client, accepts, echoes, and waits for it. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define PORT 23461

static struct sockaddr_in loopback(void)
{
	struct sockaddr_in a = {0};
	a.sin_family = AF_INET;
	a.sin_port = htons(PORT);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

int main(void)
{
	struct sockaddr_in addr = loopback();
	int one = 1;
	int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(s, (struct sockaddr *)&addr, sizeof(addr)) != 0)
		return 1;
	listen(s, 4);
	pid_t pid = fork();
	if (pid == 0) {
		char buf[64];
		int c = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
		setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		connect(c, (struct sockaddr *)&addr, sizeof(addr));
		send(c, "ping from client", 16, 0);
		recv(c, buf, sizeof(buf), 0);
		write(c, "bye", 3);
		shutdown(c, SHUT_WR);
		read(c, buf, sizeof(buf));
		close(c);
		_exit(0);
	}
	struct sockaddr_in peer;
	socklen_t len = sizeof(peer);
	int a = accept4(s, (struct sockaddr *)&peer, &len, SOCK_CLOEXEC);
	char buf[64];
	ssize_t n = recv(a, buf, sizeof(buf), MSG_WAITALL & 0);
	send(a, buf, n, MSG_NOSIGNAL);
	int got = 0;
	while ((n = read(a, buf, sizeof(buf))) > 0)
		got += n;
	len = sizeof(peer);
	getsockname(a, (struct sockaddr *)&peer, &len);
	int rcv = 0;
	len = sizeof(rcv);
	getsockopt(a, SOL_SOCKET, SO_TYPE, &rcv, &len);
	close(a);
	close(s);
	int status;
	wait4(pid, &status, 0, NULL);
	return got == 3 ? 0 : 2;
}
