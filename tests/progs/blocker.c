/* A call that blocks: the parent reads a pipe that its child writes 600 ms later, after a call
 * of its own. etrace must show the read as soon as it is seen blocking, close it with
 * "<unfinished ...>" when the child's line comes in between, then "<... read resumed>". */
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	int p[2];
	if (pipe(p))
		return 1;
	pid_t pid = fork();
	if (pid == 0) {
		struct timespec ts = {0, 600 * 1000 * 1000};
		nanosleep(&ts, NULL);
		access("/etrace-blocker-child", F_OK);
		write(p[1], "x", 1);
		_exit(0);
	}
	char c;
	ssize_t n = read(p[0], &c, 1);
	waitpid(pid, NULL, 0);
	printf("read(%d, \"x\", 1) = %zd\n", p[0], n);
	return 0;
}
