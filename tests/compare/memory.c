/* Memory: anonymous and file mmaps, mprotect, madvise, mremap, msync, mlock, munmap, brk. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void)
{
	size_t page = 4096;
	char *a = mmap(NULL, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(a, 1, 4 * page);
	mprotect(a, page, PROT_READ);
	mprotect(a + page, page, PROT_NONE);
	madvise(a + 2 * page, page, MADV_DONTNEED);
	munmap(a, 4 * page);
	char *m = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *b = mremap(m, 2 * page, 8 * page, MREMAP_MAYMOVE);
	mlock(b, page);
	munlock(b, page);
	munmap(b, 8 * page);
	int fd = open("fixture/a.txt", O_RDONLY);
	char *f = mmap(NULL, page, PROT_READ, MAP_SHARED, fd, 0);
	volatile char c = f[0];
	(void)c;
	msync(f, page, MS_SYNC);
	munmap(f, page);
	close(fd);
	char *s = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_SHARED | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	mprotect(s, page, PROT_READ | PROT_EXEC);
	munmap(s, 2 * page);
	void *cur = sbrk(0);
	brk((char *)cur + 3 * page);
	brk(cur);
	return 0;
}
