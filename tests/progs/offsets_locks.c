/* Calls whose pointed-to arguments the kernel reads and rewrites (file offsets, fcntl's struct
 * flock) and getcwd's path; prints, on stdout, the exact lines etrace must show for them (strace
 * 6.1 prints the same). It works in the directory named by its argument (an empty one, left
 * empty), or in one of its own under /tmp. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char own[] = "/tmp/etrace-offsets-locks-XXXXXX";
	const char *dir = argc > 1 ? argv[1] : mkdtemp(own);
	if (!dir || chdir(dir))
		return 1;
	/* Longer than -s 32: a path is shown whole. */
	const char sub[] = "a-directory-name-longer-than-the-default-strsize";
	if (mkdir(sub, 0700) || chdir(sub))
		return 1;
	char cwd[4096];
	long n = syscall(SYS_getcwd, cwd, sizeof(cwd));
	printf("getcwd(\"%s\", 4096) = %ld\n", cwd, n);

	int in = open("in", O_RDWR | O_CREAT | O_TRUNC, 0600);
	int out = open("out", O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (in < 0 || out < 0 || write(in, "0123456789abcdef", 16) != 16)
		return 1;
	off_t off = 0;
	ssize_t s = sendfile(out, in, &off, 16);
	printf("sendfile(%d, %d, [0] => [%lld], 16) = %zd\n", out, in, (long long)off, s);
	s = sendfile(out, in, &off, 4); /* at the end: nothing moves, the offset stays */
	printf("sendfile(%d, %d, [16], 4) = %zd\n", out, in, s);
	loff_t a = 0, b = 4;
	s = copy_file_range(in, &a, out, &b, 4, 0);
	printf("copy_file_range(%d, [0], %d, [4], 4, 0) = %zd\n", in, out, s);
	int p[2];
	if (pipe(p))
		return 1;
	a = 3;
	s = splice(in, &a, p[1], NULL, 5, 0);
	printf("splice(%d, [3], %d, NULL, 5, 0) = %zd\n", in, p[1], s);
	b = 7;
	s = splice(p[0], NULL, out, &b, 5, 0);
	printf("splice(%d, NULL, %d, [7], 5, 0) = %zd\n", p[0], out, s);

	/* An OFD lock on one open of the file conflicts with the locks of another open, even in
	 * this process: the holder of an OFD lock has no pid (-1). */
	int again = open("in", O_RDWR);
	struct flock l = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 2, .l_len = 5};
	int r = fcntl(in, F_OFD_SETLK, &l);
	printf("fcntl(%d, F_OFD_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=2, l_len=5}) = %d\n", in, r);
	struct flock g = {.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
	r = fcntl(again, F_GETLK, &g);
	printf("fcntl(%d, F_GETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=2, l_len=5, l_pid=%d}) = %d\n",
	       again, g.l_pid, r);
	struct flock h = {.l_type = F_WRLCK, .l_whence = SEEK_END, .l_start = 0, .l_len = 0};
	r = fcntl(again, F_OFD_GETLK, &h); /* past the lock: the kernel only sets l_type */
	printf("fcntl(%d, F_OFD_GETLK, {l_type=F_UNLCK, l_whence=SEEK_END, l_start=0, l_len=0, l_pid=0}) = %d\n",
	       again, r);
	struct flock u = {.l_type = F_UNLCK, .l_whence = SEEK_CUR, .l_start = 0, .l_len = 0};
	r = fcntl(again, F_SETLKW, &u);
	printf("fcntl(%d, F_SETLKW, {l_type=F_UNLCK, l_whence=SEEK_CUR, l_start=0, l_len=0}) = %d\n", again, r);
	r = fcntl(again, F_GETLK, (struct flock *)8);
	printf("fcntl(%d, F_GETLK, 0x8) = %d EFAULT (Bad address)\n", again, r);
	fflush(stdout);

	unlink("in");
	unlink("out");
	if (chdir(".."))
		return 1;
	rmdir(sub);
	if (argc < 2)
		rmdir(dir);
	return 0;
}
