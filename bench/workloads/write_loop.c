/* N x write(fd, buf, 64) to /dev/null: the cheapest syscall with a payload, so the
 * tracer's per-call overhead dominates. */
#include "bench_common.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long n = bench_iterations(argc, argv, 1000000);
	char buf[64];
	memset(buf, 'x', sizeof(buf));
	int fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return 1;
	long long start = bench_now_ns();
	for (long i = 0; i < n; i++)
		if (write(fd, buf, sizeof(buf)) != (ssize_t)sizeof(buf))
			return 1;
	long long ns = bench_now_ns() - start;
	close(fd);
	bench_report(n, ns);
	return 0;
}
