/* A program that names things with terminal control sequences, for the tests that check every
 * output path escapes them. Modes:
 *   rename             getpid, renames itself to ESC ] 0 ; T BEL ESC [ 2 J CR LF, getpid; prints
 *                      the lines etrace --always-show-pid -Y must show for the two calls
 *   files DIR          an fd on DIR/"f<ESC>[2Jx<LF>" and a unix socket bound to DIR/"s<ESC>]0;T<BEL>",
 *                      each shown through fsync / getsockname for -y and -yy
 *   paths              access() of a 4095-byte path (the longest there is) and of a 4096-byte one
 *   tick NAME          renames itself NAME, then calls getppid every 20 ms until killed */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static const char kName[] = "\033]0;T\a\033[2J\r\n";

static char *path_of(int n)
{
	/* "/./././...": resolves to "/" whatever its length, and no component is too long. */
	char *p = malloc(n + 1);
	for (int i = 0; i < n; i++)
		p[i] = i % 2 ? '.' : '/';
	p[n] = 0;
	return p;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "rename";
	if (!strcmp(mode, "rename")) {
		int a = getpid();
		prctl(PR_SET_NAME, kName);
		int b = getpid();
		printf("[pid %5d<hostile_names>] getpid() = %d\n", a, a);
		printf("[pid %5d<\\33]0;T\\7\\33[2J\\r\\n>] getpid() = %d\n", b, b);
	} else if (!strcmp(mode, "files") && argc > 2) {
		char path[256];
		snprintf(path, sizeof(path), "%s/f\033[2Jx\n", argv[2]);
		int fd = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
		fsync(fd);
		close(fd);
		unlink(path);
		struct sockaddr_un sa = {.sun_family = AF_UNIX};
		snprintf(sa.sun_path, sizeof(sa.sun_path), "%s/s\033]0;T\a", argv[2]);
		int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		bind(s, (struct sockaddr *)&sa, sizeof(sa));
		listen(s, 1);
		socklen_t len = sizeof(sa);
		getsockname(s, (struct sockaddr *)&sa, &len);
		close(s);
		unlink(sa.sun_path);
	} else if (!strcmp(mode, "paths")) {
		access(path_of(4095), F_OK);
		access(path_of(4096), F_OK);
	} else if (!strcmp(mode, "tick") && argc > 2) {
		prctl(PR_SET_NAME, argv[2]);
		struct timespec ts = {0, 20 * 1000 * 1000};
		for (;;) {
			getppid();
			nanosleep(&ts, NULL);
		}
	} else {
		return 2;
	}
	fflush(stdout);
	return 0;
}
