/* Makes a CLONE_PARENT child: its parent is the process that started this program (etrace),
 * not this one. Waits until that parent has reaped it, then prints the child's pid and exits
 * 0; exits 3 if nobody reaps it within 30 s (a tracer that never reaps would hang us). */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static char stack[64 * 1024];

static int child(void *arg)
{
	(void)arg;
	return 42;
}

int main(void)
{
	const pid_t pid = clone(child, stack + sizeof(stack), CLONE_PARENT | SIGCHLD, NULL);
	if (pid < 0) {
		perror("clone");
		return 1;
	}
	const struct timespec tick = {0, 1000000};
	for (int i = 0; i < 30000; ++i) {
		if (kill(pid, 0) != 0 && errno == ESRCH) {
			printf("%d\n", pid);
			return 0;
		}
		nanosleep(&tick, NULL);
	}
	fprintf(stderr, "clone_parent: child %d was never reaped\n", pid);
	return 3;
}
