/* Outlives its tracer: N rounds of chdir(".") (= 0) and chdir("/etrace-no-such-dir") (ENOENT),
 * then waits (up to 30 s) until the process that started it is gone (etrace, detached by
 * --syscall-limit), makes M more rounds, and creates FILE.
 * Usage: outlive N M FILE. Exits 2 if its parent never went away. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

static int round_of_calls(void)
{
	return chdir(".") == 0 && chdir("/etrace-no-such-dir") != 0;
}

int main(int argc, char **argv)
{
	if (argc < 4)
		return 1;
	const int n = atoi(argv[1]), m = atoi(argv[2]);
	const pid_t parent = getppid();
	for (int i = 0; i < n; i++)
		if (!round_of_calls())
			return 1;
	for (int i = 0; i < 3000 && getppid() == parent; i++)
		usleep(10 * 1000);
	if (getppid() == parent)
		return 2;
	for (int i = 0; i < m; i++)
		if (!round_of_calls())
			return 1;
	int fd = open(argv[3], O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return 1;
	const int ok = write(fd, "done\n", 5) == 5;
	close(fd);
	return ok ? 0 : 1;
}
