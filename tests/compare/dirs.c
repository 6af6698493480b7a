/* Directories: getdents64 on a directory of known entries, fchdir, getcwd, statx, and a directory walk. */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : ".";
	char buf[4096];
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	long n;
	while ((n = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0)
		;
	fchdir(fd);
	getcwd(buf, sizeof(buf));
	struct statx sx;
	statx(fd, "", AT_EMPTY_PATH, STATX_BASIC_STATS, &sx);
	statx(AT_FDCWD, "a.txt", 0, STATX_TYPE | STATX_SIZE, &sx);
	close(fd);
	DIR *d = opendir("sub");
	struct dirent *e;
	int count = 0;
	while (d && (e = readdir(d)) != NULL)
		count++;
	if (d)
		closedir(d);
	return count > 0 ? 0 : 1;
}
