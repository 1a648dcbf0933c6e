/*
 * journal.c - a rollback journal left beside the database by a save that
 * was cut short, examined before SQLite sees it (store.c's open).
 *
 * SQLite plays such a journal back onto whatever file now bears the
 * database's name. When the file was replaced meanwhile (a backup or a
 * copy put back with cp after a crash), the journal holds pages of
 * another state of the data: played back, it would write them into the
 * file put back and damage it. So the journal is read first: it is the
 * file's own when its copy of page 1 matches the file (see below), and is
 * otherwise set aside under another name, never played.
 *
 * The journal's format (SQLite's pager.c, "Journal files"): a header of
 * one sector (magic, record count, checksum seed, the file's size in pages
 * before the save, sector size, page size), then records of page number,
 * the page as it was before the save, checksum. store_begin makes page 1
 * the first page of every journal of ours (see there).
 */
#include "store_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "suivi/xalloc.h"

static const unsigned char journal_magic[8] = {
	0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7
};

/* SQLite's lock bytes (os_unix.c): a writer holds RESERVED_BYTE for as
 * long as its journal is live. */
#define PENDING_BYTE 0x40000000
#define RESERVED_BYTE (PENDING_BYTE + 1)

static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static bool read_at(int fd, void *buf, size_t n, off_t off)
{
	unsigned char *b = buf;

	while (n > 0) {
		ssize_t r = pread(fd, b, n, off);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return false;
		b += r;
		n -= (size_t)r;
		off += r;
	}
	return true;
}

static bool power_of_two_in(uint32_t v, uint32_t lo, uint32_t hi)
{
	return v >= lo && v <= hi && (v & (v - 1)) == 0;
}

/* SQLite's pager_cksum: the seed plus every 200th byte from the end. */
static uint32_t page_cksum(uint32_t seed, const unsigned char *page,
			   uint32_t size)
{
	uint32_t sum = seed;

	for (int i = (int)size - 200; i > 0; i -= 200)
		sum += page[i];
	return sum;
}

/* Would playing the journal back write anything but what the file
 * already holds? Each page it carries, against the file's page. */
static bool pages_all_equal(int jfd, int dfd, uint32_t n, uint32_t sector,
			    uint32_t size, off_t jsize)
{
	unsigned char *jp = xmalloc(size), *dp = xmalloc(size);
	off_t off = sector;
	bool same = true;

	for (uint32_t i = 0; i < n && same; i++) {
		unsigned char no[4];

		if (off + 8 + (off_t)size > jsize ||
		    !read_at(jfd, no, 4, off) ||
		    !read_at(jfd, jp, size, off + 4))
			break;	/* a torn end is not played back */
		if (get32(no) == 0 ||
		    !read_at(dfd, dp, size, (off_t)(get32(no) - 1) * size) ||
		    memcmp(jp, dp, size) != 0)
			same = false;
		off += 8 + (off_t)size;
	}
	free(jp);
	free(dp);
	return same;
}

/* Record i lies whole inside the journal. */
static bool off_ok(uint32_t sector, uint32_t i, uint32_t size, off_t jsize)
{
	return sector + ((off_t)i + 1) * (8 + (off_t)size) <= jsize;
}

/* The verdict on a journal that no live writer holds. */
static enum journal_state judge(int jfd, int dfd, off_t jsize, off_t dsize)
{
	unsigned char h[28], fh[100], no[4];
	uint32_t n, seed, before, sector, size, fsize;
	off_t off = 0;
	bool found = false;
	unsigned char *page;
	enum journal_state v;

	if (jsize < (off_t)sizeof h || !read_at(jfd, h, sizeof h, 0) ||
	    memcmp(h, journal_magic, 8) != 0)
		return JOURNAL_NONE;	/* SQLite plays nothing from it */
	n = get32(h + 8);
	seed = get32(h + 12);
	before = get32(h + 16);
	sector = get32(h + 20);
	size = get32(h + 24);
	if (!power_of_two_in(sector, 32, 65536) ||
	    !power_of_two_in(size, 512, 65536))
		return JOURNAL_FOREIGN;
	if (dsize == 0)
		return before == 0 ? JOURNAL_OURS : JOURNAL_FOREIGN;
	if (dsize < 100 || !read_at(dfd, fh, sizeof fh, 0))
		return JOURNAL_FOREIGN;
	/* The first filling of an empty file: its journal holds no page
	 * (there was none before), and playing it back empties the file,
	 * which the open then fills again. The file is that filling's when
	 * its header says it was written at most once. */
	if (before == 0)
		return get32(fh + 24) <= 1 ? JOURNAL_OURS : JOURNAL_FOREIGN;
	fsize = (uint32_t)fh[16] << 8 | fh[17];
	if (fsize == 1)
		fsize = 65536;
	if (fsize != size)
		return JOURNAL_FOREIGN;
	if (n == 0xffffffffu)
		n = (uint32_t)((jsize - sector) / (8 + (off_t)size));
	/* Page 1 among the records (the first one in ours). */
	for (uint32_t i = 0; i < n && off_ok(sector, i, size, jsize); i++) {
		off = sector + (off_t)i * (8 + (off_t)size);
		if (!read_at(jfd, no, 4, off))
			break;
		if (get32(no) == 1) {
			found = true;
			break;
		}
	}
	if (!found) {
		/* No page 1: the save never reached the file's header. Only
		 * a play-back that changes nothing is safe (with no record,
		 * SQLite only cuts the file to its size before the save). */
		if (n == 0)
			return dsize == (off_t)before * size ? JOURNAL_OURS
							    : JOURNAL_FOREIGN;
		return pages_all_equal(jfd, dfd, n, sector, size, jsize)
			       ? JOURNAL_OURS
			       : JOURNAL_FOREIGN;
	}
	page = xmalloc(size + 4);
	if (!read_at(jfd, page, size + 4, off + 4) ||
	    page_cksum(seed, page, size) != get32(page + size)) {
		free(page);
		return JOURNAL_FOREIGN;
	}
	{
		/* The file's change counter against the one the journal
		 * saved: a save writes counter + 1 with page 1, so the
		 * file's own shows the same (header not yet written: then
		 * the whole page is the saved one) or the next. */
		uint32_t saved = get32(page + 24), now = get32(fh + 24);

		if (now == saved + 1)
			v = JOURNAL_OURS;
		else if (now == saved) {
			unsigned char *cur = xmalloc(size);

			v = read_at(dfd, cur, size, 0) &&
					    memcmp(cur, page, size) == 0
				    ? JOURNAL_OURS
				    : JOURNAL_FOREIGN;
			free(cur);
		} else
			v = JOURNAL_FOREIGN;
	}
	free(page);
	return v;
}

char *journal_name(const char *path)
{
	return xasprintf("%s-journal", path);
}

enum journal_state journal_examine(const char *path)
{
	char *jpath = journal_name(path);
	struct stat jsb, dsb;
	struct flock fl;
	int jfd = -1, dfd = -1;
	enum journal_state v = JOURNAL_NONE;

	if (stat(jpath, &jsb) != 0 || jsb.st_size == 0 ||
	    !S_ISREG(jsb.st_mode))
		goto out;
	dfd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	jfd = open(jpath, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (dfd < 0 || jfd < 0 || fstat(dfd, &dsb) != 0 ||
	    !S_ISREG(dsb.st_mode))
		goto out;	/* SQLite will say what is wrong */
	/* A writer that holds the file is saving right now: its journal
	 * is alive and its own. */
	memset(&fl, 0, sizeof fl);
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	fl.l_start = RESERVED_BYTE;
	fl.l_len = 1;
	if (fcntl(dfd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK) {
		v = JOURNAL_LIVE;
		goto out;
	}
	if (fstat(jfd, &jsb) != 0)
		goto out;
	v = judge(jfd, dfd, jsb.st_size, dsb.st_size);
out:
	if (jfd >= 0)
		close(jfd);
	if (dfd >= 0)
		close(dfd);
	free(jpath);
	return v;
}

char *store_dated_name(const char *path, const char *what)
{
	char stamp[32];
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	for (int i = 1; i < 1000; i++) {
		char *name = i == 1 ? xasprintf("%s.%s-%s", path, what, stamp)
				    : xasprintf("%s.%s-%s-%d", path, what,
						stamp, i);
		char *j = journal_name(name);
		bool taken = access(name, F_OK) == 0 || access(j, F_OK) == 0;

		free(j);
		if (!taken)
			return name;
		free(name);
	}
	return NULL;
}

int journal_set_aside(const char *path, char **aside, struct err *e)
{
	char *jpath = journal_name(path);
	int rc = -1;

	/* Not "<name>-journal": no SQLite ever takes it for one. */
	*aside = store_dated_name(path, "journal-etranger");
	if (*aside)
		rc = rename(jpath, *aside);
	else
		errno = EEXIST;
	if (rc != 0) {
		err_set(e, ERR_DB, "la base %s a à côté d'elle un journal "
			"d'enregistrement interrompu qui n'est pas le sien (%s) : "
			"suivi ne le rejoue pas, et ne peut pas le mettre de "
			"côté (%s). Déplacez-le ailleurs, puis relancez ; rien "
			"n'a été modifié.", path, jpath,
			err_errno_fr(errno));
		free(*aside);
		*aside = NULL;
	}
	free(jpath);
	return rc;
}
