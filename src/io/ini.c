#define _GNU_SOURCE
#include "suivi/ini.h"
#include "suivi/text.h"
#include "suivi/xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <iniparser.h>

static int silent(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

static int read_all(const char *path, struct ini_file *f,
		    struct diag_list *diags)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	size_t got = 0;

	if (fd < 0) {
		diag_add(diags, path, 0, "lecture impossible : %s",
			 err_errno_fr(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		diag_add(diags, path, 0, "ce n'est pas un fichier ordinaire");
		close(fd);
		return -1;
	}
	if ((unsigned long long)st.st_size > INI_FILE_MAX) {
		diag_add(diags, path, 0,
			 "fichier trop gros (%lld octets, maximum %u)",
			 (long long)st.st_size, INI_FILE_MAX);
		close(fd);
		return -1;
	}
	f->text = xmalloc((size_t)st.st_size + 1);
	for (;;) {
		ssize_t r;

		if (got == (size_t)st.st_size) {
			/* the file may have grown: one more byte tells */
			char extra;

			r = read(fd, &extra, 1);
			if (r == 0)
				break;
			if (r > 0) {
				diag_add(diags, path, 0,
					 "le fichier change pendant sa lecture");
				close(fd);
				return -1;
			}
		} else {
			r = read(fd, f->text + got, (size_t)st.st_size - got);
			if (r == 0)
				break;
			if (r > 0) {
				got += (size_t)r;
				continue;
			}
		}
		if (errno == EINTR)
			continue;
		diag_add(diags, path, 0, "lecture impossible : %s",
			 err_errno_fr(errno));
		close(fd);
		return -1;
	}
	close(fd);
	f->text[got] = '\0';
	f->len = got;
	return 0;
}

static bool key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
	       c == '.';
}

/* Two section names are the same when they differ only by ASCII case or
 * by blanks: "[indicateur  nsi/1.1]" is "[Indicateur nsi/1.1]". */
static bool same_name(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ' || *a == '\t')
			a++;
		while (*b == ' ' || *b == '\t')
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return false;
		a++;
		b++;
	}
}

static struct ini_section *section_find(struct ini_file *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (same_name(f->sections[i].name, name))
			return &f->sections[i];
	return NULL;
}

/* Scan one line (NUL-terminated, no newline). */
static void scan_line(struct ini_file *f, char *line, int lineno,
		      struct ini_section **cur, struct diag_list *diags)
{
	const char *path = f->path;
	char *s = text_trim(line);
	size_t len = strlen(s);
	char *eq, *key, *val;

	if (len == 0 || s[0] == ';' || s[0] == '#')
		return;
	if (text_has_control(s)) {
		diag_add(diags, path, lineno, "caractère de contrôle interdit");
		return;
	}
	if (s[len - 1] == '\\') {
		diag_add(diags, path, lineno,
			 "une ligne ne peut pas se terminer par « \\ » "
			 "(pas de ligne de continuation)");
		return;
	}
	if (s[0] == '[') {
		char *name;

		if (s[len - 1] != ']') {
			diag_add(diags, path, lineno,
				 "section mal fermée : « ] » attendu en fin de ligne");
			return;
		}
		s[len - 1] = '\0';
		name = text_trim(s + 1);
		if (!*name) {
			diag_add(diags, path, lineno, "nom de section vide");
			return;
		}
		if (strpbrk(name, "[]:;#\"")) {
			diag_add(diags, path, lineno,
				 "nom de section « %s » invalide : les caractères "
				 "[ ] : ; # \" y sont interdits", name);
			return;
		}
		if ((*cur = section_find(f, name))) {
			diag_add(diags, path, lineno,
				 "section [%s] déjà ouverte ligne %d",
				 name, (*cur)->line);
			*cur = NULL;
			return;
		}
		f->sections = xgrow(f->sections, &f->cap, f->n + 1,
				    sizeof *f->sections);
		*cur = &f->sections[f->n++];
		memset(*cur, 0, sizeof **cur);
		(*cur)->name = xstrdup(name);
		(*cur)->line = lineno;
		return;
	}
	eq = strchr(s, '=');
	if (!eq) {
		diag_add(diags, path, lineno,
			 "ligne incomprise : ni [section], ni « clé = valeur », "
			 "ni commentaire");
		return;
	}
	*eq = '\0';
	key = text_trim(s);
	val = text_trim(eq + 1);
	if (!*key) {
		diag_add(diags, path, lineno, "clé manquante avant « = »");
		return;
	}
	for (const char *k = key; *k; k++) {
		if (!key_char(*k)) {
			diag_add(diags, path, lineno,
				 "clé « %s » invalide : lettres minuscules sans "
				 "accent, chiffres, « _ » et « . » seulement",
				 key);
			return;
		}
	}
	if (val[0] == '"' || val[0] == '\'') {
		char q = val[0];
		size_t vl = strlen(val);

		if (vl < 2 || val[vl - 1] != q) {
			diag_add(diags, path, lineno,
				 q == '"' ? "guillemet « \" » non refermé en fin de valeur"
					  : "une valeur qui commence par une apostrophe "
					    "doit finir par une apostrophe (ou être entre "
					    "guillemets)");
			return;
		}
		val[vl - 1] = '\0';
		val++;
		if (strchr(val, q)) {
			diag_add(diags, path, lineno,
				 q == '"' ? "une valeur entre guillemets ne peut pas "
					    "contenir « \" »"
					  : "une valeur entre apostrophes ne peut pas "
					    "contenir d'apostrophe");
			return;
		}
	} else {
		char *c = strpbrk(val, ";#");

		if (c) {
			diag_add(diags, path, lineno,
				 "le texte après « %c » serait perdu : mettez la "
				 "valeur entre guillemets", *c);
			return;
		}
	}
	if (!*cur) {
		if (f->n == 0)
			diag_add(diags, path, lineno,
				 "clé « %s » hors de toute section", key);
		return;	/* a bad section header was already reported */
	}
	for (size_t i = 0; i < (*cur)->n; i++) {
		if (strcmp((*cur)->entries[i].key, key) == 0) {
			diag_add(diags, path, lineno,
				 "clé « %s » déjà donnée ligne %d dans [%s]", key,
				 (*cur)->entries[i].line, (*cur)->name);
			return;
		}
	}
	(*cur)->entries = xgrow((*cur)->entries, &(*cur)->cap, (*cur)->n + 1,
				sizeof *(*cur)->entries);
	(*cur)->entries[(*cur)->n].key = xstrdup(key);
	(*cur)->entries[(*cur)->n].value = xstrdup(val);
	(*cur)->entries[(*cur)->n].line = lineno;
	(*cur)->n++;
}

static void prescan(struct ini_file *f, struct diag_list *diags)
{
	struct ini_section *cur = NULL;
	char *line = xmalloc(INI_LINE_MAX + 2);
	size_t pos = 0;
	int lineno = 0;

	if (f->len >= 3 && memcmp(f->text, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;	/* a UTF-8 byte order mark is tolerated */
	while (pos < f->len) {
		const char *start = f->text + pos;
		const char *nl = memchr(start, '\n', f->len - pos);
		size_t n = nl ? (size_t)(nl - start) : f->len - pos;
		size_t bad;

		lineno++;
		pos += n + (nl ? 1 : 0);
		if (n > 0 && start[n - 1] == '\r')
			n--;
		if (memchr(start, '\0', n)) {
			diag_add(diags, f->path, lineno, "octet nul dans la ligne");
			continue;
		}
		if (!text_utf8_valid(start, n, &bad)) {
			diag_add(diags, f->path, lineno,
				 "texte invalide : ce n'est pas de l'UTF-8 "
				 "(octet %zu de la ligne)", bad + 1);
			continue;
		}
		if (n > INI_LINE_MAX) {
			diag_add(diags, f->path, lineno,
				 "ligne trop longue : %zu octets, au plus %d",
				 n, INI_LINE_MAX);
			continue;
		}
		memcpy(line, start, n);
		line[n] = '\0';
		scan_line(f, line, lineno, &cur, diags);
	}
	free(line);
}

/* Hand exactly the scanned bytes to iniparser through an anonymous
 * in-memory file, so what it parses is what we checked. */
static dictionary *load_with_iniparser(const struct ini_file *f)
{
	char fdpath[64];
	dictionary *d;
	/* the byte order mark the scan tolerated would be a syntax error */
	size_t off = f->len >= 3 && !memcmp(f->text, "\xEF\xBB\xBF", 3) ? 3 : 0;
	int fd = memfd_create("suivi-ini", MFD_CLOEXEC);

	iniparser_set_error_callback(silent);
	if (fd < 0)
		return iniparser_load(f->path);
	while (off < f->len) {
		ssize_t w = write(fd, f->text + off, f->len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			close(fd);
			return NULL;
		}
		off += (size_t)w;
	}
	snprintf(fdpath, sizeof fdpath, "/proc/self/fd/%d", fd);
	d = iniparser_load(fdpath);
	close(fd);
	return d;
}

int ini_read(const char *path, struct ini_file *f, struct diag_list *diags)
{
	size_t before = diags->n;
	dictionary *d;

	memset(f, 0, sizeof *f);
	f->path = xstrdup(path);
	if (read_all(path, f, diags) != 0)
		return -1;
	prescan(f, diags);
	if (diags->n > before)
		return -1;
	d = load_with_iniparser(f);
	if (!d) {
		diag_add(diags, path, 0, "iniparser n'a pas pu lire le fichier");
		return -1;
	}
	for (size_t i = 0; i < f->n; i++) {
		struct ini_section *s = &f->sections[i];

		for (size_t k = 0; k < s->n; k++) {
			char *full = xasprintf("%s:%s", s->name, s->entries[k].key);
			const char *v = iniparser_getstring(d, full, NULL);

			if (!v || strcmp(v, s->entries[k].value) != 0)
				diag_add(diags, path, s->entries[k].line,
					 "iniparser lit cette valeur autrement "
					 "(« %s ») : réécrivez-la entre guillemets",
					 v ? v : "rien");
			free(full);
		}
	}
	iniparser_freedict(d);
	return diags->n > before ? -1 : 0;
}

void ini_file_release(struct ini_file *f)
{
	for (size_t i = 0; i < f->n; i++) {
		for (size_t k = 0; k < f->sections[i].n; k++) {
			free(f->sections[i].entries[k].key);
			free(f->sections[i].entries[k].value);
		}
		free(f->sections[i].entries);
		free(f->sections[i].name);
	}
	free(f->sections);
	free(f->text);
	free(f->path);
	memset(f, 0, sizeof *f);
}

const struct ini_entry *ini_get(const struct ini_section *s, const char *key)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->entries[i].key, key) == 0)
			return &s->entries[i];
	return NULL;
}
