/* N x (openat, fstat, read, close) of a file whose path is exactly 60 characters, so
 * every traced call carries a path payload; "calls" counts the openat calls. The file
 * lives in $BENCH_DIR (default /tmp) and is removed at the end. */
#include "bench_common.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PATH_LEN 60

int main(int argc, char **argv)
{
	long n = bench_iterations(argc, argv, 200000);
	const char *dir = getenv("BENCH_DIR");
	if (!dir || !*dir)
		dir = "/tmp";
	char path[PATH_LEN + 1];
	int len = snprintf(path, sizeof(path), "%s/etrace-bench-open-", dir);
	if (len < 0 || len >= PATH_LEN - 4)
		return 2;
	memset(path + len, 'p', PATH_LEN - len);
	path[PATH_LEN] = '\0';

	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, "0123456789abcdef", 16) != 16)
		return 1;
	close(fd);

	char buf[64];
	struct stat st;
	long long start = bench_now_ns();
	for (long i = 0; i < n; i++) {
		fd = openat(AT_FDCWD, path, O_RDONLY);
		if (fd < 0 || fstat(fd, &st) != 0 || read(fd, buf, sizeof(buf)) != 16)
			return 1;
		close(fd);
	}
	long long ns = bench_now_ns() - start;
	unlink(path);
	bench_report(n, ns);
	return 0;
}
