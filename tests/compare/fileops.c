/* Files: open/read/write/lseek/fstat/stat/ftruncate/fsync/rename/link/symlink/readlink/chmod/unlink/mkdir/rmdir,
 * in a fixed order on fixed names under the current directory, so two runs make the same calls. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void)
{
	char buf[64];
	struct stat st;
	unlink("fo-renamed");
	int fd = open("fo-file", O_RDWR | O_CREAT | O_TRUNC, 0644);
	write(fd, "hello, world\n", 13);
	write(fd, "second line\twith tab\n", 21);
	lseek(fd, 0, SEEK_SET);
	read(fd, buf, sizeof(buf));
	lseek(fd, 7, SEEK_SET);
	read(fd, buf, 5);
	pread(fd, buf, 6, 14);
	pwrite(fd, "HELLO", 5, 0);
	lseek(fd, -3, SEEK_END);
	fstat(fd, &st);
	ftruncate(fd, 20);
	fsync(fd);
	fdatasync(fd);
	struct iovec iov[2] = {{"abc", 3}, {"defg", 4}};
	writev(fd, iov, 2);
	lseek(fd, 0, SEEK_SET);
	char a[4], b[8];
	struct iovec riov[2] = {{a, sizeof(a)}, {b, sizeof(b)}};
	readv(fd, riov, 2);
	int fd2 = dup(fd);
	close(fd);
	close(fd2);
	stat("fo-file", &st);
	lstat("fo-file", &st);
	chmod("fo-file", 0600);
	access("fo-file", R_OK | W_OK);
	rename("fo-file", "fo-renamed");
	link("fo-renamed", "fo-hardlink");
	symlink("fo-renamed", "fo-symlink");
	ssize_t n = readlink("fo-symlink", buf, sizeof(buf));
	(void)n;
	truncate("fo-renamed", 4);
	unlink("fo-symlink");
	unlink("fo-hardlink");
	unlink("fo-renamed");
	mkdir("fo-dir", 0755);
	mkdirat(AT_FDCWD, "fo-dir/sub", 0700);
	int dfd = open("fo-dir", O_RDONLY | O_DIRECTORY);
	int f3 = openat(dfd, "inner", O_WRONLY | O_CREAT | O_EXCL | O_APPEND, 0640);
	write(f3, "x", 1);
	close(f3);
	fchmodat(dfd, "inner", 0600, 0);
	renameat(dfd, "inner", dfd, "inner2");
	unlinkat(dfd, "inner2", 0);
	unlinkat(dfd, "sub", AT_REMOVEDIR);
	close(dfd);
	chdir("fo-dir");
	getcwd(buf, sizeof(buf));
	chdir("..");
	rmdir("fo-dir");
	umask(022);
	return 0;
}
