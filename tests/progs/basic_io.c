/* Makes a few known syscalls and prints, on stdout, the exact lines etrace must show for them. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	int r = access("/nonexistent/etrace-basic", F_OK);
	int fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	const char msg[] = "hi\033[31m\a\n";
	ssize_t n = write(fd, msg, sizeof(msg) - 1);
	char big[100];
	memset(big, 'x', sizeof(big));
	ssize_t m = write(fd, big, sizeof(big));
	int c = close(fd);
	int bad = close(fd);
	printf("access(\"/nonexistent/etrace-basic\", F_OK) = %d ENOENT (No such file or directory)\n", r);
	printf("openat(AT_FDCWD, \"/dev/null\", O_WRONLY|O_CLOEXEC) = %d\n", fd);
	printf("write(%d, \"hi\\33[31m\\7\\n\", %zu) = %zd\n", fd, sizeof(msg) - 1, n);
	printf("write(%d, \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"..., 100) = %zd\n", fd, m);
	printf("close(%d) = %d\n", fd, c);
	printf("close(%d) = %d EBADF (Bad file descriptor)\n", fd, bad);
	fflush(stdout);
	return 0;
}
