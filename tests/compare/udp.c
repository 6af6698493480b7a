/* UDP on loopback: a server on a fixed port, a forked client using sendto and then a connected socket. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define PORT 23462

int main(void)
{
	struct sockaddr_in addr = {0};
	addr.sin_family = AF_INET;
	addr.sin_port = htons(PORT);
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	int one = 1;
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(s, (struct sockaddr *)&addr, sizeof(addr)) != 0)
		return 1;
	pid_t pid = fork();
	if (pid == 0) {
		char buf[64];
		int c = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, IPPROTO_UDP);
		sendto(c, "datagram one", 12, 0, (struct sockaddr *)&addr, sizeof(addr));
		recvfrom(c, buf, sizeof(buf), 0, NULL, NULL);
		connect(c, (struct sockaddr *)&addr, sizeof(addr));
		send(c, "two", 3, 0);
		close(c);
		_exit(0);
	}
	char buf[64];
	struct sockaddr_in peer;
	socklen_t len = sizeof(peer);
	ssize_t n = recvfrom(s, buf, sizeof(buf), 0, (struct sockaddr *)&peer, &len);
	sendto(s, buf, n, 0, (struct sockaddr *)&peer, len);
	len = sizeof(peer);
	n = recvfrom(s, buf, sizeof(buf), 0, (struct sockaddr *)&peer, &len);
	close(s);
	int status;
	waitpid(pid, &status, 0);
	return n == 3 ? 0 : 2;
}
