#include "build_config.h"
#include "suivi/paths.h"
#include "suivi/xalloc.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* XDG: a relative value must be ignored. */
static const char *xdg(const char *var)
{
	const char *v = getenv(var);

	return v && v[0] == '/' ? v : NULL;
}

static char *home_based(const char *var, const char *fallback,
			const char *leaf)
{
	const char *base = xdg(var);
	const char *home = getenv("HOME");

	if (base)
		return xasprintf("%s/suivi/%s", base, leaf);
	if (home && *home)
		return xasprintf("%s/%s/suivi/%s", home, fallback, leaf);
	return NULL;
}

char *paths_default_config(void)
{
	return home_based("XDG_CONFIG_HOME", ".config", "suivi.ini");
}

char *paths_default_db(void)
{
	return home_based("XDG_DATA_HOME", ".local/share", "suivi.db");
}

char *paths_expand(const char *path, const char *relative_to)
{
	const char *home = getenv("HOME");

	if (path[0] == '~' && (path[1] == '/' || path[1] == '\0') && home)
		return xasprintf("%s%s", home, path + 1);
	if (path[0] != '/' && relative_to) {
		const char *slash = strrchr(relative_to, '/');

		if (slash)
			return xasprintf("%.*s/%s", (int)(slash - relative_to),
					 relative_to, path);
	}
	return xstrdup(path);
}

static int is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

char *paths_datadir(void)
{
	const char *env = getenv("SUIVI_DATADIR");
	char exe[PATH_MAX];
	ssize_t n;

	if (env && *env)
		return is_dir(env) ? xstrdup(env) : NULL;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		char *slash, *cand;

		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			/* the build tree (./suivi), then a relocated install
			 * (PREFIX/bin/suivi beside PREFIX/share/suivi) */
			static const char *const rel[] = { "share/suivi",
							   "../share/suivi" };

			*slash = '\0';
			for (size_t i = 0; i < 2; i++) {
				char real[PATH_MAX];

				cand = xasprintf("%s/%s", exe, rel[i]);
				if (is_dir(cand) && realpath(cand, real)) {
					free(cand);
					return xstrdup(real);
				}
				free(cand);
			}
		}
	}
	return is_dir(SUIVI_DATADIR) ? xstrdup(SUIVI_DATADIR) : NULL;
}

char *paths_default_reports(void)
{
	const char *home = getenv("HOME");

	return home && *home ? xasprintf("%s/Documents/suivi", home) : NULL;
}

int paths_mkdirs(const char *dir, struct err *e)
{
	char *p = xstrdup(dir);
	int rc = 0;

	for (char *s = p + 1; ; s++) {
		if (*s == '/' || *s == '\0') {
			char c = *s;

			*s = '\0';
			if (mkdir(p, 0700) != 0 && errno != EEXIST) {
				err_set(e, ERR_IO, "impossible de créer le dossier "
					"%s : %s", p, err_errno_fr(errno));
				rc = -1;
				break;
			}
			*s = c;
			if (!c)
				break;
		}
	}
	free(p);
	return rc;
}
