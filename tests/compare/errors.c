/* Failing calls of each kind: ENOENT, EBADF, EINVAL, ECONNREFUSED, EAGAIN, EEXIST, ENOTDIR, ESPIPE,
 * ENOTSOCK, EFAULT, ECHILD; with the argument "eacces", calls that fail with EACCES/EPERM as non-root. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char buf[16];
	struct stat st;
	if (argc > 1 && strcmp(argv[1], "eacces") == 0) {
		open("secret.txt", O_RDONLY);
		open("/root/.etrace-compare-denied", O_WRONLY | O_CREAT, 0600);
		access("secret.txt", R_OK);
		mkdir("/etrace-compare-denied", 0755);
		unlink("secret.txt");
		setuid(0);
		kill(1, SIGTERM);
		return 0;
	}
	open("/nonexistent/file", O_RDONLY);
	stat("/nonexistent", &st);
	read(99, buf, sizeof(buf));
	write(-1, "x", 1);
	close(1000);
	fstat(77, &st);
	lseek(0, 0, 99);
	mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	fcntl(0, 9999);

	struct sockaddr_in addr = {0};
	addr.sin_family = AF_INET;
	addr.sin_port = htons(1);
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	int s = socket(AF_INET, SOCK_STREAM, 0);
	connect(s, (struct sockaddr *)&addr, sizeof(addr));
	close(s);
	socket(AF_INET, 12345, 0);

	int p[2];
	pipe2(p, O_NONBLOCK);
	read(p[0], buf, sizeof(buf));
	lseek(p[0], 0, SEEK_SET);
	close(p[0]);
	close(p[1]);

	mkdir(".", 0755);
	open("a.txt/x", O_RDONLY);
	send(0, "x", 1, 0);
	void *volatile bad = (void *)1;
	write(2, bad, 5);
	int status;
	wait4(-1, &status, 0, NULL);
	rmdir("/nonexistent-dir");
	return 0;
}
