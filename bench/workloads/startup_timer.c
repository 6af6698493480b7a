/* startup_timer PATTERN CMD [ARGS...]: runs CMD with its stdout and stderr on a pipe and
 * reports how long after the fork the first line containing PATTERN arrived, i.e. the
 * start-up latency a user sees from typing a tracer's command to its first traced line.
 * Reading continues to EOF so the tracer is never cut short by SIGPIPE. "calls" is 1 if
 * PATTERN was seen, 0 if not (then ns is the time to EOF). */
#include "bench_common.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: startup_timer PATTERN CMD [ARGS...]\n");
		return 2;
	}
	const char *pattern = argv[1];
	int fds[2];
	if (pipe(fds) != 0)
		return 1;
	long long start = bench_now_ns();
	pid_t pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0) {
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(fds[0]);
		close(fds[1]);
		execvp(argv[2], argv + 2);
		_exit(127);
	}
	close(fds[1]);

	/* A line may straddle two reads: keep the tail of the previous read in front. */
	char buf[65536 + 256];
	size_t carry = 0;
	long long found_ns = -1;
	size_t plen = strlen(pattern);
	for (;;) {
		ssize_t got = read(fds[0], buf + carry, sizeof(buf) - carry - 1);
		if (got <= 0)
			break;
		if (found_ns >= 0)
			continue;
		size_t len = carry + (size_t)got;
		buf[len] = '\0';
		if (strstr(buf, pattern)) {
			found_ns = bench_now_ns() - start;
			continue;
		}
		carry = plen < len ? plen : len;
		memmove(buf, buf + len - carry, carry);
	}
	int status;
	waitpid(pid, &status, 0);
	if (found_ns < 0)
		bench_report(0, bench_now_ns() - start);
	else
		bench_report(1, found_ns);
	return 0;
}
